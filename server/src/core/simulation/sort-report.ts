import type { ReportDiagnostic } from './report';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

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
      compare(a.uri, b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compare(a.code, b.code) ||
      compare(a.message, b.message),
  );
}
