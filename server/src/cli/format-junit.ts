import type { Severity } from '../core/diagnostics/severity';
import type { FileFinding } from './check-command';
import type { CheckedFile } from './format-sarif';

/** Which findings fail the run (and `--fail-on`): at or above this severity, or none. */
export type FailOn = 'error' | 'warning' | 'never';

/** Whether a finding of this severity fails a run with `--fail-on failOn`. */
export function failsRun(severity: Severity, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return severity === 'error' || (failOn === 'warning' && severity === 'warning');
}

export interface JunitInput {
  /** Every file checked, also those without findings: one testsuite each. */
  files: readonly CheckedFile[];
  findings: readonly FileFinding[];
  failOn: FailOn;
}

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Characters XML 1.0 cannot hold at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
  );
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
    .join('');
}

/**
 * Formats `slipway check` findings as JUnit XML: one testsuite per file, one testcase per
 * finding (a failure when it fails the run under `--fail-on`, else a passing case that
 * carries the finding in system-out), and one passing testcase for a file with no finding.
 */
export function formatJunit(input: JunitInput): string {
  const byFile = new Map<string, { file: CheckedFile; findings: FileFinding[] }>();
  for (const file of input.files) byFile.set(file.uri, { file, findings: [] });
  for (const finding of input.findings) {
    const entry = byFile.get(finding.uri) ?? {
      file: { display: finding.file, uri: finding.uri },
      findings: [],
    };
    entry.findings.push(finding);
    byFile.set(finding.uri, entry);
  }

  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const { file, findings } of byFile.values()) {
    const cases: string[] = [];
    let failures = 0;
    if (findings.length === 0) {
      cases.push(
        `    <testcase${attributes({ classname: file.display, name: 'no problems', file: file.display })}/>`,
      );
    }
    for (const f of findings) {
      const line = f.range.start.line + 1;
      const column = f.range.start.character + 1;
      const where = `${file.display}:${line}:${column}`;
      const text = `${where} ${f.severity} ${f.code} ${f.message}`;
      const head = `    <testcase${attributes({ classname: file.display, name: `${line}:${column} ${f.code}`, file: file.display, line })}>`;
      if (failsRun(f.severity, input.failOn)) {
        failures += 1;
        cases.push(
          `${head}\n      <failure${attributes({ type: f.code, message: `${f.severity}: ${f.message}` })}>${escapeXml(text)}</failure>\n    </testcase>`,
        );
      } else {
        cases.push(`${head}\n      <system-out>${escapeXml(text)}</system-out>\n    </testcase>`);
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(
      `  <testsuite${attributes({ name: file.display, tests: cases.length, failures, errors: 0, skipped: 0, file: file.display })}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'slipway check', tests: totalTests, failures: totalFailures, errors: 0, skipped: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
