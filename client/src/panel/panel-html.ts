/**
 * The simulation panel's HTML: a fixed shell that loads the bundled page script and stylesheet
 * under a strict Content-Security-Policy. No data of the report is ever interpolated here: the
 * report reaches the page only through `postMessage`.
 *
 * Pure: no `vscode` import, so the Chromium tests load exactly this HTML.
 */

/** What the page needs from the webview. */
export interface PanelHtmlParts {
  /** `webview.cspSource`: the origin the webview's local resources are served from. */
  readonly cspSource: string;
  /** A fresh random nonce (base64) for this page; only scripts and styles carrying it run. */
  readonly nonce: string;
  /** `webview.asWebviewUri` of `dist/webview.js`. */
  readonly scriptUri: string;
  /** `webview.asWebviewUri` of `dist/webview.css`. */
  readonly styleUri: string;
}

const NONCE = /^[A-Za-z0-9+/_-]{16,}={0,2}$/;
// `webview.cspSource` is a list of source expressions (code-server gives
// `'self' https://*.vscode-cdn.net`): each is a host source or a quoted keyword;
// nothing in them may end the directive (`;`, `,`) or add a quote.
const CSP_SOURCE_EXPRESSION =
  /^(?:'self'|[a-z][a-z0-9+.-]*:(?:\/\/[^\s'";,]+)?|[^\s'";,:]+(?::\d+)?)$/i;

function isCspSourceList(value: string): boolean {
  const parts = value.trim().split(/\s+/);
  // A bare `*` would allow any host.
  return (
    parts.length > 0 && parts.every((part) => part !== '*' && CSP_SOURCE_EXPRESSION.test(part))
  );
}

/** The Content-Security-Policy of the page: nothing but the nonce'd script and local resources. */
export function buildContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Builds the page. Throws on a nonce or CSP source that could break out of the policy. */
export function buildPanelHtml(parts: PanelHtmlParts): string {
  if (!NONCE.test(parts.nonce)) throw new Error('the nonce must be at least 16 base64 characters');
  if (!isCspSourceList(parts.cspSource))
    throw new Error(`not a CSP source list: ${parts.cspSource}`);
  const nonce = escapeAttribute(parts.nonce);
  const policy = escapeAttribute(buildContentSecurityPolicy(parts.cspSource, parts.nonce));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(parts.styleUri)}" nonce="${nonce}">
<title>Slipway simulation</title>
</head>
<body>
<div id="app" class="app"><p class="app-loading">Loading the simulation…</p></div>
<script nonce="${nonce}" src="${escapeAttribute(parts.scriptUri)}"></script>
</body>
</html>
`;
}
