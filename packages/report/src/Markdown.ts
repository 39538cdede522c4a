/**
 * `report.md`: readable in a terminal. Disputed and contradicting findings first, each with its
 * outlets, the quoted passages and the explanation; then the documents and any unreadable inputs.
 */
import type { Claim, Report } from "@crosscheck/domain"
import { byVerdict } from "./ReportFile.js"

const quote = (text: string): string => `> ${text.replace(/\s+/g, " ").trim()}`

export const render = (report: Report.Report): string => {
  const docs = new Map(report.documents.map((d) => [d.id as string, d]))
  const claims = new Map(report.claims.map((c) => [c.id as string, c]))
  const out: string[] = ["# crosscheck report", ""]
  out.push(
    `${report.documents.length} documents, ${report.claims.length} claims, ${report.findings.length} findings, ${report.errors.length} unreadable inputs.`,
    "",
  )
  const counts = new Map<string, number>()
  for (const f of report.findings) counts.set(f.verdict, (counts.get(f.verdict) ?? 0) + 1)
  if (counts.size > 0) out.push([...counts].map(([v, n]) => `${v}: ${n}`).join(" · "), "")
  out.push("## Findings", "")
  if (report.findings.length === 0) out.push("No claims were shared by two or more documents.", "")
  for (const f of [...report.findings].sort(byVerdict)) {
    out.push(`### ${f.verdict.toUpperCase()} — ${f.summary}`, "")
    out.push(`Independent sources: ${f.independentSources}`, "")
    for (const id of f.claimIds) {
      const c = claims.get(id) as Claim.Claim | undefined
      if (!c) continue
      const d = docs.get(c.documentId)
      out.push(`**${d?.outlet ?? c.documentId}**${d?.title ? ` — ${d.title}` : ""}`, "", quote(c.text), "")
    }
    out.push(`Why: ${f.explanation}`, "")
  }
  out.push("## Documents", "")
  for (const d of report.documents) {
    const group = d.syndicationGroup ? ` (copy group ${d.syndicationGroup})` : ""
    out.push(
      `- **${d.outlet}**: ${d.title ?? "(untitled)"}${d.publishedAt ? `, ${d.publishedAt}` : ""}${group} — ${d.origin.path}#${d.origin.index}`,
    )
  }
  out.push("")
  if (report.errors.length > 0) {
    out.push("## Inputs that could not be read", "")
    for (const e of report.errors) out.push(`- ${e.path}: ${e.message}`)
    out.push("")
  }
  return out.join("\n")
}
