/**
 * Starts a real VS Code (code-server 4.100.3: VS Code 1.100.3 web + server, with a real Node
 * extension host) headless, in a clean profile: its own HOME, user data and extensions folder
 * under a temp dir, a port from the OS, 127.0.0.1 only. Recipe: ../shared/design/real-editor.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
/** Where failing steps leave screenshots and logs (git-ignored). */
export const ARTIFACTS_DIR = join(REPO_ROOT, 'test', 'artifacts', 'e2e');

/** The settings of a quiet, deterministic workbench (no welcome page, tips, trust prompt, network). */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  'git.enabled': false,
};

/** The code-server entry that `scripts/ensure-code-server.mjs` installs. */
export function codeServerEntry(): string {
  const major = process.versions.node.split('.')[0] ?? '';
  const dir =
    process.env.SLIPWAY_CODE_SERVER_DIR ??
    join(REPO_ROOT, '.vscode-test', `code-server-4.100.3-node${major}`);
  const entry = join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(
      `code-server is not installed (${entry}): run node scripts/ensure-code-server.mjs`,
    );
  }
  return entry;
}

/** The .vsix `npm run package` made for this version (or SLIPWAY_VSIX, to try another build). */
export function builtVsix(): string {
  if (process.env.SLIPWAY_VSIX) return process.env.SLIPWAY_VSIX;
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const vsix = join(REPO_ROOT, `${name}-${version}.vsix`);
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run npm run package first`);
  return vsix;
}

export interface CodeServerOptions {
  /** A short name: the temp dir's and the artifacts' prefix. */
  name: string;
  /** A .vsix installed into the clean profile before start (`--install-extension`). */
  vsix?: string;
  /** Settings written to the profile's settings.json (on top of {@link QUIET_SETTINGS}). */
  settings?: Record<string, unknown>;
}

/** A running code-server and its clean profile. */
export class CodeServer {
  readonly root: string;
  readonly home: string;
  readonly userData: string;
  readonly extensions: string;
  /** code-server's own stdout and stderr. */
  readonly logPath: string;
  private process: ChildProcess | undefined;
  private origin: string | undefined;

  private constructor(readonly options: CodeServerOptions) {
    this.root = mkdtempSync(join(tmpdir(), `slipway-${options.name}-`));
    this.home = join(this.root, 'home');
    this.userData = join(this.root, 'user-data');
    this.extensions = join(this.root, 'extensions');
    this.logPath = join(this.root, 'code-server.log');
    for (const dir of [this.home, join(this.userData, 'User'), this.extensions]) {
      mkdirSync(dir, { recursive: true });
    }
    this.writeSettings(options.settings ?? {});
  }

  /** Creates the profile, installs the .vsix, starts the server and waits for /healthz. */
  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const server = new CodeServer(options);
    try {
      if (options.vsix) server.installExtension(options.vsix);
      await server.launch();
      return server;
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  /** The base URL, `http://127.0.0.1:PORT`. */
  get url(): string {
    if (!this.origin) throw new Error('code-server is not running');
    return this.origin;
  }

  /** The URL authority the browser uses; the remote side of `vscode-remote://` URIs. */
  get authority(): string {
    return new URL(this.url).host;
  }

  /** The workbench URL for a folder, with workbench arguments (`payload`) such as extensionTestsPath. */
  workbenchUrl(folder: string, payload: [string, string][] = []): string {
    const query = new URLSearchParams({ folder });
    if (payload.length > 0) query.set('payload', JSON.stringify(payload));
    return `${this.url}/?${query.toString()}`;
  }

  /** A `vscode-remote://` URI of a path on this server. */
  remoteUri(path: string): string {
    return `vscode-remote://${this.authority}${path}`;
  }

  /** Rewrites the profile's settings.json; the workbench picks the change up by itself. */
  writeSettings(settings: Record<string, unknown>): void {
    writeFileSync(
      join(this.userData, 'User', 'settings.json'),
      `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`,
    );
  }

  /** The environment code-server runs in: HOME and XDG dirs inside the temp dir. */
  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      HOME: this.home,
      XDG_CONFIG_HOME: join(this.home, '.config'),
      XDG_DATA_HOME: join(this.home, '.local', 'share'),
      XDG_CACHE_HOME: join(this.home, '.cache'),
      XDG_RUNTIME_DIR: join(this.root, 'run'),
    };
  }

  private commonArgs(): string[] {
    return [
      '--config',
      join(this.root, 'code-server.yaml'),
      '--user-data-dir',
      this.userData,
      '--extensions-dir',
      this.extensions,
    ];
  }

  /** `code-server --install-extension FILE.vsix` into the clean profile. */
  installExtension(vsix: string): void {
    const result = spawnSync(
      process.execPath,
      [codeServerEntry(), ...this.commonArgs(), '--install-extension', vsix],
      { env: this.env(), encoding: 'utf8', timeout: 60_000 },
    );
    const output = `${result.stdout}${result.stderr}`;
    if (result.status !== 0 || !/successfully installed/i.test(output)) {
      throw new Error(`--install-extension ${vsix} failed (exit ${result.status}):\n${output}`);
    }
  }

  /** The folder the .vsix was installed into (`<publisher>.<name>-<version>`). */
  installedExtensionDir(id: string): string {
    const dir = readdirSync(this.extensions).find((entry) =>
      entry.toLowerCase().startsWith(`${id.toLowerCase()}-`),
    );
    if (!dir) throw new Error(`${id} is not installed in ${this.extensions}`);
    return join(this.extensions, dir);
  }

  private async launch(): Promise<void> {
    mkdirSync(join(this.root, 'run'), { recursive: true, mode: 0o700 });
    const log = createWriteStream(this.logPath);
    const child = spawn(
      process.execPath,
      [
        codeServerEntry(),
        '--auth',
        'none',
        // Port 0: the OS picks a free one; code-server logs the address it got.
        '--bind-addr',
        '127.0.0.1:0',
        ...this.commonArgs(),
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--ignore-last-opened',
      ],
      { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    this.process = child;
    let output = '';
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) =>
        reject(new Error(`code-server exited (${code}) before it listened:\n${output}`)),
      ),
    );
    exited.catch(() => undefined);
    const listening = new Promise<string>((resolve) => {
      const onData = (chunk: Buffer): void => {
        log.write(chunk);
        output += chunk.toString();
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
    });
    this.origin = await withTimeout(
      Promise.race([listening, exited]),
      30_000,
      'code-server did not listen within 30 s',
    );
    await waitFor(
      async () => (await fetch(`${this.origin}/healthz`)).ok,
      15_000,
      'code-server /healthz',
    );
  }

  /** Copies the server log and the VS Code logs (extension host, Slipway's channel) to a folder. */
  saveLogs(destination: string): void {
    mkdirSync(destination, { recursive: true });
    if (existsSync(this.logPath)) cpSync(this.logPath, join(destination, 'code-server.log'));
    const logs = join(this.userData, 'logs');
    if (existsSync(logs)) cpSync(logs, join(destination, 'vscode-logs'), { recursive: true });
  }

  /** Text of every VS Code log file whose name matches (e.g. the Slipway output channel). */
  readLogs(match: RegExp): string {
    const logs = join(this.userData, 'logs');
    if (!existsSync(logs)) return '';
    const texts: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir)) {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) walk(path);
        else if (match.test(entry)) texts.push(readFileSync(path, 'utf8'));
      }
    };
    walk(logs);
    return texts.join('\n');
  }

  /** Stops the server (and its extension hosts: the process group it leads), removes the temp dir. */
  async stop({ keep = false }: { keep?: boolean } = {}): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(child.pid, 'SIGTERM');
      const stopped = await Promise.race([
        gone.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref()),
      ]);
      if (!stopped) killGroup(child.pid, 'SIGKILL');
    }
    if (!keep) rmSync(this.root, { recursive: true, force: true });
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the group of the code-server we started (detached)
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Rejects with `message` when the promise takes longer than `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${message} (timed out after ${ms} ms)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls a condition (never a fixed sleep: it returns as soon as the condition holds). */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  let lastError: unknown;
  for (;;) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`timed out after ${ms} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
