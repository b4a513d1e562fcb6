// node bench/activation.mjs [EXTENSION_JS]
//
// Loads the built extension (dist/extension.js) in this process with a stand-in `vscode`
// module, calls its activate() as VS Code would on opening a YAML file (no Kubernetes
// manifest open, so the language server is not started yet), and prints one JSON line:
//   { activatedMs, requireMs, activateMs, log }
// activatedMs is the figure the extension itself writes to its output channel
// ("activated in N ms"); requireMs the time to load the bundle; activateMs the time
// activate() took as seen from here. The stand-in answers every API with inert objects.
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const extensionJs = path.resolve(
  process.argv[2] ?? path.join(BENCH_DIR, '..', 'dist', 'extension.js'),
);
const lines = [];

/** An object that answers every property with a callable, constructible stand-in. */
function inert(name) {
  const target = function () {};
  const assigned = new Map();
  return new Proxy(target, {
    set(_, key, value) {
      assigned.set(key, value);
      return true;
    },
    get(_, key) {
      if (assigned.has(key)) return assigned.get(key);
      if (key === Symbol.toPrimitive) return () => name;
      if (key === 'then') return undefined; // not a promise
      if (key === 'dispose') return () => {};
      if (typeof key === 'symbol') return undefined;
      return inert(`${name}.${key}`);
    },
    apply: () => inert(`${name}()`),
    construct: () => inert(`new ${name}`),
  });
}

const disposable = () => ({ dispose() {} });
const event = () => () => disposable();
const channel = (channelName) => {
  const write = (level) => (message) => lines.push(`[${channelName}] ${level}${message}`);
  return new Proxy(
    {
      name: channelName,
      append: write(''),
      appendLine: write(''),
      trace: write('trace '),
      debug: write('debug '),
      info: write(''),
      warn: write('warn '),
      error: write('error '),
      clear() {},
      show() {},
      hide() {},
      dispose() {},
      onDidChangeLogLevel: event(),
      logLevel: 2,
    },
    { get: (t, k) => (k in t ? t[k] : inert(`channel.${String(k)}`)) },
  );
};
class EventEmitter {
  constructor() {
    this.listeners = new Set();
    this.event = (listener) => {
      this.listeners.add(listener);
      return { dispose: () => this.listeners.delete(listener) };
    };
  }
  fire(value) {
    for (const listener of this.listeners) listener(value);
  }
  dispose() {
    this.listeners.clear();
  }
}
const uri = (p) => ({
  scheme: 'file',
  fsPath: p,
  path: p,
  toString: () => `file://${p}`,
  with: () => uri(p),
});
const vscode = new Proxy(
  {
    window: new Proxy(
      {
        createOutputChannel: (channelName) => channel(channelName),
        createStatusBarItem: () => inert('statusBarItem'),
        registerWebviewPanelSerializer: disposable,
        onDidChangeActiveTextEditor: event(),
        visibleTextEditors: [],
        activeTextEditor: undefined,
      },
      { get: (t, k) => (k in t ? t[k] : inert(`window.${String(k)}`)) },
    ),
    workspace: new Proxy(
      {
        textDocuments: [],
        workspaceFolders: undefined,
        getConfiguration: () => ({
          get: () => undefined,
          has: () => false,
          inspect: () => undefined,
          update: async () => {},
        }),
        onDidChangeConfiguration: event(),
        onDidOpenTextDocument: event(),
        onDidChangeTextDocument: event(),
        onDidCloseTextDocument: event(),
        onDidSaveTextDocument: event(),
        createFileSystemWatcher: () => inert('watcher'),
      },
      { get: (t, k) => (k in t ? t[k] : inert(`workspace.${String(k)}`)) },
    ),
    commands: { registerCommand: disposable, executeCommand: async () => undefined },
    languages: new Proxy(
      { registerCodeLensProvider: disposable },
      { get: (t, k) => (k in t ? t[k] : inert(`languages.${String(k)}`)) },
    ),
    EventEmitter,
    Disposable: class {
      constructor(fn) {
        this.dispose = fn ?? (() => {});
      }
      static from(...items) {
        return { dispose: () => items.forEach((item) => item?.dispose?.()) };
      }
    },
    Uri: {
      file: uri,
      parse: (s) => uri(s),
      joinPath: (base, ...parts) => uri(path.join(base.fsPath, ...parts)),
    },
    StatusBarAlignment: { Left: 1, Right: 2 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
  },
  { get: (t, k) => (k in t ? t[k] : inert(`vscode.${String(k)}`)) },
);

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return originalLoad.call(this, request, parent, isMain);
};

const require = Module.createRequire(extensionJs);
let t = performance.now();
const extension = require(extensionJs);
const requireMs = performance.now() - t;
const root = path.dirname(path.dirname(extensionJs));
const context = {
  subscriptions: [],
  extensionUri: uri(root),
  extensionPath: root,
  asAbsolutePath: (p) => path.join(root, p),
  globalState: { get: () => undefined, update: async () => {}, keys: () => [] },
  workspaceState: { get: () => undefined, update: async () => {}, keys: () => [] },
  storageUri: undefined,
  globalStorageUri: uri('/tmp'),
  logUri: uri('/tmp'),
  extensionMode: 1,
  environmentVariableCollection: inert('environmentVariableCollection'),
};
t = performance.now();
let error;
try {
  await extension.activate(context);
} catch (e) {
  error = String(e?.stack ?? e);
}
const activateMs = performance.now() - t;
const activated = lines.map((l) => /activated in (\d+(?:\.\d+)?) ms/.exec(l)).find(Boolean);
process.stdout.write(
  JSON.stringify({
    activatedMs: activated ? Number(activated[1]) : null,
    requireMs,
    activateMs,
    error,
    log: lines.slice(0, 5),
  }) + '\n',
);
try {
  for (const d of context.subscriptions) d?.dispose?.();
  await extension.deactivate?.();
} catch {
  /* the stand-in may not carry a real shutdown */
}
process.exit(0);
