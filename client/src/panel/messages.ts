/**
 * The simulation panel's message contract: every message the extension host and the panel page
 * exchange, defined once for both sides, with the runtime validators each receiving side uses.
 * The host accepts from the page only the messages defined here (and a `reveal` only for a file
 * of the scope it shows); the page accepts from the host only the messages defined here.
 *
 * Pure: no `vscode`, no DOM, no Node, so the host, the page and the unit tests import it alike.
 */
import type { Range } from '../../../server/src/core/text/range';
import type {
  RouteResult,
  SimulateResult,
  SimulateScopeChoice,
} from '../../../server/src/protocol/requests';

/** What the panel shows: the simulation of `uri`'s scope, or of `uri` alone. */
export interface PanelTarget {
  /** The document whose scope is simulated. */
  uri: string;
  /** `scope`: the file's scope (`slipway.scope`); `file`: the file alone. */
  scope: SimulateScopeChoice;
}

/** The cursor of the active editor: the page highlights the objects whose source contains it. */
export interface CursorPosition {
  uri: string;
  /** 0-based line. */
  line: number;
}

// ---------------------------------------------------------------------------------------------
// Host → page

/**
 * Sent by the host after every `slipway/simulate` answer (and on `ready`). When the newest answer
 * has parse problems, `result` is the last good report with the new `parseProblems`, and
 * `stale` is true.
 */
export interface ShowReportMessage {
  type: 'showReport';
  target: PanelTarget;
  result: SimulateResult;
  /** The report is older than the editor's text (the newest text does not parse, or the server failed). */
  stale: boolean;
}

/** Sent by the host while no report can be shown yet, or when the simulation cannot run. */
export interface ShowStatusMessage {
  type: 'showStatus';
  target: PanelTarget | null;
  /** `loading`: a request is on its way; `error`: it failed, `message` says why. */
  state: 'loading' | 'error';
  message: string;
}

/** Sent by the host when the cursor moves in an editor (null: no editor of the scope is active). */
export interface HighlightMessage {
  type: 'highlight';
  cursor: CursorPosition | null;
}

/** The host's answer to a `trace` message: the `slipway/route` result. */
export interface RouteResultMessage {
  type: 'routeResult';
  result: RouteResult;
}

/** The host's answer to a `trace` message when `slipway/route` failed. */
export interface RouteErrorMessage {
  type: 'routeError';
  url: string;
  message: string;
}

/** Every message the host posts to the page. */
export type HostToPageMessage =
  ShowReportMessage | ShowStatusMessage | HighlightMessage | RouteResultMessage | RouteErrorMessage;

// ---------------------------------------------------------------------------------------------
// Page → host

/** Sent by the page once its script runs: the host answers with the report it has (or gets one). */
export interface ReadyMessage {
  type: 'ready';
}

/** Sent when the user activates an object: the host reveals `range` of `uri` in an editor. */
export interface RevealMessage {
  type: 'reveal';
  uri: string;
  range: Range;
}

/** Sent by the "Trace a request" box: the host asks `slipway/route` and posts `routeResult`. */
export interface TraceMessage {
  type: 'trace';
  url: string;
}

/** Sent by the scope switch: simulate the file's scope, or the file alone. */
export interface SwitchScopeMessage {
  type: 'switchScope';
  scope: SimulateScopeChoice;
}

/** Sent by the refresh button: simulate again now. */
export interface RefreshMessage {
  type: 'refresh';
}

/** Every message the page posts to the host. */
export type PageToHostMessage =
  ReadyMessage | RevealMessage | TraceMessage | SwitchScopeMessage | RefreshMessage;

// ---------------------------------------------------------------------------------------------
// The page's persisted state (vscode.setState), as far as the host reads it

/** The version of {@link PersistedPanelState}; a state of another version is ignored. */
export const PANEL_STATE_VERSION = 1;

/**
 * The part of the page's state (`vscode.setState`) that the host reads back when VS Code
 * restores the panel after a reload (`WebviewPanelSerializer`). The page adds its own fields.
 */
export interface PersistedPanelState {
  version: typeof PANEL_STATE_VERSION;
  target: PanelTarget | null;
}

// ---------------------------------------------------------------------------------------------
// Validation

/** The outcome of a validation: the typed value, or why it was refused. */
export type Validation<T> = { ok: true; value: T } | { ok: false; error: string };

/** The longest URL the trace box sends. */
export const MAX_TRACE_URL_LENGTH = 2048;

/** The largest line or character number a range may carry. */
const MAX_POSITION = 10_000_000;

const SCOPE_CHOICES: readonly SimulateScopeChoice[] = ['scope', 'file'];

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(value: JsonObject, keys: readonly string[]): boolean {
  return Object.keys(value).every((key) => keys.includes(key));
}

function isScopeChoice(value: unknown): value is SimulateScopeChoice {
  return SCOPE_CHOICES.some((choice) => choice === value);
}

function isCount(value: unknown): value is number {
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_POSITION
  );
}

function isPosition(value: unknown): value is Range['start'] {
  return (
    isObject(value) &&
    hasOnlyKeys(value, ['line', 'character']) &&
    isCount(value['line']) &&
    isCount(value['character'])
  );
}

/** Whether `value` is a well-formed range whose start is not after its end. */
export function isRange(value: unknown): value is Range {
  if (!isObject(value) || !hasOnlyKeys(value, ['start', 'end'])) return false;
  const { start, end } = value;
  if (!isPosition(start) || !isPosition(end)) return false;
  return start.line < end.line || (start.line === end.line && start.character <= end.character);
}

