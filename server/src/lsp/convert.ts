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

/**
 * Diagnostics already made, by finding: a scope's findings stay the same
 * objects from one simulation to the next, and a large file republishes
 * thousands of them on every edit.
 */
const converted = new WeakMap<Finding, Diagnostic>();

/** A core finding as an LSP diagnostic: the core's ranges are already LSP-shaped. */
export function findingToDiagnostic(finding: Finding): Diagnostic {
  let diagnostic = converted.get(finding);
  if (!diagnostic) {
    diagnostic = convert(finding);
    converted.set(finding, diagnostic);
  }
  return diagnostic;
}

function convert(finding: Finding): Diagnostic {
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
