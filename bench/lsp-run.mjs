// One fresh language server, driven over stdio as an editor would, and timed.
//
// The sequence (see README.md for what each figure means):
//   initialize → initialized + workspace/didChangeConfiguration (the server's configuration
//   pulls are answered and waited for, untimed) → didOpen of the manifest → the first
//   publishDiagnostics that is COMPLETE (holds every expected diagnostic) → settled (no
//   further publish for `quietMs`) → `edits` one-line incremental didChanges of the middle
//   Deployment's replicas, alternating break and repair, each → the next complete publish →
//   `probes` hovers on a Deployment's `replicas` key → `probes` completions in a Service spec
//   → didOpen of a second file with the same text → its first complete publish → (Slipway)
//   `panelEdits` edits of the middle Deployment's replicas, each followed at once by a
//   `slipway/simulate` request → its response.
// The server's process tree is sampled for peak RSS throughout (the peak before the panel
// requests is recorded apart). Every wait is bounded; the
// server is started in its own process group and that group is killed at the end, whatever
// happened.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import rpc from 'vscode-jsonrpc/node.js';
import { changeEdit } from './k8s-gen.mjs';
import { TreeSampler } from './proc-tree.mjs';

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** process groups of the servers still alive, so that a signal or a crash can end them */
const liveGroups = new Set();

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
  liveGroups.delete(pid);
}

export function killAllServers() {
  for (const pid of [...liveGroups]) killGroup(pid);
}

export class StepTimeout extends Error {
  constructor(step, seconds, detail = '') {
    super(`timed out after ${seconds} s waiting for ${step}${detail ? ` (${detail})` : ''}`);
    this.step = step;
  }
}

function lookupSection(settings, section) {
  if (!section) return settings;
  let cur = settings;
  for (const part of section.split('.')) {
    if (cur == null || typeof cur !== 'object' || !(part in cur)) return null;
    cur = cur[part];
  }
  return cur;
}

function hoverText(r) {
  if (!r || !r.contents) return '';
  const one = (x) => (typeof x === 'string' ? x : (x?.value ?? ''));
  return Array.isArray(r.contents) ? r.contents.map(one).join('\n') : one(r.contents);
}

const lineOf = (d) => d.range?.start?.line;

/** `metadata.name` of the generated document `doc` (its first `  name:` line). */
function deploymentName(gen, doc) {
  const lines = gen.text.split('\n');
  const end = doc + 1 < gen.docStart.length ? gen.docStart[doc + 1] : lines.length;
  for (let i = gen.docStart[doc]; i < end; i++) {
    const match = /^ {2}name: (\S+)/.exec(lines[i]);
    if (match) return match[1];
  }
  return null;
}

/**
 * What "complete" means for a server: `key` is the list of { line, code } it must report
 * (match 'code': same line and same diagnostic code; match 'line': any diagnostic on that line).
 */
export function makeMatcher(match, key) {
  const has = (diags, e) =>
    diags.some((d) => lineOf(d) === e.line && (match === 'line' || String(d.code) === e.code));
  return {
    missing: (diags, extra = []) => [...key, ...extra].filter((e) => !has(diags, e)),
    complete: (diags, extra = []) => [...key, ...extra].every((e) => has(diags, e)),
  };
}

/**
 * @param o.server   { id, command: [exe, ...args], cwd, settings, languageId, match, key }
 * @param o.gen      the generator's result for this N
 * @param o.files    { workspace, main, second } paths
 * @param o.plan     { edits, probes, timeoutS, deadlineS, quietMs, editQuietMs }
 * @param o.logFile  where the server's stderr and log messages go
 */
