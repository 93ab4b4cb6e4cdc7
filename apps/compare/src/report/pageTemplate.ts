import { escapeHtml } from './escapeHtml.js';
import { reportStyles } from './reportStyles.js';

/**
 * The HTML document around the report's body. Self-contained: inline CSS, and a content security
 * policy that forbids scripts and every network load, so the file opens offline.
 *
 * @example
 * ```ts
 * pageTemplate('seed — synthgrad report', '<main>…</main>');
 * ```
 */
export function pageTemplate(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="synthgrad compare">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${reportStyles}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
