/**
 * `report.html`: one self-contained page (no network, no external scripts or fonts). The report
 * travels as inert JSON; the page's own script, pinned by hash in the Content-Security-Policy,
 * builds the view with text nodes only, so article text can never become markup or script.
 */
import { createHash } from "node:crypto"
import type { Report } from "@crosscheck/domain"

/** JSON that is safe inside a <script type="application/json"> element. */
export const embedJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;z-index:1}
h1{font-size:18px;margin:0 0 6px}
.filters label{margin-right:12px;white-space:nowrap}
main{display:grid;grid-template-columns:minmax(320px,1fr) 2fr;gap:16px;padding:16px 20px}
.finding{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:4px;padding:8px 12px;margin-bottom:10px}
.finding.disputed{border-left-color:#b45309}.finding.contradict{border-left-color:#b91c1c}
.finding.agree{border-left-color:#15803d}.finding.compatible{border-left-color:#2563eb}
.verdict{font-weight:700;text-transform:uppercase;font-size:12px;letter-spacing:.04em}
.passage{display:block;margin:4px 0;padding:4px 8px;background:#f3f3f3;border-radius:3px;color:inherit;text-decoration:none}
.passage:hover{background:#e8eefc}
.why{color:#444;font-size:13px}
.articles{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:12px;align-items:start}
article{background:#fff;border:1px solid #ddd;border-radius:4px;padding:8px 12px;white-space:pre-wrap}
article h2{font-size:15px;margin:0 0 4px;white-space:normal}
.meta{color:#666;font-size:12px;white-space:normal}
mark{background:#fff3b0;padding:0 1px}mark.in-finding{background:#fde68a}mark:target,mark.focus{outline:2px solid #b45309}
.errors{color:#b91c1c}
`

const SCRIPT = `
(function(){
var report=JSON.parse(document.getElementById('report-data').textContent);
function el(tag,attrs,children){var e=document.createElement(tag);if(attrs)for(var k in attrs){if(k==='text')e.textContent=attrs[k];else e.setAttribute(k,attrs[k]);}(children||[]).forEach(function(c){if(c)e.appendChild(c);});return e;}
var docs={};report.documents.forEach(function(d){docs[d.id]=d;});
var claims={};report.claims.forEach(function(c){claims[c.id]=c;});
var inFinding={};report.findings.forEach(function(f){f.claimIds.forEach(function(id){inFinding[id]=true;});});
var verdicts=['disputed','contradict','compatible','agree','single-source'];
var outlets=[];report.documents.forEach(function(d){if(outlets.indexOf(d.outlet)<0)outlets.push(d.outlet);});
var state={verdict:{},outlet:{}};verdicts.forEach(function(v){state.verdict[v]=true;});outlets.forEach(function(o){state.outlet[o]=true;});
var filters=document.getElementById('filters');
function box(group,value,label){var input=el('input',{type:'checkbox','data-filter':group,value:value});input.checked=true;input.addEventListener('change',function(){state[group][value]=input.checked;draw();});return el('label',null,[input,document.createTextNode(' '+label)]);}
filters.appendChild(el('span',{text:'Verdict: '}));verdicts.forEach(function(v){var n=report.findings.filter(function(f){return f.verdict===v;}).length;filters.appendChild(box('verdict',v,v+' ('+n+')'));});
filters.appendChild(el('br'));filters.appendChild(el('span',{text:'Outlet: '}));outlets.forEach(function(o){filters.appendChild(box('outlet',o,o));});
var list=document.getElementById('findings');
function draw(){list.textContent='';var shown=0;
report.findings.forEach(function(f){if(!state.verdict[f.verdict])return;
var fo=f.claimIds.map(function(id){var c=claims[id];return c&&docs[c.documentId]?docs[c.documentId].outlet:'';});
if(!fo.some(function(o){return state.outlet[o];}))return;shown++;
var passages=f.claimIds.map(function(id){var c=claims[id];if(!c)return null;var d=docs[c.documentId]||{outlet:'?'};
var a=el('a',{'class':'passage',href:'#claim-'+id},[el('strong',{text:d.outlet+': '}),document.createTextNode(c.text)]);
a.addEventListener('click',function(){var m=document.getElementById('claim-'+id);if(m){document.querySelectorAll('mark.focus').forEach(function(x){x.classList.remove('focus');});m.classList.add('focus');}});return a;});
list.appendChild(el('section',{'class':'finding '+f.verdict,id:'finding-'+f.id,'data-verdict':f.verdict},[el('div',{'class':'verdict',text:f.verdict+' · '+f.independentSources+' independent source'+(f.independentSources===1?'':'s')}),el('div',{text:f.summary})].concat(passages).concat([el('div',{'class':'why',text:'Why: '+f.explanation})])));});
if(shown===0)list.appendChild(el('p',{text:'No findings match the filters.'}));
document.querySelectorAll('article[data-outlet]').forEach(function(a){a.hidden=!state.outlet[a.getAttribute('data-outlet')];});}
var arts=document.getElementById('articles');
report.documents.forEach(function(d){var body=el('div');var cs=report.claims.filter(function(c){return c.documentId===d.id;}).sort(function(a,b){return a.span.start-b.span.start;});
var pos=0;cs.forEach(function(c){if(c.span.start<pos)return;body.appendChild(document.createTextNode(d.text.slice(pos,c.span.start)));
body.appendChild(el('mark',{id:'claim-'+c.id,'class':inFinding[c.id]?'in-finding':'',title:c.kind+(c.attribution.source?' · '+c.attribution.source.text:'')},[document.createTextNode(d.text.slice(c.span.start,c.span.end))]));pos=c.span.end;});
body.appendChild(document.createTextNode(d.text.slice(pos)));
var meta=[d.publishedAt,d.syndicationGroup?'copy group '+d.syndicationGroup:null,d.origin.path].filter(Boolean).join(' · ');
arts.appendChild(el('article',{'data-outlet':d.outlet,id:'doc-'+d.id},[el('h2',{text:d.outlet+(d.title?' — '+d.title:'')}),el('div',{'class':'meta',text:meta}),body]));});
var errs=document.getElementById('errors');report.errors.forEach(function(e){errs.appendChild(el('li',{text:e.path+': '+e.message}));});
draw();})();
`

export const render = (report: Report.Report): string => {
  const scriptHash = createHash("sha256").update(SCRIPT).digest("base64")
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src 'none'; base-uri 'none'; form-action 'none'`
  const title = `crosscheck report — ${report.documents.length} documents, ${report.findings.length} findings`
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><div id="filters" class="filters"></div></header>
<main>
<div><h2>Findings</h2><div id="findings"></div><ul id="errors" class="errors"></ul></div>
<div><h2>Articles</h2><div id="articles" class="articles"></div></div>
</main>
<noscript>This report needs the page's own script to draw; report.md holds the same findings as text.</noscript>
<script type="application/json" id="report-data">${embedJson(report)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`
}
