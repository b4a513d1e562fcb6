/** Problems: the report's diagnostics (and the files that do not parse), each revealing its range. */
import type { Severity } from '../../../server/src/core/diagnostics/severity';
import type { Range } from '../../../server/src/core/text/range';
import { el } from '../dom';
import { location } from '../format';
import type { ViewContext } from '../view-context';
import { emptyState } from './parts';

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = {
  error: 0,
  warning: 1,
  information: 2,
  hint: 3,
};

const SEVERITY_GLYPH: Readonly<Record<Severity, string>> = {
  error: '✕',
  warning: '!',
  information: 'i',
  hint: '·',
};

interface ProblemRow {
  severity: Severity;
  code: string;
  message: string;
  uri: string;
  range: Range;
}

function problemItem(context: ViewContext, problem: ProblemRow, index: number): HTMLElement {
  const where = `${location(problem.uri, problem.range.start.line)}:${problem.range.start.character + 1}`;
  const item = el(
    'li',
    `problem severity-${problem.severity}`,
    {},
    el(
      'span',
      `severity-icon severity-${problem.severity}`,
      { 'aria-hidden': 'true' },
      SEVERITY_GLYPH[problem.severity],
    ),
    el(
      'div',
      'problem-body',
      {},
      el('p', 'problem-message', {}, problem.message),
      el(
        'p',
        'problem-meta',
        {},
        el('span', 'problem-code', {}, problem.code),
        el('span', 'problem-where', {}, where),
      ),
    ),
  );
  const source = { uri: problem.uri, range: problem.range };
  context.bindObject(item, {
    key: `problem:${index}:${problem.code}:${problem.uri}:${problem.range.start.line}`,
    label: `${problem.severity}: ${problem.message} (${problem.code}) at ${where}`,
    sources: [source],
  });
  return item;
}

/** All problems, most severe first: parse problems, then the report's diagnostics. */
export function collectProblems(context: ViewContext): ProblemRow[] {
  const parse: ProblemRow[] = context.result.parseProblems.map((problem) => ({
    severity: 'error',
    code: 'yaml-syntax',
    message: problem.message,
    uri: problem.uri,
    range: problem.range,
  }));
  const diagnostics = [...context.report.diagnostics].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  return [...parse, ...diagnostics];
}

/** Renders the Problems view. */
export function renderProblems(context: ViewContext): HTMLElement {
  const problems = collectProblems(context);
  if (problems.length === 0) {
    return emptyState('No problems', 'The simulation found nothing to report in this scope.');
  }
  return el(
    'ul',
    'problem-list',
    { 'aria-label': 'Problems' },
    ...problems.map((problem, index) => problemItem(context, problem, index)),
  );
}
