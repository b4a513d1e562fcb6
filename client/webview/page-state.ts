/**
 * The page's state, saved with `vscode.setState` so that the panel looks the same after it was
 * hidden (the page is destroyed then) or after a reload (the serializer passes it back).
 */
import type { RouteResult } from '../../server/src/protocol/requests';
import {
  PANEL_STATE_VERSION,
  parseHostMessage,
  type PersistedPanelState,
  type ShowReportMessage,
} from '../src/panel/messages';

/** The views of the panel, in tab order. */
export const TAB_IDS = [
  'nodes',
  'services',
  'ingress',
  'storage',
  'config',
  'graph',
  'lifecycle',
  'trace',
  'problems',
] as const;

export type TabId = (typeof TAB_IDS)[number];

/** A zoom and pan of a graph: screen = graph * k + (x, y). */
export interface GraphView {
  x: number;
  y: number;
  k: number;
}

/** Everything the page remembers. */
export interface PageState extends PersistedPanelState {
  tab: TabId;
  /** The key of the object the user last activated. */
  selected: string | null;
  /** `namespace/name` of the pod the Lifecycle view shows. */
  lifecyclePod: string | null;
  traceUrl: string;
  route: RouteResult | null;
  routeError: string | null;
  /** Zoom and pan per graph view (`graph`, `trace`). */
  graphViews: Partial<Record<'graph' | 'trace', GraphView>>;
  /** Scroll offset per view. */
  scroll: Partial<Record<TabId, number>>;
  /** The last report shown, so that a re-shown page draws at once. */
  report: ShowReportMessage | null;
}

/** The state of a page that never ran. */
export function initialState(): PageState {
  return {
    version: PANEL_STATE_VERSION,
    target: null,
    tab: 'nodes',
    selected: null,
    lifecyclePod: null,
    traceUrl: '',
    route: null,
    routeError: null,
    graphViews: {},
    scroll: {},
    report: null,
  };
}

function isTab(value: unknown): value is TabId {
  return TAB_IDS.some((tab) => tab === value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isGraphView(value: unknown): value is GraphView {
  return (
    isRecord(value) &&
    [value['x'], value['y'], value['k']].every((n) => typeof n === 'number' && Number.isFinite(n))
  );
}

/** Reads a saved state back; anything missing or malformed falls back to the initial value. */
export function restoreState(saved: unknown): PageState {
  const state = initialState();
  if (!isRecord(saved) || saved['version'] !== PANEL_STATE_VERSION) return state;
  if (isTab(saved['tab'])) state.tab = saved['tab'];
  if (typeof saved['selected'] === 'string') state.selected = saved['selected'];
  if (typeof saved['lifecyclePod'] === 'string') state.lifecyclePod = saved['lifecyclePod'];
  if (typeof saved['traceUrl'] === 'string') state.traceUrl = saved['traceUrl'];
  if (typeof saved['routeError'] === 'string') state.routeError = saved['routeError'];
  const route = parseHostMessage({ type: 'routeResult', result: saved['route'] });
  if (route.ok && route.value.type === 'routeResult') state.route = route.value.result;
  const report = parseHostMessage(saved['report']);
  if (report.ok && report.value.type === 'showReport') {
    state.report = report.value;
    state.target = report.value.target;
  }
  const views = saved['graphViews'];
  if (isRecord(views)) {
    for (const key of ['graph', 'trace'] as const) {
      const view = views[key];
      if (isGraphView(view)) state.graphViews[key] = view;
    }
  }
  const scroll = saved['scroll'];
  if (isRecord(scroll)) {
    for (const tab of TAB_IDS) {
      const offset = scroll[tab];
      if (typeof offset === 'number' && Number.isFinite(offset)) state.scroll[tab] = offset;
    }
  }
  return state;
}
