import { commands, window } from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
} from 'vscode-languageclient/node';
import { COMMAND_IDS } from '../../server/src/protocol/ids';

/** How many times a crashed server is restarted within {@link RESTART_WINDOW_MS}. */
export const MAX_RESTARTS = 5;

/** The window in which {@link MAX_RESTARTS} restarts are allowed: 3 minutes. */
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Connection errors in a row after which the connection is shut down (and then restarted). */
const MAX_CONNECTION_ERRORS = 3;

const RESTART_ACTION = 'Restart';
const SHOW_OUTPUT_ACTION = 'Show Output';

/** An {@link ErrorHandler} whose crash count can be reset by a manual restart. */
export interface RestartingErrorHandler extends ErrorHandler {
  /** Forgets earlier crashes, e.g. after the user restarted the server. */
  reset(): void;
}

export interface RestartingErrorHandlerOptions {
  /** Called when the handler stops restarting the server. */
  readonly onGiveUp: () => void;
  /** The clock; replaceable in tests. */
  readonly now?: () => number;
}

/**
 * Restarts a crashed server up to {@link MAX_RESTARTS} times in {@link RESTART_WINDOW_MS}, each
 * time with a visible warning; after that leaves it stopped and shows an error with a
 * "Restart" action (which runs `slipway.restartServer`).
 */
export function createRestartingErrorHandler(
  options: RestartingErrorHandlerOptions,
): RestartingErrorHandler {
  const now = options.now ?? (() => performance.now());
  let restarts: number[] = [];

  return {
    reset(): void {
      restarts = [];
    },

    error(_error, _message, count): ErrorHandlerResult {
      // A few broken messages in a row can be noise; more means the connection is gone.
      const action =
        count !== undefined && count <= MAX_CONNECTION_ERRORS
          ? ErrorAction.Continue
          : ErrorAction.Shutdown;
      return { action };
    },

    closed(): CloseHandlerResult {
      const time = now();
      restarts = restarts.filter((restart) => time - restart < RESTART_WINDOW_MS);
      if (restarts.length < MAX_RESTARTS) {
        restarts.push(time);
        const message = `The Slipway language server stopped unexpectedly and is restarting (${restarts.length} of ${MAX_RESTARTS} restarts in 3 minutes).`;
        void window.showWarningMessage(message);
        return { action: CloseAction.Restart, message, handled: true };
      }
      options.onGiveUp();
      const message = `The Slipway language server stopped unexpectedly ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted.`;
      void window
        .showErrorMessage(message, RESTART_ACTION, SHOW_OUTPUT_ACTION)
        .then(async (choice) => {
          if (choice === RESTART_ACTION) await commands.executeCommand(COMMAND_IDS.restartServer);
          if (choice === SHOW_OUTPUT_ACTION) await commands.executeCommand(COMMAND_IDS.showOutput);
        });
      return { action: CloseAction.DoNotRestart, message, handled: true };
    },
  };
}
