import { compareText } from './model/compare-text';
import type { ReportDiagnostic } from './report';

function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number {
  return (
    compareText(a.uri, b.uri) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

/**
 * Diagnostics in file and position order, duplicates removed: the report's one
 * sort. A duplicate (the same JSON) sorts level with the diagnostic it
 * repeats, behind it: only diagnostics that sort level are compared whole.
 */
export function sortReportDiagnostics(
  diagnostics: readonly ReportDiagnostic[],
): ReportDiagnostic[] {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  const out: ReportDiagnostic[] = [];
  // The kept diagnostics that sort level with the last one, as JSON (made when a second one comes).
  let level: Set<string> | undefined;
  let levelStart = 0;
  for (const diagnostic of sorted) {
    const last = out[out.length - 1];
    if (last === undefined || compareDiagnostics(last, diagnostic) !== 0) {
      level = undefined;
      levelStart = out.length;
      out.push(diagnostic);
      continue;
    }
    if (!level) level = new Set(out.slice(levelStart).map((kept) => JSON.stringify(kept)));
    const key = JSON.stringify(diagnostic);
    if (level.has(key)) continue;
    level.add(key);
    out.push(diagnostic);
  }
  return out;
}
