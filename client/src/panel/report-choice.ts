/**
 * Which report the panel shows for a fresh `slipway/simulate` answer. When a file that parsed
 * before no longer parses (the user is typing), its objects vanish from the new report, so the
 * panel keeps the last good report on screen, marked stale, with the new parse problems.
 *
 * Pure: no `vscode` import.
 */
import type { SimulateResult } from '../../../server/src/protocol/requests';
import type { PanelTarget, ShowReportMessage } from './messages';

/** The last report shown fresh, for the target and scope it was made for. */
export interface GoodReport {
  readonly key: string;
  readonly result: SimulateResult;
}

/** What to post, and the good report to remember from now on. */
export interface ReportChoice {
  readonly message: ShowReportMessage;
  readonly good: GoodReport;
}

function keyOf(target: PanelTarget, result: SimulateResult): string {
  return `${target.scope}\u0000${result.scope.id}`;
}

/**
 * Shows `result`, unless it has a parse problem in a file that parsed in the last good report of
 * the same scope: then shows that report, stale, with the new parse problems.
 */
export function chooseReport(
  good: GoodReport | undefined,
  target: PanelTarget,
  result: SimulateResult,
): ReportChoice {
  const key = keyOf(target, result);
  if (good !== undefined && good.key === key) {
    const brokeNow = result.parseProblems.some(
      (problem) => !good.result.parseProblems.some((old) => old.uri === problem.uri),
    );
    if (brokeNow) {
      const stale: SimulateResult = { ...good.result, parseProblems: result.parseProblems };
      return { message: { type: 'showReport', target, result: stale, stale: true }, good };
    }
  }
  return {
    message: { type: 'showReport', target, result, stale: false },
    good: { key, result },
  };
}
