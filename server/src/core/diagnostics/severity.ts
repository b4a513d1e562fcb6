/** How serious a finding is; the names of the simulation report and the CLI. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A user's per-code override: a severity, or `off` to drop the code. */
export type SeverityOverride = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = {
  error: 0,
  warning: 1,
  information: 2,
  hint: 3,
};
