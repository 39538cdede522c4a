// The report page's only script, pinned by hash in the Content-Security-Policy. It reads the report
// from inert JSON and builds the view with text nodes and attributes only: article text never
// becomes markup.
;(() => {
  const report = JSON.parse(document.getElementById("report-data").textContent)
  // Characters that reorder or hide the text around them (a right-to-left override in an article) and
  // controls are shown as their code point, as in report.md (the report package's internal/visible.ts).
  const hiddenRanges =
    "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff"
  const hidden = new RegExp(`[${hiddenRanges}]`, "g")
  const visible = (s) =>
    String(s).replace(hidden, (c) => `\u27e8U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}\u27e9`)
  const text = (s) => document.createTextNode(visible(s))
  const el = (tag, attrs, children) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = visible(v)
      else e.setAttribute(k, visible(v))
    }
    for (const c of children || []) if (c) e.appendChild(typeof c === "string" ? text(c) : c)
    return e
  }
  const docs = new Map(report.documents.map((d) => [d.id, d]))
  const claims = new Map(report.claims.map((c) => [c.id, c]))
  const outletOfClaim = (id) => docs.get(claims.get(id)?.documentId)?.outlet ?? "?"
  const findingsOf = new Map()
  for (const f of report.findings)
    for (const id of f.claimIds) findingsOf.set(id, [...(findingsOf.get(id) || []), f.id])
  const verdicts = ["disputed", "contradict", "changed", "compatible", "agree", "single-source"]
  const outlets = [...new Set(report.documents.map((d) => d.outlet))]
  const state = { verdict: new Set(verdicts), outlet: new Set(outlets) }

  document.getElementById("finding-count").textContent = String(report.findings.length)

  // Filters
  const filters = document.getElementById("filters")
  const group = (name, label, values, count) => {
    const set = el("fieldset", { "data-filter-group": name }, [el("legend", { text: label })])
    for (const v of values) {
      const input = el("input", { type: "checkbox", "data-filter": name, value: v })
      input.checked = true
      input.addEventListener("change", () => {
        if (input.checked) state[name].add(v)
        else state[name].delete(v)
        draw()
      })
      set.appendChild(el("label", {}, [input, ` ${v}${count ? ` (${count(v)})` : ""}`]))
    }
    filters.appendChild(set)
  }
  group("verdict", "Verdict", verdicts, (v) => report.findings.filter((f) => f.verdict === v).length)
  group("outlet", "Outlet", outlets, null)

  // Articles, side by side, with every claim highlighted. Claims may overlap (a disputed clause
  // inside its sentence), so the text is cut at every claim boundary and each piece names the
  // claims covering it.
  const articles = document.getElementById("articles")
  for (const d of report.documents) {
    const body = el("div", { class: "body" })
    const cs = report.claims
      .filter((c) => c.documentId === d.id)
      .map((c) => ({
        c,
        start: Math.max(0, Math.min(c.span.start, d.text.length)),
        end: Math.min(c.span.end, d.text.length),
      }))
      .filter((x) => x.end > x.start)
    const cuts = [...new Set([0, d.text.length, ...cs.flatMap((x) => [x.start, x.end])])].sort((a, b) => a - b)
    const anchored = new Set()
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i], cuts[i + 1]]
      const piece = d.text.slice(from, to)
      const covering = cs.filter((x) => x.start <= from && x.end >= to)
      if (covering.length === 0) {
        body.appendChild(text(piece))
        continue
      }
      for (const x of covering)
        if (!anchored.has(x.c.id)) {
          anchored.add(x.c.id)
          body.appendChild(el("span", { id: `claim-${x.c.id}`, class: "anchor" }))
        }
      const ids = covering.map((x) => x.c.id)
      const inFinding = ids.some((id) => findingsOf.has(id))
      const tip = covering
        .map(({ c }) => {
          const a = c.attribution
          return [
            c.kind,
            a.source ? `source: ${a.source.text}` : null,
            a.cue ? `cue: ${a.cue.text}` : null,
            `stance: ${a.stance}`,
          ]
            .filter(Boolean)
            .join(" · ")
        })
        .join("\n")
      const mark = el("mark", { "data-claims": ids.join(" "), class: inFinding ? "in-finding" : "", title: tip }, [
        piece,
      ])
      mark.addEventListener("click", () => {
        const fid = ids.map((id) => findingsOf.get(id)).find(Boolean)?.[0]
        if (fid) select(fid, false)
      })
      body.appendChild(mark)
    }
    const meta = [
      d.publishedAt,
      d.syndicationGroup ? `copy group ${d.syndicationGroup}` : null,
      `${d.origin.path}#${d.origin.index}`,
    ]
      .filter(Boolean)
      .join(" · ")
    articles.appendChild(
      el("article", { "data-outlet": d.outlet, id: `doc-${d.id}` }, [
        el("h2", { text: d.outlet + (d.title ? ` — ${d.title}` : "") }),
        el("div", { class: "meta", text: meta }),
        body,
      ]),
    )
  }

  const marksOf = (claimId) =>
    [...document.querySelectorAll("mark[data-claims]")].filter((m) =>
      m.getAttribute("data-claims").split(" ").includes(claimId),
    )

  // Shows a finding's passages: highlights every piece of its claims and scrolls each article to them.
  const select = (findingId, scrollArticles) => {
    const f = report.findings.find((x) => x.id === findingId)
    if (!f) return
    for (const m of document.querySelectorAll("mark.focus")) m.classList.remove("focus")
    for (const s of document.querySelectorAll(".finding.selected")) s.classList.remove("selected")
    const section = document.getElementById(`finding-${f.id}`)
    section?.classList.add("selected")
    if (!scrollArticles) section?.scrollIntoView({ block: "nearest" })
    for (const id of f.claimIds) for (const m of marksOf(id)) m.classList.add("focus")
    if (scrollArticles)
      for (const id of f.claimIds) {
        const first = marksOf(id)[0]
        const article = first?.closest("article")
        if (first && article) {
          article.scrollTop = Math.max(0, first.offsetTop - article.offsetTop - 40)
          const strip = article.parentElement
          if (id === f.claimIds[0] && strip) strip.scrollLeft = Math.max(0, article.offsetLeft - strip.offsetLeft - 12)
        }
      }
  }

  // Findings
  const list = document.getElementById("findings")
  const empty = el("p", { id: "no-findings", text: "No findings match the filters." })
  for (const f of report.findings) {
    const fOutlets = [...new Set(f.claimIds.map(outletOfClaim))]
    const passages = f.claimIds.map((id) => {
      const c = claims.get(id)
      if (!c) return null
      const a = el("a", { class: "passage", href: `#claim-${id}`, "data-claim": id }, [
        el("strong", { text: `${outletOfClaim(id)}: ` }),
        c.text,
      ])
      a.addEventListener("click", (event) => {
        event.preventDefault()
        select(f.id, true)
        const first = marksOf(id)[0]
        first?.scrollIntoView({ block: "center", inline: "nearest" })
        history.replaceState(null, "", `#claim-${id}`)
      })
      return a
    })
    const section = el(
      "section",
      {
        class: `finding ${f.verdict}`,
        id: `finding-${f.id}`,
        "data-verdict": f.verdict,
        "data-outlets": JSON.stringify(fOutlets),
        tabindex: "0",
      },
      [
        el("div", {
          class: "verdict",
          text: `${f.verdict} · ${f.independentSources} independent source${f.independentSources === 1 ? "" : "s"}`,
        }),
        el("div", { class: "summary", text: f.summary }),
        ...passages,
        el("div", { class: "why", text: `Why: ${f.explanation}` }),
      ],
    )
    section.addEventListener("click", (event) => {
      if (!event.target.closest("a")) select(f.id, true)
    })
    list.appendChild(section)
  }
  list.appendChild(empty)

  const draw = () => {
    let shown = 0
    for (const f of report.findings) {
      const section = document.getElementById(`finding-${f.id}`)
      const visible = state.verdict.has(f.verdict) && f.claimIds.some((id) => state.outlet.has(outletOfClaim(id)))
      section.hidden = !visible
      if (visible) shown++
    }
    empty.hidden = shown > 0
    document.getElementById("shown-count").textContent = String(shown)
    for (const a of document.querySelectorAll("article[data-outlet]"))
      a.hidden = !state.outlet.has(a.getAttribute("data-outlet"))
  }

  const errors = document.getElementById("errors")
  for (const e of report.errors) errors.appendChild(el("li", { text: `${e.path}: ${e.message}` }))
  draw()
  document.body.setAttribute("data-ready", "true")
})()
