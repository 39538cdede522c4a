// The report page's only script, pinned by hash in the Content-Security-Policy. It reads the page's
// data (internal/pageData.ts) from inert JSON and draws what is asked for, when it is asked for, with
// text nodes only: every string from an article goes through `txt`, isolated in a <bdi>.
;(() => {
  const data = JSON.parse(document.getElementById("report-data").textContent)
  const $ = (id) => document.getElementById(id)
  const el = (tag, attrs, children) => {
    const e = document.createElement(tag)
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue
      if (k === "text") e.textContent = v
      else e.setAttribute(k, v === true ? "" : v)
    }
    for (const c of children || []) if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c)
    return e
  }
  /** Text from an input: isolated so that right-to-left text cannot reorder what is around it. */
  const txt = (s, cls) => el("bdi", { class: cls, text: s })
  /** A link only to an http(s) URL (pageData checked it; checked again here, as the page's own rule). */
  const link = (href, children, attrs) =>
    /^https?:\/\//i.test(href || "")
      ? el("a", { href, target: "_blank", rel: "noopener noreferrer", ...attrs }, children)
      : el("span", attrs, children)
  /** At most n characters, cut at a word boundary where there is one in the last third. */
  const cut = (s, n) => {
    if (s.length <= n) return s
    const head = s.slice(0, Math.max(1, n - 1))
    const space = head.lastIndexOf(" ")
    return `${(space > n * 0.66 ? head.slice(0, space) : head).replace(/[\s,;:.]+$/, "")}…`
  }
  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
  const day = (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "")
    return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : null
  }

  const VERDICTS = ["disputed", "contradict", "changed", "compatible", "agree", "single-source"]
  const RANK = new Map(VERDICTS.map((v, i) => [v, i]))
  // Reading order inside a story: what to act on first, then timelines, then agreement, then the rest.
  const SECTIONS = [
    { key: "conflict", title: "Disputed and contradicting", verdicts: ["disputed", "contradict"] },
    { key: "changed", title: "Changed figures", verdicts: ["changed"] },
    { key: "agree", title: "Agreements", verdicts: ["compatible", "agree"] },
    { key: "single", title: "Single source", verdicts: ["single-source"], collapsed: true },
  ]
  const PAGE = 100
  /** Characters of a finding's row before it is opened, badge and button included: within the 300 of the brief. */
  const LINE = 260

  const docs = data.documents
  const claims = data.claims
  const findings = data.findings
  const docOf = (ci) => docs[claims[ci].doc]
  const indexOf = new Map(findings.map((f, i) => [f, i]))
  /** The sentence in the article: its URL with the claim's text directive (as Links.fragmentUrl builds it). */
  const linkOf = (c) => {
    const url = docs[c.doc].url
    if (!url) return null
    return c.fragment ? `${url}${url.includes("#") ? "" : "#"}:~:${c.fragment}` : url
  }
  const placeOf = (c) => `${docs[c.doc].place} (characters ${c.span[0]}–${c.span[1]})`
  const saidOf = (c) => (c.said ? c.text.slice(c.said[0], c.said[1]) : c.text)
  const dateOf = (f) =>
    f.claims.reduce((best, ci) => {
      const d = docOf(ci).date
      return d && (!best || d > best) ? d : best
    }, null)
  const hay = new Map()
  const haystack = (f) => {
    let h = hay.get(f)
    if (h === undefined) {
      const parts = []
      for (const ci of f.claims) {
        const c = claims[ci]
        parts.push(c.text, c.who || "", docOf(ci).outlet)
      }
      h = parts.join("\n").toLowerCase()
      hay.set(f, h)
    }
    return h
  }

  // ---- state, kept in the URL hash so that a filtered view can be sent as a link ----
  const blank = () => ({
    q: "",
    v: new Set(VERDICTS),
    story: "",
    outlet: "",
    from: "",
    to: "",
    sort: "severity",
    f: "",
  })
  let state = blank()
  const readHash = () => {
    const p = new URLSearchParams(location.hash.slice(1))
    const s = blank()
    s.q = p.get("q") || ""
    if (p.has("v")) s.v = new Set((p.get("v") || "").split(",").filter((v) => RANK.has(v)))
    s.story = p.get("story") || ""
    s.outlet = p.get("outlet") || ""
    s.from = /^\d{4}-\d{2}-\d{2}$/.test(p.get("from") || "") ? p.get("from") : ""
    s.to = /^\d{4}-\d{2}-\d{2}$/.test(p.get("to") || "") ? p.get("to") : ""
    s.sort = ["severity", "date", "sources"].includes(p.get("sort")) ? p.get("sort") : "severity"
    s.f = p.get("f") || ""
    return s
  }
  const writeHash = () => {
    const p = new URLSearchParams()
    if (state.q) p.set("q", state.q)
    if (state.v.size !== VERDICTS.length) p.set("v", VERDICTS.filter((v) => state.v.has(v)).join(","))
    for (const k of ["story", "outlet", "from", "to", "f"]) if (state[k]) p.set(k, state[k])
    if (state.sort !== "severity") p.set("sort", state.sort)
    const hash = p.toString()
    if (hash !== location.hash.slice(1)) history.replaceState(null, "", hash ? `#${hash}` : location.pathname)
  }

  // ---- controls ----
  const form = $("controls")
  form.addEventListener("submit", (e) => e.preventDefault())
  const storySelect = $("story")
  data.stories.forEach((s, i) => {
    const range = [day(s.start), day(s.end)].filter(Boolean)
    const label = `${cut(s.label, 60)}${range.length ? ` (${[...new Set(range)].join("–")})` : ""}`
    storySelect.appendChild(el("option", { value: s.id || `#${i}`, text: label }))
  })
  storySelect.closest("label").hidden = data.stories.length < 2
  const outletSelect = $("outlet")
  for (const o of [...new Set(docs.map((d) => d.outlet))].sort((a, b) => a.localeCompare(b)))
    outletSelect.appendChild(el("option", { value: o, text: o }))
  const counts = new Map()
  for (const f of findings) counts.set(f.verdict, (counts.get(f.verdict) || 0) + 1)
  for (const n of document.querySelectorAll("[data-count]")) n.textContent = String(counts.get(n.dataset.count) || 0)

  const toControls = () => {
    $("q").value = state.q
    for (const box of document.querySelectorAll("input[data-filter=verdict]")) box.checked = state.v.has(box.value)
    storySelect.value = state.story
    outletSelect.value = state.outlet
    $("from").value = state.from
    $("to").value = state.to
    $("sort").value = state.sort
  }
  const fromControls = () => {
    state.q = $("q").value.trim()
    state.v = new Set([...document.querySelectorAll("input[data-filter=verdict]:checked")].map((b) => b.value))
    state.story = storySelect.value
    state.outlet = outletSelect.value
    state.from = $("from").value
    state.to = $("to").value
    state.sort = $("sort").value
  }
  let typing = 0
  form.addEventListener("input", (e) => {
    clearTimeout(typing)
    const apply = () => {
      fromControls()
      writeHash()
      draw()
    }
    if (e.target.id === "q") typing = setTimeout(apply, 120)
    else apply()
  })

  // ---- filtering and order ----
  const storyKey = (i) => data.stories[i].id || `#${i}`
  const matches = (f) => {
    if (!state.v.has(f.verdict)) return false
    if (state.story && storyKey(f.story) !== state.story) return false
    if (state.outlet && !f.claims.some((ci) => docOf(ci).outlet === state.outlet)) return false
    if (state.from || state.to) {
      const inRange = f.claims.some((ci) => {
        const d = (docOf(ci).date || "").slice(0, 10)
        return d && (!state.from || d >= state.from) && (!state.to || d <= state.to)
      })
      if (!inRange) return false
    }
    if (state.q) {
      const h = haystack(f)
      if (
        !state.q
          .toLowerCase()
          .split(/\s+/)
          .every((t) => h.includes(t))
      )
        return false
    }
    return true
  }
  const sorters = {
    severity: (a, b) => RANK.get(a.verdict) - RANK.get(b.verdict) || b.sources - a.sources,
    date: (a, b) => (dateOf(b) || "").localeCompare(dateOf(a) || "") || RANK.get(a.verdict) - RANK.get(b.verdict),
    sources: (a, b) => b.sources - a.sources || b.claims.length - a.claims.length,
  }

  // ---- one finding: a line first, the rest on demand ----
  /** Claims that are copies of one story saying the same thing are one side, naming every copy's outlet. */
  const sidesOf = (f) => {
    const sides = new Map()
    for (const ci of f.claims) {
      const c = claims[ci]
      const key = `${c.stance}\u0000${figureText(f, ci) || c.text}\u0000${c.who || ""}`
      const side = sides.get(key) || { claim: c, ci, members: [] }
      side.members.push(ci)
      sides.set(key, side)
    }
    // A dispute is read as "one says, the other denies": the first asserting side, then every
    // denying or disputing one, then the rest, so both stand in the line however many there are.
    const all = [...sides.values()]
    const first = all.find((x) => x.claim.stance === "asserts")
    const against = all.filter((x) => x.claim.stance !== "asserts")
    return [...new Set([first, ...against, ...all].filter(Boolean))]
  }
  /** Outlet and date, linked to the sentence in the article (or its file and place when it has no URL). */
  const source = (f, ci, withDate) => {
    const c = claims[ci]
    const d = docs[c.doc]
    const when = withDate && day(d.date)
    const label = [txt(d.outlet, "outlet"), when ? ` (${when})` : null]
    const href = linkOf(c)
    if (href)
      return link(href, label, {
        class: "src",
        "data-claim": c.id,
        title: `Open the sentence in the article${d.title ? `: ${d.title}` : ""}`,
      })
    // No URL: the link opens the finding at this passage, which names the file and place.
    const a = el(
      "a",
      { class: "src nolink", href: `#f=${encodeURIComponent(f.id)}`, "data-claim": c.id, title: placeOf(c) },
      label,
    )
    a.addEventListener("click", (e) => {
      e.preventDefault()
      const r = a.closest("li.finding")
      if (!r) return
      toggle(r, true)
      focusRow(r)
      const passage = r.querySelector(`.passages li[data-claim="${CSS.escape(c.id)}"]`)
      passage?.classList.add("current")
      passage?.scrollIntoView({ block: "nearest" })
    })
    return a
  }
  const STANCE = { asserts: "says", denies: "denies", disputes: "disputes" }
  /** The figure a claim gives in this finding, [claim, figure, start, end] (reports before version 5 have none). */
  const figureOf = (f, ci) => (f.figures || []).find((x) => x[0] === ci)
  /** The figure a claim gives in this finding, as written; else the claim's own value (or nothing, for a statement). */
  const figureText = (f, ci) => figureOf(f, ci)?.[1] || claims[ci].value
  const sayWhat = (f, ci, room) => {
    const c = claims[ci]
    const value = figureText(f, ci)
    if (value) return [txt(cut(value, room), "value")]
    const who = c.who ? `${cut(c.who, Math.min(40, room))} ` : ""
    const verb = c.who || c.stance !== "asserts" ? `${STANCE[c.stance] || c.stance}${c.hedged ? " (hedged)" : ""} ` : ""
    const quote = cut(saidOf(c), Math.max(16, room - who.length - verb.length))
    return [who ? txt(who, "who") : null, verb, el("q", {}, [txt(quote)])]
  }
  /** The line at a given room per quote; `line` shrinks the room until the whole row fits LINE. */
  const lineAt = (f, sides, room, most) => {
    const shown = sides.slice(0, most)
    const parts = []
    shown.forEach((side, i) => {
      if (i > 0) parts.push(" · ")
      side.members.slice(0, 3).forEach((ci, j) => {
        if (j > 0) parts.push(" + ")
        parts.push(source(f, ci, j === 0))
      })
      if (side.members.length > 3) parts.push(` +${side.members.length - 3}`)
      parts.push(": ", ...sayWhat(f, side.ci, room))
    })
    if (sides.length > shown.length) parts.push(` · ${sides.length - shown.length} more`)
    parts.push(el("span", { class: "arrow" }, [" → ", el("strong", { text: f.verdict.replace("-", " ") })]))
    return el("span", { class: "line" }, parts)
  }
  const line = (f) => {
    const sides = sidesOf(f)
    // Shorter quotes first, then fewer sides (never fewer than two: both sides of a dispute stay).
    let most = 4
    let room = Math.floor(LINE / Math.min(most, sides.length)) - 24
    let drawn = lineAt(f, sides, room, most)
    while (drawn.textContent.length > LINE && (room > 24 || most > 2)) {
      if (room > 24) room = Math.max(24, Math.floor(room * 0.75))
      else most--
      drawn = lineAt(f, sides, room, most)
    }
    return drawn
  }

  /**
   * The sentence, with the figure this finding weighs marked where it names one (a sentence may give two:
   * "More than 200 firefighters fought the blaze for nine hours"); a statement's sentence is marked whole.
   */
  const marked = (f, ci) => {
    const c = claims[ci]
    const fig = figureOf(f, ci)
    if (!fig) return [el("mark", {}, [txt(c.text)])]
    const [, , start, end] = fig
    // One isolate for the whole sentence, as a sentence unmarked is: the figure is a part of its text.
    return [
      el("bdi", {}, [
        c.text.slice(0, start),
        el("mark", { class: "figure" }, [c.text.slice(start, end)]),
        c.text.slice(end),
      ]),
    ]
  }
  /** The explanation in short pieces: its sentences, and a long one's "; " clauses as a list. */
  const why = (text) => {
    const box = el("div", { class: "why" }, [el("h4", { text: "Why" })])
    for (const sentence of text.split(/(?<=[.!?])\s+(?=[A-Z])/)) {
      if (sentence.length <= 300) box.appendChild(el("p", {}, [txt(sentence)]))
      else
        box.appendChild(
          el(
            "ul",
            {},
            sentence.split(/;\s+/).map((part) => el("li", {}, [txt(part)])),
          ),
        )
    }
    return box
  }
  const detail = (f) => {
    const box = el("div", { class: "detail" })
    const facts = [
      `${f.verdict} · ${f.sources} independent source${f.sources === 1 ? "" : "s"}`,
      f.rule ? ` · rule ${f.rule}` : "",
      ` · ${data.stories[f.story].label}`,
    ]
    box.appendChild(el("p", { class: "facts" }, [txt(facts.join(""))]))
    if (f.timeline?.length) {
      box.appendChild(el("h4", { text: "Timeline" }))
      box.appendChild(
        el(
          "ol",
          { class: "timeline" },
          f.timeline.map(([ci, value, time, defaulted]) =>
            el("li", {}, [
              el("span", { class: "when", text: `${day(time) || "undated"}${defaulted ? " (published)" : ""}` }),
              " ",
              txt(value, "value"),
              " — ",
              source(f, ci, false),
            ]),
          ),
        ),
      )
    }
    box.appendChild(el("h4", { text: "Passages" }))
    const passages = (cis) =>
      el(
        "ul",
        { class: "passages" },
        cis.map((ci) => passage(f, ci)),
      )
    if (f.sides) {
      // A contradiction's positions, or a dispute's claim and its denial, each under its own heading.
      const onSide = new Set(f.sides.flatMap((side) => side.claims))
      for (const side of f.sides) {
        box.appendChild(el("h5", { class: "side", text: side.label }))
        box.appendChild(passages(side.claims))
      }
      const rest = f.claims.filter((ci) => !onSide.has(ci))
      if (rest.length > 0) {
        box.appendChild(el("h5", { class: "side", text: data.onNoSide }))
        box.appendChild(passages(rest))
      }
    } else box.appendChild(passages(f.claims))
    box.appendChild(why(f.why))
    return box
  }
  /** One passage: its outlet and place, the voice it is said in, and the sentence with the figure marked. */
  const passage = (f, ci) => {
    const c = claims[ci]
    const voice = [
      c.who ? `source: ${c.who}` : "the outlet's own voice",
      c.cue ? `cue: “${c.cue}”` : null,
      `stance: ${c.stance}${c.hedged ? " (hedged)" : ""}`,
      c.time ? `time: ${c.time}` : null,
    ].filter(Boolean)
    return el("li", { "data-claim": c.id }, [
      source(f, ci, true),
      linkOf(c) ? null : el("span", { class: "place" }, [" ", txt(placeOf(c))]),
      el("div", { class: "voice" }, [txt(voice.join(" · "))]),
      el("blockquote", {}, marked(f, ci)),
    ])
  }
  const toggle = (row, open) => {
    const f = findings[Number(row.dataset.index)]
    const button = row.querySelector("button.more")
    const isOpen = button.getAttribute("aria-expanded") === "true"
    const want = open === undefined ? !isOpen : open
    if (want === isOpen) return
    button.setAttribute("aria-expanded", String(want))
    button.textContent = want ? "Less" : "More"
    if (want) row.appendChild(detail(f))
    else row.querySelector(".detail")?.remove()
    state.f = want ? f.id : state.f === f.id ? "" : state.f
    writeHash()
  }
  const row = (f) => {
    const index = indexOf.get(f)
    const button = el("button", { type: "button", class: "more", "aria-expanded": "false", text: "More" })
    const li = el(
      "li",
      {
        class: `finding v-${f.verdict}`,
        id: `finding-${f.id}`,
        "data-verdict": f.verdict,
        "data-index": String(index),
        tabindex: "-1",
      },
      [
        el("div", { class: "head" }, [
          el("span", { class: `badge v-${f.verdict}`, text: f.verdict.replace("-", " ") }),
          line(f),
          button,
        ]),
      ],
    )
    button.setAttribute("aria-label", `More about this ${f.verdict} finding`)
    button.addEventListener("click", () => toggle(li))
    li.querySelector(".head").addEventListener("click", (e) => {
      if (!e.target.closest("a, button")) {
        focusRow(li)
        toggle(li)
      }
    })
    return li
  }

  // ---- the list: stories, their sections, rows drawn a page at a time ----
  const main = $("findings")
  /**
   * Appends up to PAGE rows of `items` to `list` (more when the finding named in the hash lies
   * further down, so that a sent link opens it), and a button for the next page.
   */
  const fill = (list, items, from) => {
    const target = from === 0 && state.f ? items.findIndex((f) => f.id === state.f) : -1
    const end = Math.min(items.length, Math.max(from + PAGE, target + 1))
    for (let i = from; i < end; i++) list.appendChild(row(items[i]))
    if (end < items.length) {
      const more = el("button", {
        type: "button",
        class: "page",
        text: `Show ${Math.min(PAGE, items.length - end)} more of ${items.length - end}`,
      })
      const holder = el("li", { class: "page" }, [more])
      more.addEventListener("click", () => {
        holder.remove()
        fill(list, items, end)
        list.querySelectorAll("li.finding")[end]?.focus()
      })
      list.appendChild(holder)
    }
  }
  const draw = () => {
    main.replaceChildren()
    const byStory = data.stories.map(() => [])
    let shown = 0
    for (const f of findings)
      if (matches(f)) {
        byStory[f.story].push(f)
        shown++
      }
    $("shown-count").textContent = String(shown)
    $("no-findings").hidden = shown > 0
    byStory.forEach((fs, si) => {
      if (fs.length === 0) return
      const s = data.stories[si]
      const range = [...new Set([day(s.start), day(s.end)].filter(Boolean))].join(" – ")
      const n = (vs) => fs.filter((f) => vs.includes(f.verdict)).length
      const tally = `${n(["disputed", "contradict"])} in dispute · ${n(["changed"])} changed · ${fs.length} findings`
      const section = el("section", { class: "story", "data-story": storyKey(si), "aria-label": s.label }, [
        el("h2", {}, [
          txt(cut(s.label, 120)),
          el("span", { class: "sub", text: ` ${tally}${range ? ` · ${range}` : ""}` }),
        ]),
      ])
      if (s.outlets.length) section.appendChild(el("p", { class: "outlets" }, [txt(cut(s.outlets.join(", "), 200))]))
      for (const sec of SECTIONS) {
        const items = fs.filter((f) => sec.verdicts.includes(f.verdict)).sort(sorters[state.sort])
        if (items.length === 0) continue
        const list = el("ol", { class: "findings", "data-section": sec.key })
        const heading = `${sec.title} (${items.length})`
        if (sec.collapsed && !state.q) {
          const box = el("details", { class: "collapsed", "data-section": sec.key }, [el("summary", { text: heading })])
          box.fillNow = () => {
            if (!list.firstChild) fill(list, items, 0)
          }
          box.addEventListener("toggle", () => box.open && box.fillNow())
          box.appendChild(list)
          section.appendChild(box)
        } else {
          section.appendChild(el("h3", { text: heading }))
          fill(list, items, 0)
          section.appendChild(list)
        }
      }
      main.appendChild(section)
    })
  }

  // ---- keyboard: j/k move, Enter opens, / searches ----
  const rows = () => [...main.querySelectorAll("li.finding")].filter((r) => r.offsetParent !== null)
  let current = null
  const focusRow = (r) => {
    if (!r) return
    current?.classList.remove("current")
    current = r
    r.classList.add("current")
    r.focus({ preventScroll: true })
    r.scrollIntoView({ block: "nearest" })
  }
  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    const typingIn = e.target.closest?.("input, select, textarea")
    if (typingIn) {
      if (e.key === "Escape") e.target.blur()
      return
    }
    if (e.key === "/") {
      e.preventDefault()
      $("q").focus()
      $("q").select()
    } else if (e.key === "j" || e.key === "k") {
      const all = rows()
      if (all.length === 0) return
      const at = all.indexOf(current)
      const next = at < 0 ? 0 : Math.max(0, Math.min(all.length - 1, at + (e.key === "j" ? 1 : -1)))
      focusRow(all[next])
      e.preventDefault()
    } else if (e.key === "Enter" && e.target.matches?.("li.finding")) {
      toggle(e.target)
      e.preventDefault()
    }
  })

  // ---- articles (every input, linked) and unreadable inputs, drawn when opened ----
  const box = $("articles-box")
  box.addEventListener("toggle", () => {
    const list = $("articles")
    if (!box.open || list.firstChild) return
    for (const d of docs)
      list.appendChild(
        el("li", {}, [
          d.url ? link(d.url, [txt(d.outlet, "outlet")], { class: "src" }) : txt(d.outlet, "outlet"),
          d.date ? ` (${day(d.date)})` : "",
          d.title ? ": " : "",
          d.title ? txt(cut(d.title, 160)) : null,
          d.url ? null : el("span", { class: "place" }, [" — ", txt(d.place)]),
        ]),
      )
  })
  for (const e of data.errors) {
    const said = `${e.path}: ${e.message}`
    $("errors").appendChild(el("li", { title: said.length > 280 ? said : null }, [txt(cut(said, 280))]))
  }

  const apply = () => {
    state = readHash()
    toControls()
    draw()
    if (state.f) {
      const f = findings.find((x) => x.id === state.f)
      let r = f && $(`finding-${f.id}`)
      if (f && !r && f.verdict === "single-source") {
        const details = main.querySelector(`section.story[data-story="${CSS.escape(storyKey(f.story))}"] details`)
        if (details) {
          details.open = true
          details.fillNow()
        }
      }
      r = f && $(`finding-${f.id}`)
      if (r) {
        toggle(r, true)
        focusRow(r)
      }
    }
  }
  window.addEventListener("hashchange", apply)
  apply()
  document.body.setAttribute("data-ready", "true")
})()
