/**
 * Slipway's custom LSP requests: one definition for the server and the
 * client. Each documents who sends it and when.
 */
import type { RouteResult } from '../core/simulation/ingress/route-result';
import type { SimulationReport } from '../core/simulation/report';
import type { Range } from '../core/text/range';

/** Which files are simulated together: the file's scope, or the file alone (the panel's switch). */
export type SimulateScopeChoice = 'scope' | 'file';

/** The scope a report was made for, as the panel names it. */
export interface ScopeInfo {
  /** The kustomization folder, workspace folder, folder or file the scope is named after (a URI). */
  id: string;
  kind: 'kustomization' | 'workspace' | 'folder' | 'file';
  /** A short name for people: `overlays/prod (kustomization)`, `shop`, `np-svc.yaml`. */
  label: string;
  /** The URIs of the files in the scope, sorted. */
  files: string[];
}

/** A file of the scope whose YAML does not parse: the panel says so instead of going blank. */
export interface ParseProblem {
  uri: string;
  range: Range;
  message: string;
}

/**
 * `slipway/simulate` — sent by the client (the simulation panel) when it opens,
 * when the active editor changes, and after edits (debounced). The server
 * answers from its workspace index, memoized per snapshot, so the panel and the
 * published diagnostics always agree.
 */
export const SIMULATE_REQUEST = 'slipway/simulate';

export interface SimulateParams {
  /** The document whose scope to simulate. */
  uri: string;
  /** `scope` (default): the file's scope as `slipway.scope` defines it; `file`: the file alone. */
  scope?: SimulateScopeChoice;
}

export interface SimulateResult {
  scope: ScopeInfo;
  report: SimulationReport;
  /** Files of the scope whose YAML could not be parsed (their objects are missing from the report). */
  parseProblems: ParseProblem[];
  /** Increases whenever the server's view of the workspace changes. */
  snapshot: number;
}

/**
 * `slipway/route` — sent by the client when the user traces a request in the
 * panel ("Trace a request"). Routes the URL through the same simulation.
 */
export const ROUTE_REQUEST = 'slipway/route';

export interface RouteParams {
  uri: string;
  url: string;
  scope?: SimulateScopeChoice;
}

export type { RouteResult };
