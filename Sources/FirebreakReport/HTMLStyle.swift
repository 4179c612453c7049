/// The report page's one style sheet: large type and strong contrast for a projector; on
/// paper a page per scenario, and folded sections stay folded.
enum HTMLStyle {
    static let css = """

        :root { --ink: #1b1b1b; --muted: #555; --bad: #b3261e; --ok: #1e6b32; --rule: #ddd; --code: #f3f3f3; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 75rem; padding: 1.5rem 2rem 3rem; color: var(--ink); background: #fff;
               font: 18px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
        h1 { font-size: 2rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.5rem; margin: 2.5rem 0 .5rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; }
        h2 .title { font-weight: normal; }
        h3 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 1rem 0 .25rem; font-weight: 600; }
        p { margin: .3rem 0; }
        code, pre, .loc { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9em; }
        code { background: var(--code); padding: 0 .25em; border-radius: 3px; overflow-wrap: anywhere; }
        .meta, .more, .note, figcaption, .why, .control, .src { color: var(--muted); }
        .verdict { font-size: 1.15rem; }
        .bad { color: var(--bad); font-weight: 600; }
        .ok { color: var(--ok); font-weight: 600; }
        tr.bad td { color: var(--bad); }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
        th, td { text-align: left; vertical-align: top; padding: .3rem .6rem; border-bottom: 1px solid var(--rule); }
        th { border-bottom: 2px solid var(--ink); }
        .n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1rem 0; }
        figure .canvas { overflow: auto; max-height: 85vh; border: 1px solid var(--rule); }
        figure svg { display: block; height: auto; margin: 0 auto; }
        .path { border-left: 4px solid var(--bad); padding: 0 0 0 1rem; margin: 1rem 0; }
        ol.hops { padding-left: 1.5rem; }
        ol.hops li { margin: .6rem 0; }
        .hop { font-weight: 600; }
        .rule { color: var(--muted); font-weight: normal; }
        .assumed { color: #8a5300; }
        .line { white-space: pre-wrap; }
        .story { max-width: 60rem; }
        pre.diff { background: var(--code); padding: .75rem; overflow-x: auto; font-size: .8rem; }
        details { margin: .75rem 0; }
        summary { cursor: pointer; color: var(--muted); }
        footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
        @media print {
          body { max-width: none; padding: 0; font-size: 11pt; }
          section.scenario { break-before: page; }
          .path, tr, figure { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
          figure .canvas { overflow: visible; max-height: none; border: none; }
          figure svg { width: 100% !important; max-width: 100% !important; }
        }

        """
}
