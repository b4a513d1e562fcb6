#!/usr/bin/env node
// npm run bench [-- --quick]            (at the repository root; other options: npm run bench -- -- OPTIONS)
// node bench/run.mjs [options]          (the same, directly)
//
// Performance figures of the Slipway language server (../dist/cli.js lsp --stdio: run
// `npm run build` first) next to yaml-language-server 2.0.0 on the same deterministic
// manifests, and the floors (yaml parsing and ajv validation alone) of the same run.
// Prints tables and appends one JSON line per manifest size to results.jsonl. Asserts nothing.
//
// Options
//   --quick           100 and 1,000 documents, Slipway only (about a minute)
//   --docs LIST       document counts (default 100,1000,5000)
//   --servers LIST    slipway,yaml-language-server (default both; --quick: slipway)
//   --runs R          fresh servers per server and size (default 3; yaml-language-server:
//                     2 at 1,000 documents and more, 1 at 5,000 and more)
//   --edits E         break/repair edits per run (default 10; yaml-language-server at
//                     5,000 documents and more: 4)
//   --probes P        hovers and completions per run (default 20)
//   --timeout S       longest wait for one response or publish (default 120; 60 with --quick;
//                     180 for yaml-language-server at 5,000 documents and more); a run
//                     that hits it reports "timed out" and its server is killed
//   --quiet-ms MS     diagnostics are "settled" after this long without a publish (1000)
//   --swagger FILE    Kubernetes OpenAPI v2 spec for the standalone-strict schemas
//                     (default ../shared/k8s-openapi/swagger.json beside the repository)
//   --out FILE        JSON lines go here (default bench/results.jsonl); --no-record: nowhere
//   --slipway DIR     the Slipway build to measure: DIR/dist/cli.js (default: this repository)
//   --panel-edits E   Slipway's `slipway/simulate` right after an edit, E times per run (6)
//   --workspace-files N  a workspace of N files indexed at start → diagnostics settled (500)
//   --check-files N   `slipway check` on N files (1000)
//   --no-extras       skip the workspace, check, activation and .vsix figures
//   --package         run `npm run package` first (a production build of dist/) and record
//                     the .vsix size; without it an existing slipway-*.vsix is measured
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generate } from './k8s-gen.mjs';
import { convert } from './k8s-openapi2jsonschema.mjs';
// floors.mjs and lsp-run.mjs load yaml, ajv and vscode-jsonrpc: imported in main(), once
// bench/node_modules is known to be there
let measureFloors;
let runServer;
let runWorkspace;
let killAllServers = () => {};

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_DIR = path.resolve(BENCH_DIR, '..');
const DATA_DIR = path.join(BENCH_DIR, 'data');
const SCHEMA_DIR = path.join(DATA_DIR, 'schemas', 'v1.36-standalone-strict');
let SLIPWAY_DIR = REPO_DIR;
let SLIPWAY_CLI = path.join(REPO_DIR, 'dist', 'cli.js');
const YAMLLS_BIN = path.join(
  BENCH_DIR,
  'node_modules',
  'yaml-language-server',
  'bin',
  'yaml-language-server',
);
const SERVER_IDS = ['slipway', 'yaml-language-server'];
const SERVER_NAMES = { slipway: 'Slipway', 'yaml-language-server': 'yaml-language-server' };

// ---------------------------------------------------------------- options
function usage(msg) {
  if (msg) console.error(`bench: ${msg}`);
  console.error(
    'usage: node run.mjs [--quick] [--docs 100,1000,5000] [--servers slipway,yaml-language-server] [--runs R] [--edits E] [--probes P] [--timeout S] [--quiet-ms MS] [--swagger FILE] [--out FILE | --no-record]',
  );
  process.exit(msg ? 2 : 0);
}

function parseArgs(argv) {
  const o = {
    quick: false,
    docs: null,
    servers: null,
    runs: null,
    edits: null,
    probes: null,
    timeoutS: null,
    quietMs: 1000,
    swagger: path.resolve(REPO_DIR, '..', 'shared', 'k8s-openapi', 'swagger.json'),
    out: path.join(BENCH_DIR, 'results.jsonl'),
    slipway: REPO_DIR,
    panelEdits: 6,
    workspaceFiles: 500,
    checkFiles: 1000,
    extras: true,
    package: false,
  };
  const num = (k, v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) usage(`${k} needs a positive integer, not ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => {
      if (i + 1 >= argv.length) usage(`${k} needs a value`);
      return argv[++i];
    };
    switch (k) {
      case '--quick':
        o.quick = true;
        break;
      case '--docs':
        o.docs = v()
          .split(',')
          .map((s) => num('--docs', s.trim()));
        break;
      case '--servers':
        o.servers = v()
          .split(',')
          .map((s) => s.trim());
        break;
      case '--runs':
        o.runs = num(k, v());
        break;
      case '--edits':
        o.edits = num(k, v());
        break;
      case '--probes':
        o.probes = num(k, v());
        break;
      case '--timeout':
        o.timeoutS = num(k, v());
        break;
      case '--quiet-ms':
        o.quietMs = num(k, v());
        break;
      case '--swagger':
        o.swagger = path.resolve(v());
        break;
      case '--out':
        o.out = path.resolve(v());
        break;
      case '--no-record':
        o.out = null;
        break;
      case '--slipway':
        o.slipway = path.resolve(v());
        break;
      case '--panel-edits':
        o.panelEdits = num(k, v());
        break;
      case '--workspace-files':
        o.workspaceFiles = num(k, v());
        break;
      case '--check-files':
        o.checkFiles = num(k, v());
        break;
      case '--no-extras':
        o.extras = false;
        break;
      case '--package':
        o.package = true;
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown option ${k}`);
    }
  }
  // `npm run bench -- --quick` at the repository root reaches this script through a second
  // npm (`npm --prefix bench run bench --quick`), which takes --quick as its own config flag
  // and hands it over as npm_config_quick
  if (process.env.npm_config_quick === 'true') o.quick = true;
  o.docs ??= o.quick ? [100, 1000] : [100, 1000, 5000];
  o.servers ??= o.quick ? ['slipway'] : [...SERVER_IDS];
  for (const s of o.servers)
    if (!SERVER_IDS.includes(s)) usage(`unknown server ${s} (${SERVER_IDS.join(', ')})`);
  for (const n of o.docs)
    if (n < 32) usage(`--docs: at least 32 documents (two of every kind), not ${n}`);
  return o;
}

