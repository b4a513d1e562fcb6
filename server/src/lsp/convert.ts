import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/diagnostics/finding';
import type { Severity } from '../core/diagnostics/severity';
import { DIAGNOSTIC_SOURCE } from '../protocol/ids';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A core finding as an LSP diagnostic: the core's ranges are already LSP-shaped. */
export function findingToDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: related.uri, range: related.range },
      message: related.message,
    }));
  }
  return diagnostic;
}
