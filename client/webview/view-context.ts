/** What every view gets: the report, the page state, and the ways to act on objects. */
import type { SimulationReport, SourceRef } from '../../server/src/core/simulation/report';
import type { SimulateResult } from '../../server/src/protocol/requests';
import type { GraphView, PageState, TabId } from './page-state';

/** How an element stands for an object of the report. */
export interface ObjectBinding {
  /** Identifies the object across renders (`pod:default/web-0`): selection survives updates. */
  key: string;
  /** Read by screen readers; also the tooltip. */
  label: string;
  /** The sources whose ranges make the object light up when the editor's cursor is in them. */
  sources: readonly SourceRef[];
  /** What activating the element reveals in the editor (default: the first source). */
  reveal?: SourceRef;
  /** Run after selecting (e.g. pick the pod for the Lifecycle view). */
  onActivate?: () => void;
}

export interface ViewContext {
  readonly result: SimulateResult;
  readonly report: SimulationReport;
  readonly state: Readonly<PageState>;
  /** Makes `element` an object: focusable, Enter/click selects it and reveals its source. */
  bindObject(element: HTMLElement | SVGElement, binding: ObjectBinding): void;
  /** Shows the lifecycle of a pod (`namespace/name`). */
  showLifecycle(pod: string): void;
  /** Switches to another view. */
  openTab(tab: TabId): void;
  /** Traces a request through the report (posts `trace`). */
  trace(url: string): void;
  /** Remembers the zoom and pan of a graph. */
  saveGraphView(which: 'graph' | 'trace', view: GraphView): void;
}
