/**
 * The page's only door to the extension host: the one caller of `acquireVsCodeApi` (which may be
 * called once per page). Posts typed messages and keeps the page's state across hide and reload.
 */
import type { PageToHostMessage } from '../src/panel/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host as the page sees it. */
export interface Host {
  post(message: PageToHostMessage): void;
  /** The state saved by {@link Host.setState} before the page was hidden or reloaded. */
  getState(): unknown;
  setState(state: unknown): void;
}

/** Connects to the extension host (once). */
export function connectHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}
