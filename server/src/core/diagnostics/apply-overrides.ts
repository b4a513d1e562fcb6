import type { Finding } from './finding';
import type { SeverityOverride } from './severity';

/** Applies the user's per-code severities (`slipway.rules`); `off` drops the finding. */
export function applySeverityOverrides(
  findings: readonly Finding[],
  overrides: Readonly<Record<string, SeverityOverride>>,
): Finding[] {
  const out: Finding[] = [];
  for (const finding of findings) {
    const override = overrides[finding.code];
    if (override === 'off') continue;
    out.push(override ? { ...finding, severity: override } : finding);
  }
  return out;
}
