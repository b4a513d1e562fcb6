import { compareText } from './model/compare-text';
import type { ReportDiagnostic } from './report';

/** Diagnostics in file and position order, duplicates removed: the report's one sort. */
export function sortReportDiagnostics(
  diagnostics: readonly ReportDiagnostic[],
): ReportDiagnostic[] {
  const seen = new Set<string>();
  const out: ReportDiagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const key = JSON.stringify(diagnostic);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic);
  }
  return out.sort(
    (a, b) =>
      compareText(a.uri, b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}