export async function runServer({ server, gen, files, plan, logFile }) {
  const m = {
    initializeMs: null,
    openCompleteMs: null,
    openSettledMs: null,
    editMs: [],
    hoverMs: [],
    openHoverMs: null,
    completionMs: [],
    secondCompleteMs: null,
  };
  const started = now();
  const deadline = started + plan.deadlineS * 1000;
  const [exe, ...args] = server.command;
  const child = spawn(exe, args, {
    cwd: server.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
    env: process.env,
  });
  if (child.pid) liveGroups.add(child.pid);
  const log = fs.createWriteStream(logFile);
  child.stderr.pipe(log);
  child.stdin.on('error', () => {}); // EPIPE once the server is gone
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve((exited = { code, signal })));
    child.on('error', (e) => resolve((exited = { error: String(e) })));
  });
  const sampler = child.pid ? new TreeSampler(child.pid) : null;
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  const publishes = []; // { t, uri, version, diagnostics }
  const listeners = new Set();
  let lastConfigAt = 0;
  conn.onNotification((method, params) => {
    if (method === 'textDocument/publishDiagnostics') {
      const ev = {
        t: now(),
        uri: params.uri,
        version: params.version,
        diagnostics: params.diagnostics ?? [],
      };
      publishes.push(ev);
      for (const l of [...listeners]) l();
    } else if (method === 'window/logMessage' || method === 'window/showMessage') {
      log.write(`[${method}] ${params.message}\n`);
    }
  });
  conn.onRequest((method, params) => {
    if (method === 'workspace/configuration') {
      lastConfigAt = now();
      return (params.items ?? []).map((it) => lookupSection(server.settings, it.section));
    }
    if (method === 'workspace/workspaceFolders')
      return [{ uri: pathToFileURL(files.workspace).href, name: 'bench' }];
    // client/registerCapability, window/workDoneProgress/create, and anything asking for
    // remote content: this client is offline and refuses
    if (method.endsWith('/content')) return new rpc.ResponseError(-32803, 'slipway bench: offline');
    return null;
  });
  conn.onError(([e]) => log.write(`[rpc error] ${e}\n`));
  conn.onClose(() => {});
  conn.listen();

  const remainingMs = () => Math.max(0, deadline - now());
  /** p, or StepTimeout after min(timeout, time left before the run's deadline) */
  const bounded = (p, step, detail = () => '') => {
    const ms = Math.min(plan.timeoutS * 1000, remainingMs());
    let timer;
    const expire = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new StepTimeout(step, Math.round(ms / 1000), detail())), ms);
    });
    const died = exitPromise.then((x) => {
      throw new Error(`server exited (${JSON.stringify(x)}) while waiting for ${step}`);
    });
    return Promise.race([p, expire, died]).finally(() => clearTimeout(timer));
  };

  /** the first publish for uri at index >= from satisfying pred (and the version, when the server sends one) */
  const waitPublish = (uri, from, minVersion, pred, step) => {
    let listener;
    const p = new Promise((resolve) => {
      let i = from;
      listener = () => {
        for (; i < publishes.length; i++) {
          const ev = publishes[i];
          if (ev.uri !== uri) continue;
          if (ev.version != null && ev.version < minVersion) continue;
          if (pred(ev.diagnostics)) return resolve(ev);
        }
      };
      listeners.add(listener);
      listener();
    });
    const lastFor = () => {
      for (let i = publishes.length - 1; i >= from; i--)
        if (publishes[i].uri === uri) return publishes[i];
      return null;
    };
    return bounded(p, step, () => {
      const last = lastFor();
      return last ? `last publish had ${last.diagnostics.length} diagnostics` : 'nothing published';
    }).finally(() => listeners.delete(listener));
  };

  /** waits until uri has had no publish for quietMs (counted from its last publish); returns that publish */
  const settle = async (uri, last, quietMs, step) => {
    let cur = last;
    let seen = publishes.length;
    const loop = async () => {
      for (;;) {
        const wait = cur.t + quietMs - now();
        if (wait > 0) await sleep(Math.min(wait, 100));
        for (; seen < publishes.length; seen++)
          if (publishes[seen].uri === uri) cur = publishes[seen];
        if (now() - cur.t >= quietMs) return cur;
      }
    };
    return bounded(loop(), step);
  };

  /** publishes for uri after index `from` that repeat the one before them (same version, same diagnostics) */
  const repeats = (uri, from) => {
    let n = 0;
    let prev = null;
    for (let i = from; i < publishes.length; i++) {
      const ev = publishes[i];
      if (ev.uri !== uri) continue;
      const key = `${ev.version}:${JSON.stringify(ev.diagnostics)}`;
      if (key === prev) n++;
      prev = key;
    }
    return n;
  };

  const matcher = makeMatcher(server.match, server.key);
  const change = gen.probes.change;
  const changeKey = { line: change.line, code: change.code };
  try {
    if (!child.pid) throw new Error(`could not start ${server.command.join(' ')}`);
    // ---- initialize
    const workspaceUri = pathToFileURL(files.workspace).href;
    let t = now();
    const init = await bounded(
      conn.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'slipway-bench', version: '1' },
        locale: 'en',
        rootPath: files.workspace,
        rootUri: workspaceUri,
        workspaceFolders: [{ uri: workspaceUri, name: 'bench' }],
        initializationOptions: server.initializationOptions,
        capabilities: {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            didChangeConfiguration: { dynamicRegistration: true },
          },
          textDocument: {
            synchronization: { dynamicRegistration: true, didSave: true },
            publishDiagnostics: {
              relatedInformation: true,
              versionSupport: true,
              codeDescriptionSupport: true,
            },
            hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
            completion: {
              dynamicRegistration: true,
              completionItem: {
                snippetSupport: true,
                documentationFormat: ['markdown', 'plaintext'],
              },
            },
            documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          },
          window: { workDoneProgress: false },
        },
      }),
      'initialize',
    );
    m.initializeMs = now() - t;
    m.serverInfo = init?.serverInfo ?? null;
    const sync = init?.capabilities?.textDocumentSync;
    m.syncKind = typeof sync === 'number' ? sync : (sync?.change ?? 1);
    conn.sendNotification('initialized', {});
    conn.sendNotification('workspace/didChangeConfiguration', { settings: server.settings });
    // let the server pull its configuration before the document arrives (untimed)
    const cfgStart = now();
    while (now() - cfgStart < 5000) {
      await sleep(25);
      if (now() - (lastConfigAt || cfgStart) > 200 && now() - cfgStart > 300) break;
    }

    // ---- didOpen → complete → settled
    const uri = pathToFileURL(files.main).href;
    const languageId = server.languageId ?? 'yaml';
    let text = gen.text;
    let version = 1;
    let from = publishes.length;
    const firstPublish = from;
    t = now();
    conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version, text },
    });
    // A hover sent right behind the didOpen: is the server answering while it checks the file?
    let openHoverAt = null;
    const openHover = bounded(
      conn.sendRequest('textDocument/hover', {
        textDocument: { uri },
        position: { line: gen.probes.hover.line, character: gen.probes.hover.character },
      }),
      'hover sent with didOpen',
    ).then(() => {
      openHoverAt = now();
    });
    let ev = await waitPublish(
      uri,
      from,
      0,
      (d) => matcher.complete(d),
      'didOpen → complete diagnostics',
    );
    m.openCompleteMs = ev.t - t;
    await openHover;
    m.openHoverMs = openHoverAt - t;
    m.openPublishesBeforeComplete = publishes
      .slice(from)
      .filter((e) => e.uri === uri && e.t < ev.t).length;
    ev = await settle(uri, ev, plan.quietMs, 'didOpen → settled diagnostics');
    m.openSettledMs = ev.t - t;
    m.openDiagnostics = ev.diagnostics.length;
    const keyLines = new Set(server.allKeyLines);
    const unexpected = ev.diagnostics.filter((d) => !keyLines.has(lineOf(d)));
    m.settledMissing = matcher
      .missing(ev.diagnostics)
      .map((e) => e.id ?? `${e.line + 1}:${e.code}`);
    m.unexpected = unexpected.length;
    m.unexpectedSample = unexpected
      .slice(0, 3)
      .map((d) => `${lineOf(d) + 1}: ${d.code ?? ''} ${d.message}`.slice(0, 160));

    // ---- edits: break / repair the middle Deployment's replicas, one line each
    m.editKinds = [];
    for (let k = 0; k < plan.edits; k++) {
      const repair = k % 2 === 1;
      const e = changeEdit(gen, text, repair);
      version++;
      const contentChange =
        m.syncKind === 2 ? { range: e.range, text: e.text } : { text: e.newDocument };
      from = publishes.length;
      const pred = repair
        ? (d) => matcher.complete(d) && !d.some((x) => lineOf(x) === change.line)
        : (d) => matcher.complete(d, [changeKey]);
      t = now();
      conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [contentChange],
      });
      text = e.newDocument;
      ev = await waitPublish(
        uri,
        from,
        version,
        pred,
        `edit ${k + 1} (${repair ? 'repair' : 'break'}) → complete diagnostics`,
      );
      m.editMs.push(ev.t - t);
      m.editKinds.push(repair ? 'repair' : 'break');
      // let any follow-up publish of this edit pass before the next one (untimed)
      await settle(uri, ev, plan.editQuietMs, `edit ${k + 1} settling`);
    }
    if (plan.edits % 2 === 1) {
      // leave the text as generated, so the hover and completion probes see the same file
      const e = changeEdit(gen, text, true);
      version++;
      from = publishes.length;
      conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [
          m.syncKind === 2 ? { range: e.range, text: e.text } : { text: e.newDocument },
        ],
      });
      text = e.newDocument;
      ev = await waitPublish(uri, from, version, (d) => matcher.complete(d), 'final repair');
      await settle(uri, ev, plan.editQuietMs, 'final repair settling');
    }

    // ---- hover on a Deployment's `replicas` key
    const hp = gen.probes.hover;
    for (let p = 0; p < plan.probes; p++) {
      t = now();
      const r = await bounded(
        conn.sendRequest('textDocument/hover', {
          textDocument: { uri },
          position: { line: hp.line, character: hp.character },
        }),
        'hover',
      );
      m.hoverMs.push(now() - t);
      if (p === 0)
        m.hoverFirstLine =
          hoverText(r)
            .split('\n')
            .find((l) => l.trim())
            ?.slice(0, 120) ?? '';
    }

    // ---- completion on the whitespace-only line inside a ClusterIP Service's spec
    const cp = gen.probes.completion;
    for (let p = 0; p < plan.probes; p++) {
      t = now();
      const r = await bounded(
        conn.sendRequest('textDocument/completion', {
          textDocument: { uri },
          position: { line: cp.line, character: cp.character },
          context: { triggerKind: 1 },
        }),
        'completion',
      );
      m.completionMs.push(now() - t);
      if (p === 0) {
        const items = Array.isArray(r) ? r : (r?.items ?? []);
        m.completionItems = items.length;
        m.completionHasExpected = items.some(
          (i) =>
            i.label === cp.expectLabel ||
            i.insertText?.startsWith?.(cp.expectLabel) ||
            i.textEdit?.newText?.startsWith?.(cp.expectLabel),
        );
      }
    }

    // ---- a second file with the same text, in the warm server
    const uri2 = pathToFileURL(files.second).href;
    from = publishes.length;
    t = now();
    conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri2, languageId, version: 1, text: gen.text },
    });
    ev = await waitPublish(
      uri2,
      from,
      0,
      (d) => matcher.complete(d),
      'second file → complete diagnostics',
    );
    m.secondCompleteMs = ev.t - t;
    m.publishes = publishes.filter((e) => e.uri === uri).length;
    m.repeatedPublishes = repeats(uri, firstPublish);

    // ---- Slipway's panel: `slipway/simulate` right after an edit of the middle Deployment's
    // replicas (2 → 3 and back), so nothing is remembered: didChange → the response whose
    // report shows the new replica count (the panel's update), and request → response
    // (after the editor figures: its peak RSS is recorded apart, as the report of a
    // 5,000-document scope is megabytes of JSON per request)
    m.peakRssEditorKb = sampler ? sampler.peek() : null;
    if (server.simulateRequest && plan.panelEdits > 0) {
      const { line, character } = change;
      const lines = text.split('\n');
      const name = deploymentName(gen, change.doc);
      m.panelUpdateMs = [];
      m.simulateMs = [];
      m.panelReflects = true;
      for (let k = 0; k < plan.panelEdits; k++) {
        const from = k % 2 === 0 ? '2' : '3';
        const to = k % 2 === 0 ? '3' : '2';
        if (lines[line].slice(character, character + 1) !== from)
          throw new Error(`panel probe mismatch at line ${line}: ${lines[line]}`);
        lines[line] = lines[line].slice(0, character) + to + lines[line].slice(character + 1);
        version++;
        const changedAt = now();
        conn.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [
            m.syncKind === 2
              ? {
                  range: {
                    start: { line, character },
                    end: { line, character: character + 1 },
                  },
                  text: to,
                }
              : { text: lines.join('\n') },
          ],
        });
        const requestedAt = now();
        const result = await bounded(
          conn.sendRequest(server.simulateRequest, { uri }),
          `${server.simulateRequest} after panel edit ${k + 1}`,
        );
        const answeredAt = now();
        m.panelUpdateMs.push(answeredAt - changedAt);
        m.simulateMs.push(answeredAt - requestedAt);
        const workload = result?.report?.workloads?.find(
          (w) => w.kind === 'Deployment' && w.name === name,
        );
        if (workload?.desired !== Number(to)) m.panelReflects = false;
        m.simulatePods = result?.report?.pods?.length ?? null;
        await sleep(plan.editQuietMs);
      }
      text = lines.join('\n');
      // let the background simulation of the last edit pass (untimed)
      ev = publishes.filter((e) => e.uri === uri).at(-1) ?? ev;
      await settle(uri, ev, plan.editQuietMs, 'panel edits settling');
    }
  } catch (e) {
    if (e instanceof StepTimeout) m.timedOut = e.message;
    else m.error = String(e?.message ?? e);
  } finally {
    Object.assign(m, sampler ? sampler.stop() : { peakRssKb: null, processes: 0 });
    if (!exited && child.pid) {
      try {
        await Promise.race([conn.sendRequest('shutdown'), sleep(3000)]);
        conn.sendNotification('exit');
      } catch {
        /* the server may already be gone */
      }
      await Promise.race([exitPromise, sleep(3000)]);
    }
    // the server and anything it started: its own process group
    if (child.pid) killGroup(child.pid);
    await Promise.race([exitPromise, sleep(2000)]);
    conn.dispose();
    child.stdin.destroy();
    child.stdout.destroy();
    child.stderr.destroy();
    await new Promise((r) => log.end(r));
  }
  m.wallMs = now() - started;
  return m;
}

