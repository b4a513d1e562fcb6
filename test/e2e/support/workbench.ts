/**
 * Drives the VS Code workbench in Debian's Chromium through playwright-core, the way a person
 * does: Quick Open, the command palette, the Problems panel, hovers, the suggest widget.
 * Selectors are those of VS Code 1.100 (code-server 4.100.3).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type FrameLocator,
  type Locator,
  type Page,
} from 'playwright-core';
import { ARTIFACTS_DIR, type CodeServer } from './code-server';

const CHROMIUM = process.env.SLIPWAY_CHROMIUM ?? '/usr/bin/chromium';

export interface WorkbenchOptions {
  /** The folder to open. */
  folder: string;
  /** Workbench arguments in the URL payload (extensionDevelopmentPath, extensionTestsPath). */
  payload?: [string, string][];
  /** Playwright's timeout for each action and expectation. */
  actionTimeout?: number;
}

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  /** Starts Chromium, opens the folder and waits for the workbench and the explorer. */
  static async open(server: CodeServer, options: WorkbenchOptions): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      // --no-sandbox: these machines run as root.
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
      env: { ...process.env, HOME: server.home },
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(options.actionTimeout ?? 20_000);
      await page.goto(server.workbenchUrl(options.folder, options.payload));
      await page.locator('.monaco-workbench').waitFor();
      return new Workbench(browser, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Saves a screenshot of the whole window. */
  async screenshot(path: string): Promise<void> {
    mkdirSync(join(path, '..'), { recursive: true });
    await this.page.screenshot({ path });
  }

  /** Waits for the explorer to show the folder (the workbench has restored its layout). */
  async waitForExplorer(): Promise<void> {
    await this.page.locator('.explorer-folders-view').waitFor();
  }

  /** Quick Open (Ctrl+P): types a path, waits for its row, opens it and waits for its tab. */
  async openFile(path: string): Promise<void> {
    const name = path.split('/').at(-1) ?? path;
    // Control+1 first: open in the first editor group, not beside the simulation panel.
    await this.quickInput(['Control+1', 'Control+P'], path, (rows) =>
      rows.filter({ hasText: name }).first(),
    );
    await this.activeTab(name).waitFor();
    await this.editor.locator('.view-lines').waitFor();
  }

  /** The active tab, if it shows this file name. */
  activeTab(name: string): Locator {
    return this.page.locator('.tab.active', { hasText: name });
  }

  /** The text editor (the first editor group's; the simulation panel's group has none). */
  get editor(): Locator {
    return this.page.locator('.editor-group-container .monaco-editor').first();
  }

  /** Runs a command from the palette (F1), by its title as the palette shows it. */
  async runCommand(title: string): Promise<void> {
    await this.quickInput(['F1'], `>${title}`, (rows) => this.exactRow(rows, title));
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The row whose label is exactly `label` (not the first fuzzy match). */
  private exactRow(rows: Locator, label: string): Locator {
    return rows.filter({ has: this.page.getByText(label, { exact: true }) }).first();
  }

  /**
   * Opens a quick input (Quick Open, the palette), types, and clicks the row `choose` finds.
   * The workbench may hand focus back to an editor or view a moment after a previous quick
   * input or command closed, which closes the new quick input: then it is opened again
   * (three tries, each waiting on conditions, never on time alone).
   */
  private async quickInput(
    keys: string[],
    text: string,
    choose: (rows: Locator) => Locator,
  ): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('input');
    for (let attempt = 1; ; attempt++) {
      try {
        await this.focusWorkbench();
        for (const key of keys) await this.page.keyboard.press(key);
        await input.fill(text, { timeout: 5_000 });
        const row = choose(widget.locator('.quick-input-list .monaco-list-row'));
        await row.click({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        if (await widget.isVisible()) await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Clicks into the active editor's text so that key presses go to it. */
  async focusEditor(): Promise<void> {
    // The text area's top left is always on a visible line, however the editor is scrolled.
    await this.editor.locator('.editor-scrollable').click({ position: { x: 40, y: 8 } });
  }

  /** Puts the cursor at a 1-based line and column (Quick Open `:line:column`, as Ctrl+G). */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    // Ctrl+G is the browser's "find next" in code-server; Quick Open's `:` mode is Go to Line.
    await this.quickInput(['Control+P'], `:${line}:${column}`, (rows) =>
      rows.filter({ hasText: `line ${line}` }).first(),
    );
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForCursor(line, column);
  }

  /** The cursor as the status bar shows it (`Ln 3, Col 1`). */
  async cursor(): Promise<{ line: number; column: number } | undefined> {
    const text = await this.page
      .locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ })
      .first()
      .textContent();
    const match = /Ln (\d+), Col (\d+)/.exec(text ?? '');
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  }

  async waitForCursor(line: number, column?: number): Promise<void> {
    const text = column === undefined ? `Ln ${line},` : `Ln ${line}, Col ${column}`;
    await this.page.locator('.statusbar-item', { hasText: text }).first().waitFor();
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns it. */
  async showProblems(): Promise<Locator> {
    await this.focusWorkbench();
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
    return panel;
  }

  /** A row of the Problems panel that holds all these texts. */
  problem(...texts: string[]): Locator {
    let row = this.page.locator('.markers-panel .monaco-list-row');
    for (const text of texts) row = row.filter({ hasText: text });
    return row;
  }

  /** The rows of the Problems panel (file rows and marker rows). */
  problemRows(): Locator {
    return this.page.locator('.markers-panel .monaco-list-row');
  }

  /** The visible hover widget. */
  get hover(): Locator {
    return this.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).first();
  }

  /** Hovers the mouse over the first occurrence of a word on a rendered line of the active editor. */
  async hoverWord(word: string): Promise<void> {
    const token = this.editor
      .locator('.view-line span span', { hasText: new RegExp(`^\\s*${word}\\s*$`) })
      .first();
    await token.hover();
  }

  /**
   * Hovers `word` until a hover containing `expected` shows. Under load the
   * editor may take the first mouse-over before its hover service is ready,
   * so the pointer leaves and comes back between bounded waits (no sleeps).
   */
  async hoverWordUntil(word: string, expected: string, attempts = 4): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.move(1, 1);
      await this.hoverWord(word);
      try {
        await this.hover.filter({ hasText: expected }).waitFor({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
    }
  }

  /** The webview content of the active webview panel: two nested iframes (outer gets `ready`). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Focuses the workbench (not an iframe) so that the workbench's keybindings apply. */
  async focusWorkbench(): Promise<void> {
    const active = String(
      await this.page.evaluate('document.activeElement ? document.activeElement.tagName : ""'),
    );
    if (active === 'IFRAME' || active === 'BODY' || active === '') {
      // The text editor if there is one, else the empty space below the explorer's rows.
      const text = this.editor.locator('.editor-scrollable');
      if (await text.isVisible()) {
        await text.click({ position: { x: 40, y: 8 } });
        return;
      }
      const explorer = this.page.locator('.explorer-folders-view .monaco-list').first();
      const box = await explorer.boundingBox();
      if (!box) throw new Error('neither a text editor nor the explorer is visible');
      await explorer.click({ position: { x: 20, y: box.height - 6 } });
    }
  }

  /** After a failed step: closes dialogs, notifications and quick inputs so the next step starts clean. */
  async recover(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const dialog = this.page.locator('.monaco-dialog-box');
      if (await dialog.isVisible()) {
        await dialog.locator('.monaco-button').first().click();
        continue;
      }
      await this.page.keyboard.press('Escape');
    }
    await this.page
      .locator(
        '.notifications-toasts .codicon-notifications-clear-all, .notification-toast .codicon-close',
      )
      .first()
      .click({ timeout: 1_000 })
      .catch(() => undefined);
  }

  /** Picks a color theme as a person does (Preferences: Color Theme) and waits for it. */
  async setColorTheme(label: string, kind: 'light' | 'dark'): Promise<void> {
    const title = 'Preferences: Color Theme';
    await this.quickInput(['F1'], `>${title}`, (rows) => this.exactRow(rows, title));
    const input = this.page.locator('.quick-input-widget input[placeholder*="Color Theme"]');
    await input.fill(label);
    await this.exactRow(this.page.locator('.quick-input-list .monaco-list-row'), label).click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.waitForTheme(kind);
  }

  /** Waits until the workbench shows a light (`vs`) or dark (`vs-dark`) theme. */
  async waitForTheme(kind: 'light' | 'dark'): Promise<void> {
    const selector = kind === 'light' ? '.monaco-workbench.vs' : '.monaco-workbench.vs-dark';
    await this.page.locator(selector).waitFor();
  }
}

/** Runs named steps with a timeout each; a failing step leaves a screenshot and the logs. */
export class Steps {
  private count = 0;
  readonly timings: { name: string; ms: number }[] = [];

  constructor(
    private readonly suite: string,
    private readonly server: CodeServer,
    private readonly workbench: () => Workbench | undefined,
  ) {
    rmSync(join(ARTIFACTS_DIR, suite), { recursive: true, force: true });
  }

  async run<T>(name: string, timeoutMs: number, body: () => Promise<T>): Promise<T> {
    this.count += 1;
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        body(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`step "${name}" timed out after ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
      this.timings.push({ name, ms: Date.now() - started });
      return result;
    } catch (error) {
      const slug = `${String(this.count).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}`;
      const dir = join(ARTIFACTS_DIR, this.suite, slug);
      mkdirSync(dir, { recursive: true });
      await this.workbench()
        ?.screenshot(join(dir, 'screenshot.png'))
        .catch(() => undefined);
      this.server.saveLogs(dir);
      await this.workbench()
        ?.recover()
        .catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${message}\n  screenshot and logs: ${dir}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
