/** The page's whole stylesheet, inlined: a light theme that reflows from phones to wide screens. */
export const reportStyles = `
:root {
  --text: #1f2937; --muted: #6b7280; --line: #e5e7eb; --panel: #ffffff; --page: #f6f7f9; --accent: #2f5d8a;
  --ok: #1f7a3f; --ok-bg: #e6f4ea; --warn: #8a5a00; --warn-bg: #fff4d6; --error: #a11d2b; --error-bg: #fde8ea;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
  --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
}
* { box-sizing: border-box; }
html { background: var(--page); }
body { margin: 0; color: var(--text); font: 15px/1.5 var(--font); }
main { max-width: 1280px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 30px; line-height: 1.2; margin: 2px 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 20px; margin: 0 0 4px; }
code, pre { font-family: var(--mono); font-size: 12.5px; }
.muted { color: var(--muted); }
.eyebrow { margin: 0; color: var(--accent); font-size: 12px; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
.description { margin: 0 0 16px; max-width: 80ch; font-size: 16px; }
.report-header { padding-bottom: 8px; }
.facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); gap: 6px 28px; margin: 0; }
.facts div { display: grid; grid-template-columns: 92px 1fr; gap: 12px; padding: 5px 0; border-top: 1px solid var(--line); }
.facts dt { color: var(--muted); font-weight: 600; font-size: 13px; padding-top: 1px; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.facts.provenance { margin-bottom: 18px; }
.generated { font-size: 13px; margin: 10px 0 0; }
section { margin-top: 28px; }
.section-intro { margin: 0 0 14px; color: var(--muted); max-width: 90ch; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 1px 2px rgb(0 0 0 / 4%); }
.notice { background: var(--warn-bg); border: 1px solid #f1d48a; border-radius: 10px; padding: 14px 18px; }
.notice h2 { font-size: 16px; color: var(--warn); }
.notice ul { margin: 6px 0; padding-left: 20px; }
.notice li { margin: 3px 0; overflow-wrap: anywhere; }
.notice p { margin: 6px 0 0; font-size: 13px; }
.table-scroll { overflow-x: auto; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; }
table.summary { border-collapse: collapse; width: 100%; font-size: 14px; }
.summary th, .summary td { padding: 9px 10px; text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); }
.summary thead th { background: #f3f4f6; font-size: 12px; font-weight: 600; color: #374151; text-transform: uppercase; letter-spacing: 0.03em; vertical-align: bottom; }
.summary tbody tr:last-child > * { border-bottom: none; }
.summary tbody tr:nth-child(even) { background: #fafbfc; }
.summary .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.summary thead th.num { white-space: normal; min-width: 56px; }
.summary td.num { white-space: normal; }
.summary td.num .mean, .summary td.num .std, .summary td.num .of { white-space: nowrap; }
.summary .rank { color: var(--muted); }
.summary th.label { font-weight: 600; min-width: 150px; max-width: 300px; padding-left: 38px; text-indent: -28px; }
.summary .std, .summary .of { color: var(--muted); font-size: 12.5px; }
.summary .n { display: block; color: var(--warn); font-size: 11.5px; }
table.summary.paper { width: auto; min-width: min(100%, 560px); }
.table-scroll.paper-scroll { display: inline-block; max-width: 100%; vertical-align: top; }
.paper td.num { padding-left: 22px; }
.paper thead th.group { text-align: center; border-bottom: 1px solid var(--line); }
.paper th.label { min-width: 120px; padding-left: 10px; text-indent: 0; }
.paper td.best .mean { color: var(--ok); }
.none { color: #9ca3af; }
.swatch { display: inline-block; width: 22px; height: 12px; margin-right: 6px; vertical-align: -1px; }
.badge { display: inline-block; padding: 1px 8px; margin: 1px 0; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.ok { color: var(--ok); background: var(--ok-bg); }
.badge.warn { color: var(--warn); background: var(--warn-bg); }
.badge.error { color: var(--error); background: var(--error-bg); }
.badge.missing { color: #374151; background: #eceff3; }
details.config { min-width: 120px; }
details.config summary { cursor: pointer; color: var(--accent); }
details.config[open] { width: 170px; }
details.config dl { margin: 6px 0 2px; font-size: 12.5px; }
details.config dt { margin-top: 6px; color: var(--muted); font-weight: 600; font-size: 12px; }
details.config dd { margin: 1px 0 0; overflow-wrap: anywhere; }
details.config pre { margin: 2px 0 0; padding: 6px 8px; background: #f3f4f6; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.guide { margin: 12px 0 0; padding-left: 20px; color: #4b5563; font-size: 13.5px; max-width: 110ch; }
.guide li { margin: 3px 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 560px), 1fr)); gap: 18px; }
.charts.wide { grid-template-columns: 1fr; }
figure.chart.wide { grid-column: 1 / -1; }
figure.chart { margin: 0; padding: 14px 14px 12px; background: var(--panel); border: 1px solid var(--line); border-radius: 10px; }
.chart-svg svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figure.chart figcaption { margin-top: 8px; color: #4b5563; font-size: 13px; }
figure.chart .downloads { margin: 6px 0 0; font-size: 12.5px; }
footer { margin-top: 36px; color: var(--muted); font-size: 12.5px; }
@media (max-width: 640px) { main { padding: 18px 12px 32px; } h1 { font-size: 24px; } }
@media print { html { background: #fff; } .card, figure.chart, .table-scroll { box-shadow: none; break-inside: avoid; } }
`;
