// The panel's HTML (client/src/panel/panel-html.ts): a strict CSP with a nonce, the nonce on the
// one script and the one stylesheet, no inline code, and nothing that can break out of it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildContentSecurityPolicy,
  buildPanelHtml,
  type PanelHtmlParts,
} from '../../client/src/panel/panel-html';

const PARTS: PanelHtmlParts = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'q1w2e3r4t5y6u7i8o9p0AZ+/',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css',
};

function cspOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(match?.[1] !== undefined, 'the page has a CSP meta tag');
  return match[1].replace(/&#39;|&apos;/g, "'");
}

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('buildPanelHtml', () => {
  const html = buildPanelHtml(PARTS);

  it('sets the strict policy: nothing by default, scripts only by nonce', () => {
    const policy = directives(cspOf(html));
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${PARTS.nonce}'`]);
    assert.deepEqual(policy.get('style-src'), [PARTS.cspSource, `'nonce-${PARTS.nonce}'`]);
    assert.deepEqual(policy.get('img-src'), [PARTS.cspSource, 'data:']);
    assert.deepEqual(policy.get('font-src'), [PARTS.cspSource]);
    assert.equal(policy.size, 5);
    assert.equal(cspOf(html), buildContentSecurityPolicy(PARTS.cspSource, PARTS.nonce));
  });

  it('allows no inline script, eval or remote origin', () => {
    const csp = cspOf(html);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|http:/);
  });

  it('loads exactly one script and one stylesheet, both carrying the nonce', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, [`<script nonce="${PARTS.nonce}" src="${PARTS.scriptUri}">`]);
    const links = [...html.matchAll(/<link\b[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(links, [
      `<link rel="stylesheet" href="${PARTS.styleUri}" nonce="${PARTS.nonce}">`,
    ]);
    assert.doesNotMatch(html, /<script[^>]*>[^<]+<\/script>/, 'no inline script body');
    assert.doesNotMatch(html, /<style/, 'no inline style element');
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handler');
  });

  it('puts the CSP before anything that loads', () => {
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
  });

  it('escapes the resource URIs', () => {
    const page = buildPanelHtml({ ...PARTS, scriptUri: 'https://x/a"><script>alert(1)</script>' });
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /a&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });

  it("accepts code-server's source list ('self' and a wildcard CDN host)", () => {
    const html = buildPanelHtml({ ...PARTS, cspSource: "'self' https://*.vscode-cdn.net" });
    assert.match(html, /style-src 'self' https:\/\/\*\.vscode-cdn\.net 'nonce-/);
    assert.throws(() => buildPanelHtml({ ...PARTS, cspSource: "'self' *" }), /CSP source/);
  });

  it('refuses a nonce or CSP source that could widen the policy', () => {
    assert.throws(() => buildPanelHtml({ ...PARTS, nonce: 'short' }), /nonce/);
    assert.throws(
      () => buildPanelHtml({ ...PARTS, nonce: "abcdefghijklmnop' 'unsafe-inline" }),
      /nonce/,
    );
    assert.throws(() => buildPanelHtml({ ...PARTS, cspSource: "* 'unsafe-inline'" }), /CSP source/);
    assert.throws(
      () => buildPanelHtml({ ...PARTS, cspSource: 'https://a; script-src *' }),
      /CSP source/,
    );
  });

  it('is deterministic for its inputs (no data of a report in it)', () => {
    assert.equal(buildPanelHtml(PARTS), html);
    assert.doesNotMatch(html, /reportVersion|pods|services/);
  });
});