/**
 * A fresh server with a workspace folder of many files and no file open: `initialized`
 * → the last publishDiagnostics before `quietMs` without one (the workspace indexed in
 * the background and every file's diagnostics published). Only for a server that indexes
 * the workspace (Slipway); how many files got a publish, and the peak RSS, are recorded.
 *
 * @param o.server   { command, cwd, settings }
 * @param o.folder   the workspace folder
 * @param o.plan     { timeoutS, quietMs }
 * @param o.logFile  where the server's stderr and log messages go
 */
export async function runWorkspace({ server, folder, plan, logFile }) {
  const m = { initializeMs: null, settledMs: null, filesPublished: 0, withDiagnostics: 0 };
  const started = now();
  const [exe, ...args] = server.command;
  const child = spawn(exe, args, {
    cwd: server.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
    env: process.env,
  });
  if (child.pid) liveGroups.add(child.pid);
  const log = fs.createWriteStream(logFile);
  child.stderr.pipe(log);
  child.stdin.on('error', () => {});
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (e) => resolve({ error: String(e) }));
  });
  const sampler = child.pid ? new TreeSampler(child.pid) : null;
  const conn = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  let lastPublishAt = null;
  const published = new Map();
  conn.onNotification((method, params) => {
    if (method === 'textDocument/publishDiagnostics') {
      lastPublishAt = now();
      published.set(params.uri, params.diagnostics?.length ?? 0);
    } else if (method === 'window/logMessage' || method === 'window/showMessage') {
      log.write(`[${method}] ${params.message}\n`);
    }
  });
  conn.onRequest((method, params) => {
    if (method === 'workspace/configuration')
      return (params.items ?? []).map((it) => lookupSection(server.settings, it.section));
    if (method === 'workspace/workspaceFolders')
      return [{ uri: pathToFileURL(folder).href, name: 'bench' }];
    return null;
  });
  conn.listen();
  try {
    const folderUri = pathToFileURL(folder).href;
    let t = now();
    const init = conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { versionSupport: true } },
      },
    });
    // The timer is cleared once answered: a pending one kept the bench process alive for
    // the whole timeout after its last figure.
    let initTimer;
    await Promise.race([
      init,
      new Promise((_, reject) => {
        initTimer = setTimeout(
          () => reject(new StepTimeout('initialize', plan.timeoutS)),
          plan.timeoutS * 1000,
        );
      }),
    ]).finally(() => clearTimeout(initTimer));
    m.initializeMs = now() - t;
    t = now();
    conn.sendNotification('initialized', {});
    conn.sendNotification('workspace/didChangeConfiguration', { settings: server.settings });
    const deadline = t + plan.timeoutS * 1000;
    for (;;) {
      await sleep(50);
      if (now() > deadline) throw new StepTimeout('workspace diagnostics settled', plan.timeoutS);
      if (lastPublishAt !== null && now() - lastPublishAt >= plan.quietMs) break;
    }
    m.settledMs = lastPublishAt - t;
    m.filesPublished = published.size;
    m.withDiagnostics = [...published.values()].filter((n) => n > 0).length;
  } catch (e) {
    if (e instanceof StepTimeout) m.timedOut = e.message;
    else m.error = String(e?.message ?? e);
  } finally {
    Object.assign(m, sampler ? sampler.stop() : { peakRssKb: null, processes: 0 });
    try {
      await Promise.race([conn.sendRequest('shutdown'), sleep(3000)]);
      conn.sendNotification('exit');
    } catch {
      /* gone */
    }
    await Promise.race([exitPromise, sleep(3000)]);
    if (child.pid) killGroup(child.pid);
    conn.dispose();
    child.stdin.destroy();
    child.stdout.destroy();
    child.stderr.destroy();
    await new Promise((r) => log.end(r));
  }
  m.wallMs = now() - started;
  return m;
}
