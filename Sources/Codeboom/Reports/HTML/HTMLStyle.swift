/// The style sheet of `rapport.html`: readable on screen, visible keyboard focus, and a print style for A4
/// (no navigation or filters, tables and quotes kept whole, sources shown).
enum HTMLStyle {
    static let css = """
        :root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #0b4f8a; --band: #f2f5f9; }
        * { box-sizing: border-box; }
        body { font-family: 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif; color: var(--ink); line-height: 1.5;
          margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 4rem; }
        h1 { font-size: 1.9rem; margin: 1rem 0 0.5rem; }
        h2 { font-size: 1.45rem; margin-top: 2.5rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; }
        h3 { font-size: 1.15rem; margin-top: 1.6rem; }
        h4 { font-size: 1rem; margin: 1rem 0 0.3rem; color: var(--muted); }
        a { color: var(--accent); }
        a:focus-visible, summary:focus-visible, input:focus-visible, main:focus-visible { outline: 3px solid #e69f00; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem; }
        .skip:focus { left: 0.5rem; }
        nav ul { columns: 2; padding-left: 1.2rem; }
        nav h2 { border: none; margin-top: 1rem; font-size: 1.1rem; }
        .filters { border: 1px solid var(--line); padding: 0.5rem 1rem; margin: 1rem 0; background: var(--band); }
        .filters fieldset { border: none; display: inline-block; margin: 0 1.5rem 0 0; padding: 0; vertical-align: top; }
        .filters legend { font-weight: bold; }
        .filters label { display: inline-block; margin-right: 1rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.92rem; }
        caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
        th, td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; vertical-align: top; text-align: left; }
        thead th { background: var(--band); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.sub th { font-weight: normal; padding-left: 1.5rem; }
        tfoot th, tfoot td { font-style: italic; }
        .tree tr.depth-0 th { font-weight: bold; }
        .tree tr.depth-1 th { padding-left: 1.3rem; font-weight: normal; }
        .tree tr.depth-2 th { padding-left: 2.4rem; font-weight: normal; }
        .tree tr.depth-3 th, .tree tr.depth-4 th { padding-left: 3.5rem; font-weight: normal; }
        .scroll { overflow-x: auto; }
        .side-by-side { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
        .figure-table { display: flex; flex-wrap: wrap; gap: 0 2rem; align-items: flex-start; }
        figure.chart { margin: 0.5rem 0 1rem; max-width: 100%; overflow-x: auto; }
        figure.chart svg { max-width: 100%; height: auto; }
        figure.chart figcaption { font-size: 0.85rem; color: var(--muted); }
        figure.quote { margin: 0.6rem 0 0.9rem; }
        blockquote { margin: 0; padding: 0.3rem 1rem; border-left: 4px solid var(--accent); background: var(--band); font-style: italic; }
        blockquote p { margin: 0; }
        figure.quote figcaption { margin-left: 1.25rem; font-size: 0.9rem; }
        details summary { cursor: pointer; color: var(--accent); }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0.3rem 0; }
        dt { font-weight: bold; }
        dd { margin: 0; overflow-wrap: anywhere; }
        code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 0.85em; }
        .filtered-out { display: none; }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav, .filters, .skip { display: none; }
          a { color: inherit; text-decoration: none; }
          h2 { break-after: avoid; }
          h3, h4 { break-after: avoid; }
          table, figure, blockquote { break-inside: avoid; }
          .scroll, figure.chart { overflow: visible; }
          details > summary { list-style: none; color: inherit; }
          .filtered-out { display: revert; }
        }

        """
}
