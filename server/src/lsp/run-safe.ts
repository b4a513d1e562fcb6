/** Where the server writes its own log lines (the LSP console in production). */
export interface ServerLog {
  error(message: string): void;
  info(message: string): void;
}

/**
 * Runs a handler; an exception is a bug, not a user error: it is logged and
 * the handler answers `fallback`, so one bad request never takes the server down.
 */
export function runSafe<T>(log: ServerLog, what: string, fallback: T, handler: () => T): T {
  try {
    return handler();
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log.error(`${what} failed: ${detail}`);
    return fallback;
  }
}
