/**
 * Loads the simulation panel in headless Chromium the way VS Code does: the HTML of the
 * production `buildPanelHtml` with the built dist/webview.js and dist/webview.css served from a
 * webview-like origin, a stub `acquireVsCodeApi` that records what the page posts, and a
 * theme's variables set on <html>. Nothing else can be fetched.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildPanelHtml } from '../../../client/src/panel/panel-html';
import type { HostToPageMessage, PageToHostMessage } from '../../../client/src/panel/messages';
import { ROOT } from './reports';
import { THEMES, type ThemeName } from './themes';

/** The origin the page is served from, standing in for the webview's resource origin. */
export const ORIGIN = 'https://webview.slipway.test';

/** Where the screenshots go (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test', 'artifacts', 'webview');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** A CSP violation as the page reported it. */
export interface Violation {
  directive: string;
  blocked: string;
}

export interface PanelPage {
  readonly page: Page;
  readonly nonce: string;
  /** Messages of `alert`, `confirm` and `prompt` dialogs (there must be none). */
  readonly dialogs: string[];
  /** Requests to anywhere but the page's own files (there must be none). */
  readonly foreignRequests: string[];
  /** Uncaught errors of the page's script (there must be none). */
  readonly pageErrors: string[];
  /** What the page posted to the host, in order. */
  posted(): Promise<PageToHostMessage[]>;
  /** The state the page saved with setState. */
  savedState(): Promise<unknown>;
  violations(): Promise<Violation[]>;
  /** Posts a message from the host to the page. */
  send(message: HostToPageMessage): Promise<void>;
  /** Waits for the page to post a message of `type` beyond the first `after` messages. */
  waitForPosted(type: PageToHostMessage['type'], after?: number): Promise<PageToHostMessage>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

const FILES: Readonly<Record<string, { path: string; type: string }>> = {
  '/dist/webview.js': { path: join(ROOT, 'dist', 'webview.js'), type: 'text/javascript' },
  '/dist/webview.css': { path: join(ROOT, 'dist', 'webview.css'), type: 'text/css' },
};

function initScript(savedState: unknown, theme: ThemeName): string {
  const { variables, bodyClass } = THEMES[theme];
  return `(() => {
    const record = { posted: [], violations: [], state: ${JSON.stringify(savedState ?? null)} };
    window.__slipwayTest = record;
    document.addEventListener('securitypolicyviolation', (event) => {
      record.violations.push({ directive: event.violatedDirective, blocked: event.blockedURI });
    });
    // As VS Code does: the theme's variables on <html>, its kind on <body>, before the page runs.
    const variables = ${JSON.stringify(variables)};
    let styled = false;
    let classed = false;
    const theme = new MutationObserver(() => {
      if (!styled && document.documentElement) {
        for (const [name, value] of Object.entries(variables)) {
          document.documentElement.style.setProperty('--vscode-' + name, value);
        }
        styled = true;
      }
      if (!classed && document.body) {
        document.body.classList.add(${JSON.stringify(bodyClass)});
        classed = true;
      }
      if (styled && classed) theme.disconnect();
    });
    theme.observe(document, { childList: true, subtree: true });
    let acquired = false;
    window.acquireVsCodeApi = () => {
      if (acquired) throw new Error('acquireVsCodeApi called twice');
      acquired = true;
      return {
        postMessage: (message) => record.posted.push(JSON.parse(JSON.stringify(message))),
        getState: () => record.state,
        setState: (state) => { record.state = JSON.parse(JSON.stringify(state)); },
      };
    };
  })();`;
}

/**
 * Waits until `expression` is truthy in the page. Playwright's waitForFunction polls with
 * `new Function`, which the page's CSP (rightly) refuses, so this polls from here.
 */
export async function waitForExpression(
  page: Page,
  expression: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(`Boolean(${expression})`)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export interface OpenOptions {
  theme: ThemeName;
  /** The state a previous page saved (a re-shown or restored panel). */
  savedState?: unknown;
  width?: number;
  height?: number;
}

/** Opens the panel page in a fresh browser context. */
export async function openPanel(browser: Browser, options: OpenOptions): Promise<PanelPage> {
  for (const file of Object.values(FILES)) {
    if (!existsSync(file.path))
      throw new Error(`${file.path} is missing: run \`npm run build\` first`);
  }
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 820 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const nonce = randomBytes(18).toString('base64');
  const html = buildPanelHtml({
    cspSource: ORIGIN,
    nonce,
    scriptUri: `${ORIGIN}/dist/webview.js`,
    styleUri: `${ORIGIN}/dist/webview.css`,
  });
  const dialogs: string[] = [];
  const foreignRequests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      foreignRequests.push(url.href);
      return route.abort();
    }
    if (url.pathname === '/index.html') {
      return route.fulfill({ status: 200, contentType: 'text/html', body: html });
    }
    const file = FILES[url.pathname];
    if (file === undefined) {
      foreignRequests.push(url.href);
      return route.fulfill({ status: 404, body: '' });
    }
    return route.fulfill({ status: 200, contentType: file.type, body: readFileSync(file.path) });
  });
  await page.addInitScript({ content: initScript(options.savedState, options.theme) });
  await page.goto(`${ORIGIN}/index.html`);

  const read = <T>(expression: string): Promise<T> => page.evaluate<T>(expression);
  const posted = (): Promise<PageToHostMessage[]> => read('window.__slipwayTest.posted');
  const panel: PanelPage = {
    page,
    nonce,
    dialogs,
    foreignRequests,
    pageErrors,
    posted,
    savedState: () => read('window.__slipwayTest.state'),
    violations: () => read('window.__slipwayTest.violations'),
    send: async (message) => {
      await page.evaluate(`window.postMessage(${JSON.stringify(message)}, '*')`);
      // Let the page handle it and lay out.
      await page.evaluate(
        'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
      );
    },
    waitForPosted: async (type, after = 0) => {
      await waitForExpression(
        page,
        `window.__slipwayTest.posted.slice(${after}).some((message) => message.type === ${JSON.stringify(type)})`,
      );
      const messages = await posted();
      const found = messages.slice(after).find((message) => message.type === type);
      if (found === undefined) throw new Error(`no ${type} message`);
      return found;
    },
    screenshot: async (name) => {
      mkdirSync(ARTIFACTS, { recursive: true });
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: () => context.close(),
  };
  await panel.waitForPosted('ready');
  return panel;
}
