import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/start-server';
import { createCheckContext } from './node/create-check-context';
import { SLIPWAY_VERSION } from './node/version';

const MB = 1024 * 1024;

/**
 * How far past what survived the last full collection the old generation may
 * grow before the next one. V8 lets it grow to up to four times that: with a
 * 5,000-document scope the live heap is about 70 MB, and each simulation
 * leaves 15 MB or so behind in the old generation (what lives as long as the
 * simulation runs: its pods, claims and report), each `slipway/simulate`
 * response a JSON string of megabytes more, so the resident set climbed past
 * 330 MB while the server kept under 80 MB. At 50 % a full collection comes
 * every two or three simulations, most of its marking on another thread (at
 * 30 % the peak is hardly lower, and opening and simulating are slower).
 * It is set once the workspace has settled (indexed, open files checked,
 * simulated): during that first burst, collecting that often made opening a
 * 5,000-document file about 200 ms slower for no lower peak.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * The young generation's semispace, MB. V8 grows it to 16 MB (32 MB of the
 * resident set for the two halves) under the allocation rate of a large
 * simulation; 8 MB keeps what a simulation's short-lived objects need.
 */
const MAX_SEMI_SPACE_MB = 8;

/** True when node was started with the V8 flag (the user's choice wins). */
function flagGiven(flag: string): boolean {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some(
    (arg) => arg === flag || arg.startsWith(`${flag}=`),
  );
}

/**
 * Keeps the young generation's semispace at `maxMb`: `--max-semi-space-size`
 * is only read when the heap is set up, so the server, already running, stops
 * the new space from growing instead (V8 grows it by
 * `--semi-space-growth-factor` after a scavenge that kept much, and shrinks it
 * when allocation is low). Below the cap a GC observer watches each batch of
 * collections and sets the factor to 1 once the new space reaches it; then
 * the observer is dropped (Node makes an entry object per collection, with
 * deprecated getters: about 2 % of opening a large file) and a slow timer
 * only watches for the space shrinking back, to let it grow again.
 */
function capYoungGeneration(maxMb: number): void {
  // The new space's size counts both semispaces.
  const cap = 2 * maxMb * MB;
  const newSpaceSize = (): number =>
    getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
  const observer = new PerformanceObserver(() => {
    if (newSpaceSize() < cap) return;
    observer.disconnect();
    setFlagsFromString('--semi-space-growth-factor=1');
    const watch = setInterval(() => {
      if (newSpaceSize() >= cap) return;
      clearInterval(watch);
      setFlagsFromString('--semi-space-growth-factor=2');
      observer.observe({ entryTypes: ['gc'] });
    }, SHRINK_CHECK_MS);
    watch.unref();
  });
  observer.observe({ entryTypes: ['gc'] });
}

/** How often a capped young generation is looked at for having shrunk (V8 shrinks it when idle). */
const SHRINK_CHECK_MS = 2000;

/**
 * Bounds the young generation of a long-running server whose large
 * simulations make garbage in bursts (MAX_SEMI_SPACE_MB; HEAP_GROWING_PERCENT
 * follows once the workspace settled): V8 flags read as it collects, so they
 * take effect in a running process. A flag node was started with is left as it is.
 */
function tuneHeap(): void {
  if (!flagGiven('--max-semi-space-size') && !flagGiven('--semi-space-growth-factor')) {
    capYoungGeneration(MAX_SEMI_SPACE_MB);
  }
}

/** Bounds the old generation's growth (HEAP_GROWING_PERCENT), unless node was given the flag. */
function boundOldGeneration(): void {
  if (!flagGiven('--heap-growing-percent')) {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  }
}

/**
 * Starts the language server in this process: `--stdio`, `--node-ipc` or
 * `--socket` are picked from argv by the library. Called by dist/server.js
 * (server-entry.ts) and by `slipway lsp --stdio`.
 */
export function main(): void {
  tuneHeap();
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection, {
    createContext: createCheckContext,
    defer: (callback) => setImmediate(callback),
    workspaceSettled: boundOldGeneration,
    version: SLIPWAY_VERSION,
  });
}
