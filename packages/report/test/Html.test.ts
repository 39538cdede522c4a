import { createHash } from "node:crypto"
import { describe, expect, it } from "vitest"
import { Html } from "../src/index.js"
import { troops } from "./build.js"

const HOSTILE = `The ministry said 11,000 troops went. <script>alert(1)</script> "><img src=x onerror=alert(2)> </script><svg onload=alert(3)> \u2028 &amp;`

const build = () =>
  troops(HOSTILE, { outlet: `Evil <script>alert("o")</script>`, title: `"><img src=x onerror=alert(4)>` })

describe("Html.render", () => {
  const html = Html.render(build())

  it("carries article text only inside inert JSON, never as markup", () => {
    expect(html).not.toContain("<img")
    expect(html).not.toContain("<svg")
    expect(html).not.toContain("alert(1)</script>")
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(html).toContain('<script type="application/json" id="report-data">')
    const json = html.slice(html.indexOf('id="report-data">') + 17, html.indexOf("</script>"))
    expect(JSON.parse(json).documents[0].text).toBe(HOSTILE)
  })

  it("pins its own script by hash in the Content-Security-Policy and loads nothing from elsewhere", () => {
    const script = html.slice(html.lastIndexOf("<script>") + 8, html.lastIndexOf("</script>"))
    const digest = createHash("sha256").update(script).digest("base64")
    expect(Html.contentSecurityPolicy()).toContain(`script-src 'sha256-${digest}'`)
    expect(html).toContain(`sha256-${digest}`)
    expect(Html.contentSecurityPolicy()).toContain("default-src 'none'")
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//)
  })

  it("shows the number of findings in the page itself", () => {
    expect(html).toContain('<span id="finding-count">1</span>')
  })
})