/** runs, edits, probes and time limits of one server at one size */
function planFor(opts, serverId, n) {
  const slowCompetitor = serverId === 'yaml-language-server';
  const plan = {
    runs: opts.runs ?? (slowCompetitor && n >= 5000 ? 1 : slowCompetitor && n >= 1000 ? 2 : 3),
    edits: opts.edits ?? (slowCompetitor && n >= 5000 ? 4 : 10),
    probes: opts.probes ?? 20,
    timeoutS: opts.timeoutS ?? (opts.quick ? 60 : slowCompetitor && n >= 5000 ? 180 : 120),
    quietMs: opts.quietMs,
    editQuietMs: 150,
    // an even count leaves the text as generated
    panelEdits: serverId === 'slipway' ? opts.panelEdits + (opts.panelEdits % 2) : 0,
  };
  // a whole run may take: every wait at most once, but never more than 15 minutes
  plan.deadlineS = Math.min(900, plan.timeoutS * 4 + plan.edits * 60);
  return plan;
}

// ---------------------------------------------------------------- facts about this run
function git(args) {
  try {
    return execFileSync('git', args, {
      cwd: SLIPWAY_DIR,
      encoding: 'utf8',
      timeout: 10000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

const packageVersion = (dir) => {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------- schemas (git-ignored, made here)
function ensureSchemas(swagger) {
  const defsFile = path.join(SCHEMA_DIR, '_definitions.json');
  const stamp = path.join(SCHEMA_DIR, 'source.json');
  let source = null;
  if (fs.existsSync(swagger)) {
    const st = fs.statSync(swagger);
    source = { swagger, size: st.size, mtimeMs: st.mtimeMs };
  }
  const made = fs.existsSync(stamp) ? JSON.parse(fs.readFileSync(stamp, 'utf8')) : null;
  if (
    fs.existsSync(defsFile) &&
    made &&
    (!source || (made.size === source.size && made.mtimeMs === source.mtimeMs))
  )
    return defsFile;
  if (!source) {
    console.error(
      `bench: no Kubernetes OpenAPI spec at ${swagger} (pass --swagger FILE) and no schemas in ${SCHEMA_DIR}`,
    );
    process.exit(1);
  }
  const { definitions, all, kindsOnly } = convert(JSON.parse(fs.readFileSync(swagger, 'utf8')));
  fs.mkdirSync(SCHEMA_DIR, { recursive: true });
  fs.writeFileSync(defsFile, JSON.stringify(definitions) + '\n');
  fs.writeFileSync(path.join(SCHEMA_DIR, 'all.json'), JSON.stringify(all) + '\n');
  fs.writeFileSync(path.join(SCHEMA_DIR, 'kinds.json'), JSON.stringify(kindsOnly) + '\n');
  fs.writeFileSync(stamp, JSON.stringify(source) + '\n');
  console.error(
    `[bench] standalone-strict schemas generated from ${swagger} into ${path.relative(REPO_DIR, SCHEMA_DIR)}/`,
  );
  return defsFile;
}

// ---------------------------------------------------------------- Slipway's key, checked
/**
 * What this build of Slipway reports for the file, by `slipway check --json` (the CLI runs
 * the same core as the server). The generator says which code each deliberate error should
 * get; the key the LSP runs wait for is the part of that this build really reports, so a
 * rule that has not landed yet (or a regression) shows up as "not reported" in the output
 * rather than as a run that waits for a diagnostic that never comes.
 */
function checkWithCli(gen, file) {
  let stdout;
  try {
    stdout = execFileSync(process.execPath, [SLIPWAY_CLI, 'check', '--json', file], {
      cwd: REPO_DIR,
      encoding: 'utf8',
      timeout: 180000,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    // exit 1 means "found an error", which this file has on purpose
    if (e.status !== 1 || !e.stdout)
      throw new Error(`slipway check --json failed: ${e.stderr || e.message}`);
    stdout = e.stdout;
  }
  const diagnostics = JSON.parse(stdout).diagnostics ?? [];
  const reported = (e) =>
    diagnostics.some((d) => d.range?.start?.line === e.line && d.code === e.code);
  const keyLines = new Set(gen.expectedErrors.map((e) => e.line));
  const other = diagnostics.filter((d) => !keyLines.has(d.range?.start?.line));
  return {
    key: gen.expectedErrors.filter(reported),
    notReported: gen.expectedErrors
      .filter((e) => !reported(e))
      .map((e) => `${e.id} (${e.code}, line ${e.line + 1})`),
    other: other.length,
    otherSample: other
      .slice(0, 3)
      .map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`.slice(0, 160)),
  };
}

// ---------------------------------------------------------------- the servers
function serverNodeArgs() {
  return (process.env.SLIPWAY_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
}

function serverConfig(id, gen, slipwayKey) {
  const allKeyLines = gen.expectedErrors.map((e) => e.line);
  if (id === 'slipway') {
    return {
      id,
      // SLIPWAY_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
      command: [process.execPath, ...serverNodeArgs(), SLIPWAY_CLI, 'lsp', '--stdio'],
      cwd: REPO_DIR,
      languageId: 'yaml',
      // what VS Code would answer with the defaults of package.json's contributes.configuration
      settings: {
        slipway: {
          enable: true,
          kubernetesVersion: '1.36',
          exclude: ['**/node_modules/**', '**/charts/*/templates/**'],
          validation: { enable: true },
          rules: {},
          hover: { enable: true },
          completion: { enable: true },
          trace: { server: 'off' },
        },
      },
      match: 'code',
      simulateRequest: 'slipway/simulate',
      key: slipwayKey.map((e) => ({ id: e.id, line: e.line, code: e.code })),
      allKeyLines,
    };
  }
  // yaml-language-server, fully offline: the standalone-strict kinds generated above, no
  // schema store, no CRD store (the best offline configuration of the reference harness)
  return {
    id,
    command: [process.execPath, YAMLLS_BIN, '--stdio'],
    cwd: BENCH_DIR,
    languageId: 'yaml',
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
        kubernetesCRDStore: { enable: false },
        schemas: { [path.join(SCHEMA_DIR, 'kinds.json')]: ['*.yaml'] },
      },
      http: { proxy: '', proxyStrictSSL: false },
      '[yaml]': {},
      editor: { tabSize: 2 },
      files: {},
    },
    match: 'line',
    // its messages differ from Slipway's: the key is the line, and only what a schema can see
    key: gen.expectedErrors.filter((e) => e.schemaVisible).map((e) => ({ id: e.id, line: e.line })),
    allKeyLines,
  };
}

// ---------------------------------------------------------------- statistics and formatting
const median = (xs) => {
  const a = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((p, q) => p - q);
  if (!a.length) return null;
  const h = a.length >> 1;
  return a.length % 2 ? a[h] : (a[h - 1] + a[h]) / 2;
};
const round = (x, d = 2) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Median, min, max and count of the numbers among `values`, rounded. */
function spread(values) {
  const xs = values.filter((x) => typeof x === 'number');
  return {
    median: round(median(xs)),
    min: xs.length ? round(Math.min(...xs)) : null,
    max: xs.length ? round(Math.max(...xs)) : null,
    n: xs.length,
  };
}

function summarize(plan, runs) {
  const pool = (k) => runs.flatMap((r) => (Array.isArray(r[k]) ? r[k] : [r[k]]));
  const first = runs[0];
  const fig = (k) => spread(pool(k));
  return {
    plan: {
      runs: plan.runs,
      edits: plan.edits,
      probes: plan.probes,
      timeoutS: plan.timeoutS,
      quietMs: plan.quietMs,
    },
    runsDone: runs.length,
    serverInfo: first.serverInfo ?? null,
    syncKind: first.syncKind ?? null,
    initializeMs: fig('initializeMs'),
    openCompleteMs: fig('openCompleteMs'),
    openSettledMs: fig('openSettledMs'),
    openHoverMs: fig('openHoverMs'),
    editMs: fig('editMs'),
    hoverMs: fig('hoverMs'),
    completionMs: fig('completionMs'),
    secondCompleteMs: fig('secondCompleteMs'),
    simulateMs: fig('simulateMs'),
    panelUpdateMs: fig('panelUpdateMs'),
    // the editor's figures (open, edits, hovers, completions, second file); Slipway's panel
    // requests come after them and are recorded apart
    peakRssMB: {
      median: round(median(runs.map((r) => r.peakRssEditorKb ?? r.peakRssKb)) / 1024, 1),
      max: round(
        Math.max(...runs.map((r) => r.peakRssEditorKb ?? r.peakRssKb).filter((x) => x != null)) /
          1024,
        1,
      ),
    },
    peakRssWithPanelMB: runs.some((r) => r.peakRssEditorKb != null)
      ? { median: round(median(pool('peakRssKb')) / 1024, 1) }
      : null,
    processes: Math.max(...pool('processes')),
    timedOut: runs.map((r) => r.timedOut).filter(Boolean),
    errors: runs.map((r) => r.error).filter(Boolean),
    checks: {
      openDiagnostics: first.openDiagnostics ?? null,
      openPublishesBeforeComplete: first.openPublishesBeforeComplete ?? null,
      publishes: first.publishes ?? null,
      repeatedPublishes: first.repeatedPublishes ?? null,
      settledMissing: first.settledMissing ?? null,
      unexpected: first.unexpected ?? null,
      unexpectedSample: first.unexpectedSample ?? [],
      hoverFirstLine: first.hoverFirstLine ?? null,
      completionItems: first.completionItems ?? null,
      completionHasExpected: first.completionHasExpected ?? null,
      panelReflects: first.panelReflects ?? null,
      simulatePods: first.simulatePods ?? null,
    },
    wallS: round(runs.reduce((s, r) => s + r.wallMs, 0) / 1000, 1),
  };
}

function fmtMs(x) {
  if (x == null) return null;
  if (x < 1) return `${x.toFixed(2)} ms`;
  if (x < 100) return `${x.toFixed(1)} ms`;
  if (x < 10000) return `${Math.round(x).toLocaleString('en-US')} ms`;
  return `${(x / 1000).toFixed(1)} s`;
}
const fmtMB = (x) => (x == null ? null : `${Math.round(x).toLocaleString('en-US')} MB`);

function cell(s, key, fmt) {
  if (!s) return { text: '–', value: null };
  const v = key.startsWith('peakRss') ? s[key]?.median : s[key]?.median;
  if (v == null)
    return {
      text: s.timedOut.length ? 'timed out' : s.errors.length ? 'failed' : '–',
      value: null,
    };
  // a run that stopped early: its figures are real but not the whole run's
  const partial = s.timedOut.length > 0 || s.errors.length > 0;
  return { text: fmt(v) + (partial ? ' *' : ''), value: v, partial };
}

function table(rows) {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r) =>
    '| ' + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(' | ') + ' |';
  return [
    line(rows[0]),
    '|' + w.map((x, i) => (i === 0 ? '-'.repeat(x + 2) : '-'.repeat(x + 1) + ':')).join('|') + '|',
    ...rows.slice(1).map(line),
  ].join('\n');
}

/** `measureFloors` in a fresh process: its garbage must not be collected during a server run. */
function floorInChild(n, defsFile, iterations) {
  const out = execFileSync(
    process.execPath,
    [path.join(BENCH_DIR, 'floor-once.mjs'), String(n), defsFile, String(iterations)],
    { encoding: 'utf8', timeout: 300000, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(out.trim().split('\n').at(-1));
}

/**
 * Each run's open against the issue's bound, 1.2 × (parse + validate floor) + 150 ms, with
 * the floor measured right before that run (median of 3).
 */
function pairedBound(runs) {
  const pairs = runs
    .filter((m) => typeof m.openCompleteMs === 'number' && typeof m.pairedFloorMs === 'number')
    .map((m) => ({
      openMs: round(m.openCompleteMs),
      floorMs: round(m.pairedFloorMs),
      boundMs: round(1.2 * m.pairedFloorMs + 150),
    }));
  if (pairs.length === 0) return null;
  return {
    runs: pairs,
    within: pairs.filter((x) => x.openMs <= x.boundMs).length,
    medianRatio: round(median(pairs.map((x) => x.openMs / x.floorMs)), 2),
  };
}

/**
 * The file is in the workspace folder (as in the reference harness), and the bench lets the
 * server pull its configuration (at least 300 ms) before the didOpen: meanwhile Slipway's
 * workspace scan has begun checking that very file, and the open reuses those documents.
 * These runs put the workspace folder elsewhere (an empty one), so the didOpen starts from
 * nothing: the open as it is when the user opens a file the server has not indexed.
 */
async function measureColdOpen(cfg, gen, files, plan, n) {
  const empty = path.join(DATA_DIR, 'empty-workspace');
  fs.mkdirSync(empty, { recursive: true });
  const coldPlan = { ...plan, edits: 0, probes: 1, panelEdits: 0 };
  const times = [];
  for (let r = 1; r <= plan.runs; r++) {
    const logFile = path.join(DATA_DIR, 'logs', `slipway-${n}-cold${r}.log`);
    const m = await runServer({
      server: cfg,
      gen,
      files: { ...files, workspace: empty },
      plan: coldPlan,
      logFile,
    });
    if (m.timedOut || m.error) break;
    times.push(m.openCompleteMs);
    console.error(
      `[bench] N=${n} Slipway cold open ${r}/${plan.runs} (file outside the workspace): open→complete ${fmtMs(m.openCompleteMs)}`,
    );
  }
  return times.length ? spread(times) : null;
}

/** The codes of the cross-resource findings the simulation adds to the generated files. */
const CROSS_RESOURCE_CODES = [
  'pod-unschedulable',
  'service-selector-matches-nothing',
  'configmap-not-found',
  'ingress-backend-service-not-found',
  'service-node-port-conflict',
];

/**
 * Edits with the cross-resource codes switched off (`slipway.rules`), one fresh server: what
 * an edit costs the server itself, without the thousands of simulation findings that every
 * publish of the whole file carries (LSP publishes a file's diagnostics whole).
 */
async function measureOwnEdits(cfg, gen, files, plan, n) {
  const rules = Object.fromEntries(CROSS_RESOURCE_CODES.map((code) => [code, 'off']));
  const server = { ...cfg, settings: { slipway: { ...cfg.settings.slipway, rules } } };
  const logFile = path.join(DATA_DIR, 'logs', `slipway-${n}-own-edits.log`);
  const m = await runServer({
    server,
    gen,
    files,
    plan: { ...plan, probes: 1, panelEdits: 0 },
    logFile,
  });
  if (m.timedOut || m.error || m.editMs.length === 0) return null;
  const result = spread(m.editMs);
  console.error(
    `[bench] N=${n} Slipway edits with the cross-resource codes off: median ${fmtMs(result.median)} (${result.n} edits)`,
  );
  return result;
}

function report(record) {
  const s = record.servers.slipway;
  const y = record.servers['yaml-language-server'];
  const samples = (x) => (x ? `${x.runsDone} / ${x.editMs.n} / ${x.hoverMs.n}` : '–');
  const figures = [
    ['initialize', 'initializeMs', fmtMs, '1/run'],
    ['didOpen → first complete diagnostics', 'openCompleteMs', fmtMs, '1/run'],
    ['the same, file outside the workspace (nothing indexed before)', 'coldOpenMs', fmtMs, '1/run'],
    ['didOpen → settled diagnostics', 'openSettledMs', fmtMs, '1/run'],
    ['hover sent with the didOpen → its answer', 'openHoverMs', fmtMs, '1/run'],
    ['edit (1 line) → complete diagnostics', 'editMs', fmtMs, 'edits'],
    ['the same, the 5 cross-resource codes off (1 run)', 'ownEditMs', fmtMs, 'edits'],
    ['hover on `replicas`', 'hoverMs', fmtMs, 'probes'],
    ['completion in Service `spec`', 'completionMs', fmtMs, 'probes'],
    ['second file (warm) → complete diagnostics', 'secondCompleteMs', fmtMs, '1/run'],
    ['`slipway/simulate` on the whole file, right after an edit', 'simulateMs', fmtMs, 'panel'],
    ['panel update: edit → `slipway/simulate` reflecting it', 'panelUpdateMs', fmtMs, 'panel'],
    ['peak RSS of the server process tree', 'peakRssMB', fmtMB, '1/run'],
    ['peak RSS, then with the panel requests', 'peakRssWithPanelMB', fmtMB, '1/run'],
  ];
  const rows = [['figure (median)', 'Slipway', 'yaml-language-server', 'ratio y/S']];
  for (const [label, key, fmt] of figures) {
    const a = cell(s, key, fmt);
    const b = cell(y, key, fmt);
    // peak RSS of a run that stopped early is not comparable
    const comparable =
      a.value && b.value && !(key.startsWith('peakRss') && (a.partial || b.partial));
    const ratio = comparable
      ? `${(b.value / a.value).toFixed(b.value / a.value >= 10 ? 0 : 1)}×`
      : '–';
    rows.push([label, a.text, b.text, ratio]);
  }
  rows.push(['samples: fresh runs / edits / hovers = completions', samples(s), samples(y), '']);
  const found = (x) => {
    if (!x) return '–';
    const missing = x.checks.settledMissing;
    if (missing == null) return 'n/a';
    if (x === y) {
      const total = record.expected.filter((e) => e.schemaVisible).length;
      return `${total - missing.length}/${total} (by line)`;
    }
    const total = record.expected.length;
    return `${total - missing.length - record.slipwayCheck.notReported.length}/${total}`;
  };
  rows.push(['deliberate errors reported (settled)', found(s), found(y), '']);
  rows.push([
    'other diagnostics (settled)',
    s?.checks.unexpected == null ? '–' : String(s.checks.unexpected),
    y?.checks.unexpected == null ? '–' : String(y.checks.unexpected),
    '',
  ]);
  const f = record.floors;
  const out = [];
  const kinds = new Set(Object.keys(record.kinds).map((k) => k.split('/')[0])).size;
  out.push(
    `${record.docs.toLocaleString('en-US')} documents · ${record.lines.toLocaleString('en-US')} lines · ${(record.bytes / 1024).toFixed(0)} KiB · ${kinds} kinds · ${record.expected.length} deliberate errors`,
  );
  out.push(table(rows));
  const paired = s?.pairedBound;
  if (paired)
    out.push(
      `Slipway's open against 1.2 × floor + 150 ms, the floor measured again right before each run (median of 3): ${paired.runs.map((x) => `${fmtMs(x.openMs)} / ${fmtMs(x.boundMs)}`).join(', ')}; ${paired.within} of ${paired.runs.length} within; open ÷ floor ${paired.medianRatio} (median)`,
    );
  out.push(
    `floor (this process, no server, median of ${f.iterations}): yaml parseAllDocuments + LineCounter ${fmtMs(f.parseMs)} · toJS ${fmtMs(f.toJSMs)} · ajv validate ${record.docs.toLocaleString('en-US')} documents ${fmtMs(f.validateMs)} (${f.invalidDocs} invalid) · ajv compile of the ${f.validators} kinds used ${fmtMs(f.compileMs)}, apart · one document parse + validate ${fmtMs(f.oneDocMs)}`,
  );
  if (record.slipwayCheck?.notReported.length)
    out.push(
      `Slipway (this build, slipway check): does not report ${record.slipwayCheck.notReported.join(', ')}; its complete publish is waited for without it`,
    );
  if (record.slipwayCheck?.other)
    out.push(
      `Slipway (this build, slipway check): ${record.slipwayCheck.other} other diagnostics, e.g. ${record.slipwayCheck.otherSample.join(' / ')}`,
    );
  for (const [id, x] of Object.entries(record.servers)) {
    const notes = [];
    if (x.timedOut.length)
      notes.push(
        `${x.timedOut.length} of ${x.runsDone} runs timed out${x.runsDone < x.plan.runs ? ` (the other ${x.plan.runs - x.runsDone} planned were skipped)` : ''}: ${x.timedOut[0]}`,
      );
    if (x.errors.length) notes.push(`failed: ${x.errors[0]}`);
    if (x.checks.settledMissing?.length)
      notes.push(`not reported when settled: ${x.checks.settledMissing.join(', ')}`);
    if (x.checks.unexpectedSample.length)
      notes.push(`other diagnostics, e.g. ${x.checks.unexpectedSample.join(' / ')}`);
    if (x.checks.completionHasExpected === false)
      notes.push(`completion lacked "sessionAffinity" (${x.checks.completionItems} items)`);
    if (x.checks.hoverFirstLine === '') notes.push('hover returned nothing');
    if (x.checks.panelReflects === false)
      notes.push('a `slipway/simulate` response did not show the edited replica count');
    if (x.checks.repeatedPublishes)
      notes.push(
        `${x.checks.repeatedPublishes} of its ${x.checks.publishes} publishes for the file repeated the one before (same version and diagnostics)`,
      );
    if (notes.length) out.push(`${SERVER_NAMES[id]}: ${notes.join('; ')}`);
  }
  if (Object.values(record.servers).some((x) => x.timedOut.length || x.errors.length))
    out.push(
      '* from a server that stopped early: only what it finished before the time-out or failure',
    );
  return out.join('\n');
}

// ---------------------------------------------------------------- Slipway-only figures
/** Splits a generated manifest into files of `perFile` documents, in `dir` (made afresh). */
function writeFiles(gen, dir, perFile) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const lines = gen.text.split('\n');
  let files = 0;
  for (let d = 0; d < gen.docStart.length; d += perFile) {
    const from = gen.docStart[d];
    const to = d + perFile < gen.docStart.length ? gen.docStart[d + perFile] : lines.length;
    const name = `part-${String(files).padStart(4, '0')}.yaml`;
    fs.writeFileSync(path.join(dir, name), lines.slice(from, to).join('\n') + '\n');
    files++;
  }
  return files;
}

/** `npm run package` (a production build of dist/ and the .vsix); its size. */
function packageVsix() {
  const started = Date.now();
  console.error('[bench] npm run package (production build of dist/ and the .vsix)');
  try {
    execFileSync('npm', ['run', 'package'], {
      cwd: SLIPWAY_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 300000,
    });
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
  return { ...findVsix(), packagedS: round((Date.now() - started) / 1000, 1) };
}

function findVsix() {
  const found = fs
    .readdirSync(SLIPWAY_DIR)
    .filter((name) => name.endsWith('.vsix'))
    .map((name) => ({ name, ...fs.statSync(path.join(SLIPWAY_DIR, name)) }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  return found
    ? {
        file: found.name,
        bytes: found.size,
        made: new Date(found.mtimeMs).toISOString(),
      }
    : null;
}

function timeCommand(args, runs) {
  const times = [];
  let exitCode = null;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    try {
      execFileSync(process.execPath, args, {
        cwd: SLIPWAY_DIR,
        stdio: ['ignore', 'ignore', 'ignore'],
        timeout: 180000,
        maxBuffer: 512 * 1024 * 1024,
      });
      exitCode = 0;
    } catch (e) {
      exitCode = e.status ?? null;
      if (e.status !== 1) throw e;
    }
    times.push(performance.now() - t);
  }
  return { median: round(median(times)), min: round(Math.min(...times)), n: runs, exitCode };
}

/**
 * The figures that are not per manifest size: a workspace indexed at start, `slipway
 * check` on many files, the extension's activation, the .vsix.
 */
async function measureExtras(opts, packaged) {
  const gen = generate(5000);
  const extras = {};
  const settings = serverConfig('slipway', gen, []).settings;
  // a workspace of many small files, indexed at start → every file's diagnostics settled
  const wsDir = path.join(DATA_DIR, `workspace-${opts.workspaceFiles}`);
  const wsFiles = writeFiles(gen, wsDir, Math.max(1, Math.floor(5000 / opts.workspaceFiles)));
  const runs = [];
  for (let r = 1; r <= (opts.quick ? 1 : 3); r++) {
    const m = await runWorkspace({
      server: {
        command: [process.execPath, SLIPWAY_CLI, 'lsp', '--stdio'],
        cwd: SLIPWAY_DIR,
        settings,
      },
      folder: wsDir,
      plan: { timeoutS: 120, quietMs: opts.quietMs },
      logFile: path.join(DATA_DIR, 'logs', `slipway-workspace-run${r}.log`),
    });
    runs.push(m);
    console.error(
      `[bench] workspace of ${wsFiles} files run ${r}: settled ${fmtMs(m.settledMs) ?? '–'}, ${m.filesPublished} files published, peak RSS ${fmtMB(m.peakRssKb / 1024) ?? '–'}${m.timedOut ? ` TIMED OUT: ${m.timedOut}` : m.error ? ` FAILED: ${m.error}` : ''}`,
    );
  }
  extras.workspace = {
    files: wsFiles,
    documents: gen.docs,
    settledMs: { median: round(median(runs.map((m) => m.settledMs))), n: runs.length },
    filesPublished: Math.max(...runs.map((m) => m.filesPublished)),
    withDiagnostics: Math.max(...runs.map((m) => m.withDiagnostics)),
    peakRssMB: round(median(runs.map((m) => m.peakRssKb)) / 1024, 1),
    timedOut: runs.map((m) => m.timedOut).filter(Boolean),
    errors: runs.map((m) => m.error).filter(Boolean),
  };
  // slipway check on many files
  const checkDir = path.join(DATA_DIR, `files-${opts.checkFiles}`);
  const checkFiles = writeFiles(gen, checkDir, Math.max(1, Math.floor(5000 / opts.checkFiles)));
  extras.check = {
    files: checkFiles,
    documents: gen.docs,
    ...timeCommand([SLIPWAY_CLI, 'check', '--format', 'json', checkDir], opts.quick ? 1 : 3),
  };
  console.error(`[bench] slipway check on ${checkFiles} files: ${fmtMs(extras.check.median)}`);
  // the extension's activation, read from its own output line
  const extensionJs = path.join(SLIPWAY_DIR, 'dist', 'extension.js');
  if (fs.existsSync(extensionJs)) {
    const samples = [];
    for (let r = 0; r < 5; r++) {
      const out = execFileSync(
        process.execPath,
        [path.join(BENCH_DIR, 'activation.mjs'), extensionJs],
        {
          encoding: 'utf8',
          timeout: 60000,
        },
      );
      samples.push(JSON.parse(out.trim().split('\n').at(-1)));
    }
    extras.activation = {
      activatedMs: median(samples.map((x) => x.activatedMs)),
      requireMs: round(median(samples.map((x) => x.requireMs))),
      activateMs: round(median(samples.map((x) => x.activateMs))),
      bundleBytes: fs.statSync(extensionJs).size,
      errors: samples.map((x) => x.error).filter(Boolean),
      n: samples.length,
    };
  }
  extras.vsix = packaged ?? (findVsix() ? { ...findVsix(), existing: true } : null);
  const dist = path.join(SLIPWAY_DIR, 'dist');
  extras.dist = Object.fromEntries(
    fs
      .readdirSync(dist)
      .filter((name) => !name.endsWith('.map'))
      .map((name) => [name, fs.statSync(path.join(dist, name)).size]),
  );
  return extras;
}

function reportExtras(x) {
  const rows = [['figure', 'Slipway']];
  if (x.workspace) {
    const w = x.workspace;
    rows.push([
      `workspace of ${w.files.toLocaleString('en-US')} files (${w.documents.toLocaleString('en-US')} documents) indexed at start → diagnostics settled`,
      w.settledMs.median == null
        ? w.timedOut.length
          ? 'timed out'
          : 'failed'
        : `${fmtMs(w.settledMs.median)} (${w.filesPublished} files published)`,
    ]);
    rows.push([`peak RSS of that server`, fmtMB(w.peakRssMB) ?? '–']);
  }
  if (x.check)
    rows.push([
      `\`slipway check\` on ${x.check.files.toLocaleString('en-US')} files`,
      fmtMs(x.check.median),
    ]);
  if (x.activation)
    rows.push([
      'extension activation (its "activated in N ms" line)',
      `${x.activation.activatedMs} ms (bundle loaded in ${fmtMs(x.activation.requireMs)})`,
    ]);
  rows.push([
    '.vsix size',
    x.vsix?.bytes
      ? `${(x.vsix.bytes / 1048576).toFixed(2)} MB${x.vsix.existing ? ` (existing ${x.vsix.file}, made ${x.vsix.made})` : ''}`
      : x.vsix?.error
        ? `npm run package failed`
        : 'not packaged (--package)',
  ]);
  return table(rows);
}

// ---------------------------------------------------------------- main
async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(BENCH_DIR, 'node_modules', 'vscode-jsonrpc'))) {
    console.error(
      'bench: its dependencies are not installed: run `npm --prefix bench ci` at the repository root (or `npm ci` in bench/)',
    );
    process.exit(1);
  }
  ({ measureFloors } = await import('./floors.mjs'));
  ({ runServer, runWorkspace, killAllServers } = await import('./lsp-run.mjs'));
  SLIPWAY_DIR = opts.slipway;
  SLIPWAY_CLI = path.join(SLIPWAY_DIR, 'dist', 'cli.js');
  const packaged = opts.package && opts.servers.includes('slipway') ? packageVsix() : null;
  if (opts.servers.includes('slipway') && !fs.existsSync(SLIPWAY_CLI)) {
    console.error(
      `bench: ${path.relative(process.cwd(), SLIPWAY_CLI)} is missing: run \`npm run build\` at the repository root first`,
    );
    process.exit(1);
  }
  if (opts.servers.includes('yaml-language-server') && !fs.existsSync(YAMLLS_BIN)) {
    console.error(
      'bench: yaml-language-server is not installed: run `npm --prefix bench ci` at the repository root (or `npm ci` in bench/)',
    );
    process.exit(1);
  }
  const startedAt = Date.now();
  const defsFile = ensureSchemas(opts.swagger);
  const defsText = fs.readFileSync(defsFile, 'utf8');
  const host = machine();
  const commit = git(['rev-parse', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']);
  const versions = {
    slipway: packageVersion(SLIPWAY_DIR),
    yamlLanguageServer: packageVersion(
      path.join(BENCH_DIR, 'node_modules', 'yaml-language-server'),
    ),
    yaml: packageVersion(path.join(BENCH_DIR, 'node_modules', 'yaml')),
    ajv: packageVersion(path.join(BENCH_DIR, 'node_modules', 'ajv')),
  };
  const distMtime = fs.existsSync(SLIPWAY_CLI)
    ? new Date(fs.statSync(SLIPWAY_CLI).mtimeMs).toISOString()
    : null;
  console.error(
    `[bench] ${opts.quick ? 'quick' : 'full'} run: ${opts.docs.join(', ')} documents; ${opts.servers.map((s) => SERVER_NAMES[s]).join(', ')}; commit ${commit?.slice(0, 12) ?? 'unknown'}${dirty ? ' (work tree has changes)' : ''}`,
  );
  console.error(
    `[bench] ${host.cpuModel}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}, load average ${host.loadavg.join(' ')}`,
  );
  fs.mkdirSync(path.join(DATA_DIR, 'logs'), { recursive: true });
  fs.mkdirSync(path.join(DATA_DIR, 'second'), { recursive: true });
  const reports = [];
  for (const n of opts.docs) {
    const gen = generate(n);
    // the manifest's own workspace folder; the second file lies outside it
    const workspace = path.join(DATA_DIR, `k8s-${n}`);
    fs.mkdirSync(workspace, { recursive: true });
    const files = {
      workspace,
      main: path.join(workspace, `k8s-${n}.yaml`),
      second: path.join(DATA_DIR, 'second', `k8s-${n}.yaml`),
    };
    fs.writeFileSync(files.main, gen.text);
    fs.writeFileSync(files.second, gen.text);
    const { text, docStart, ...meta } = gen;
    fs.writeFileSync(files.main + '.expected.json', JSON.stringify(meta, null, 2) + '\n');

    const cli = opts.servers.includes('slipway') ? checkWithCli(gen, files.main) : null;
    if (cli?.notReported.length)
      console.error(
        `[bench] N=${n}: slipway check does not report ${cli.notReported.join(', ')}: left out of the key`,
      );
    const floors = measureFloors(gen, defsText);
    console.error(
      `[bench] N=${n}: floors parse ${fmtMs(floors.parseMs)}, validate ${fmtMs(floors.validateMs)}`,
    );
    const servers = {};
    for (const id of opts.servers) {
      const plan = planFor(opts, id, n);
      const cfg = serverConfig(id, gen, cli?.key ?? []);
      const runs = [];
      for (let r = 1; r <= plan.runs; r++) {
        const logFile = path.join(DATA_DIR, 'logs', `${id}-${n}-run${r}.log`);
        // The floor again right before each Slipway run: the bound on the open is relative
        // to it, and this machine's speed drifts between the floor above and a later run.
        const pairedFloor = id === 'slipway' ? floorInChild(n, defsFile, 3) : null;
        const m = await runServer({ server: cfg, gen, files, plan, logFile });
        if (pairedFloor) m.pairedFloorMs = pairedFloor.parseMs + pairedFloor.validateMs;
        runs.push(m);
        const status = m.timedOut
          ? `TIMED OUT: ${m.timedOut}`
          : m.error
            ? `FAILED: ${m.error}`
            : 'ok';
        console.error(
          `[bench] N=${n} ${SERVER_NAMES[id]} run ${r}/${plan.runs}: open→complete ${fmtMs(m.openCompleteMs) ?? '–'}, edit ${fmtMs(median(m.editMs)) ?? '–'}, hover ${fmtMs(median(m.hoverMs)) ?? '–'}, completion ${fmtMs(median(m.completionMs)) ?? '–'}, peak RSS ${fmtMB(m.peakRssKb / 1024) ?? '–'} (${(m.wallMs / 1000).toFixed(1)} s) ${status}`,
        );
        if (m.timedOut || m.error) break; // a server that cannot finish one run will not finish the next
      }
      servers[id] = summarize(plan, runs);
      if (id === 'slipway') servers[id].pairedBound = pairedBound(runs);
      if (id === 'slipway' && !runs.some((m) => m.timedOut || m.error)) {
        servers[id].coldOpenMs = await measureColdOpen(cfg, gen, files, plan, n);
        servers[id].ownEditMs = await measureOwnEdits(cfg, gen, files, plan, n);
      }
    }
    const record = {
      tool: 'slipway-bench',
      date: new Date().toISOString(),
      mode: opts.quick ? 'quick' : 'full',
      commit,
      workTreeChanged: Boolean(dirty),
      slipwayBuild: distMtime,
      machine: { ...host, loadavg: machine().loadavg },
      versions,
      docs: n,
      lines: gen.lines,
      bytes: gen.bytes,
      kinds: gen.kinds,
      expected: gen.expectedErrors.map(({ id, line, code, schemaVisible }) => ({
        id,
        line,
        code,
        schemaVisible,
      })),
      // what `slipway check` reported for the deliberate errors (ids), and anything else it reported
      slipwayCheck: cli && {
        reported: cli.key.map((e) => e.id),
        notReported: cli.notReported,
        other: cli.other,
        otherSample: cli.otherSample,
      },
      floors,
      servers,
    };
    if (opts.out) fs.appendFileSync(opts.out, JSON.stringify(record) + '\n');
    const summary = report(record);
    reports.push(summary);
    console.log('\n' + summary);
  }
  if (opts.extras && opts.servers.includes('slipway')) {
    const extras = await measureExtras(opts, packaged);
    const record = {
      tool: 'slipway-bench',
      record: 'extras',
      date: new Date().toISOString(),
      mode: opts.quick ? 'quick' : 'full',
      commit,
      workTreeChanged: Boolean(dirty),
      slipwayBuild: distMtime,
      machine: { ...host, loadavg: machine().loadavg },
      versions,
      extras,
    };
    if (opts.out) fs.appendFileSync(opts.out, JSON.stringify(record) + '\n');
    console.log('\n' + reportExtras(extras));
  }
  console.log('');
  console.log(
    `Machine: ${host.cpuModel}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}. Commit ${commit ?? 'unknown'}${dirty ? ' (work tree has changes)' : ''}. Slipway ${versions.slipway}, yaml-language-server ${versions.yamlLanguageServer}, yaml ${versions.yaml}, ajv ${versions.ajv}.`,
  );
  console.log(
    'ratio y/S = yaml-language-server ÷ Slipway (above 1: Slipway is faster or smaller).',
  );
  console.log(
    `Total ${((Date.now() - startedAt) / 1000).toFixed(0)} s.${opts.out ? ` Appended to ${path.relative(process.cwd(), opts.out)}.` : ''}`,
  );
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    killAllServers();
    process.exit(130);
  });
}
process.on('exit', () => killAllServers());

main().catch((e) => {
  killAllServers();
  console.error(`bench: ${e?.stack ?? e}`);
  process.exit(1);
});