function refuse<T>(error: string): Validation<T> {
  return { ok: false, error };
}

function accept<T>(value: T): Validation<T> {
  return { ok: true, value };
}

/** What the host knows when it validates a page message. */
export interface PageMessageContext {
  /** The files of the scope the panel shows: a `reveal` may name only these. */
  readonly scopeFiles: ReadonlySet<string>;
}

/**
 * Validates a message from the page. Refuses anything that is not one of the messages of
 * {@link PageToHostMessage} with exactly its fields, and a `reveal` of a file outside the scope.
 */
export function parsePageMessage(
  value: unknown,
  context: PageMessageContext,
): Validation<PageToHostMessage> {
  if (!isObject(value) || typeof value['type'] !== 'string') {
    return refuse('not a message (an object with a string "type")');
  }
  const type = value['type'];
  switch (type) {
    case 'ready':
    case 'refresh':
      return hasOnlyKeys(value, ['type']) ? accept({ type }) : refuse(`${type} has unknown fields`);
    case 'reveal': {
      if (!hasOnlyKeys(value, ['type', 'uri', 'range'])) return refuse('reveal has unknown fields');
      const { uri, range } = value;
      if (typeof uri !== 'string') return refuse('reveal.uri must be a string');
      if (!isRange(range)) return refuse('reveal.range must be a range');
      if (!context.scopeFiles.has(uri))
        return refuse(`reveal.uri is not a file of the scope: ${uri}`);
      return accept({ type, uri, range });
    }
    case 'trace': {
      if (!hasOnlyKeys(value, ['type', 'url'])) return refuse('trace has unknown fields');
      const { url } = value;
      if (typeof url !== 'string' || url.trim() === '') return refuse('trace.url must be a URL');
      if (url.length > MAX_TRACE_URL_LENGTH) return refuse('trace.url is too long');
      return accept({ type, url });
    }
    case 'switchScope': {
      if (!hasOnlyKeys(value, ['type', 'scope'])) return refuse('switchScope has unknown fields');
      const { scope } = value;
      if (!isScopeChoice(scope)) return refuse('switchScope.scope must be "scope" or "file"');
      return accept({ type, scope });
    }
    default:
      return refuse(`unknown message type: ${type.slice(0, 40)}`);
  }
}

function isTarget(value: unknown): value is PanelTarget {
  return (
    isObject(value) &&
    hasOnlyKeys(value, ['uri', 'scope']) &&
    typeof value['uri'] === 'string' &&
    value['uri'] !== '' &&
    isScopeChoice(value['scope'])
  );
}

/**
 * Reads the target from the page's persisted state (the serializer's `state` argument, which
 * came from the page and is untrusted): undefined unless it is a {@link PersistedPanelState}.
 */
export function readPersistedTarget(state: unknown): PanelTarget | undefined {
  if (!isObject(state) || state['version'] !== PANEL_STATE_VERSION) return undefined;
  const target = state['target'];
  return isTarget(target) ? { uri: target.uri, scope: target.scope } : undefined;
}

function isSimulateResult(value: unknown): value is SimulateResult {
  if (!isObject(value)) return false;
  const { scope, report, parseProblems } = value;
  return (
    isObject(scope) &&
    typeof scope['label'] === 'string' &&
    Array.isArray(scope['files']) &&
    isObject(report) &&
    Array.isArray(report['pods']) &&
    Array.isArray(report['diagnostics']) &&
    Array.isArray(parseProblems)
  );
}

function isRouteResult(value: unknown): value is RouteResult {
  return (
    isObject(value) &&
    typeof value['url'] === 'string' &&
    typeof value['reason'] === 'string' &&
    Array.isArray(value['pods'])
  );
}

function isCursor(value: unknown): value is CursorPosition | null {
  return (
    value === null ||
    (isObject(value) && typeof value['uri'] === 'string' && isCount(value['line']))
  );
}

/**
 * Validates a message from the host, as the page receives it from `window` (where anything can
 * post). Checks the type and the envelope; the report inside comes from the language server.
 */
export function parseHostMessage(value: unknown): Validation<HostToPageMessage> {
  if (!isObject(value) || typeof value['type'] !== 'string') return refuse('not a message');
  switch (value['type']) {
    case 'showReport':
      return isTarget(value['target']) &&
        isSimulateResult(value['result']) &&
        typeof value['stale'] === 'boolean'
        ? accept(value as unknown as ShowReportMessage)
        : refuse('bad showReport');
    case 'showStatus':
      return (value['target'] === null || isTarget(value['target'])) &&
        (value['state'] === 'loading' || value['state'] === 'error') &&
        typeof value['message'] === 'string'
        ? accept(value as unknown as ShowStatusMessage)
        : refuse('bad showStatus');
    case 'highlight':
      return isCursor(value['cursor'])
        ? accept(value as unknown as HighlightMessage)
        : refuse('bad highlight');
    case 'routeResult':
      return isRouteResult(value['result'])
        ? accept(value as unknown as RouteResultMessage)
        : refuse('bad routeResult');
    case 'routeError':
      return typeof value['url'] === 'string' && typeof value['message'] === 'string'
        ? accept(value as unknown as RouteErrorMessage)
        : refuse('bad routeError');
    default:
      return refuse('unknown message type');
  }
}
