/** The panel's header: the scope it shows, the scope switch, a summary, and the banners. */
import type { ParseProblem, SimulateResult } from '../../server/src/protocol/requests';
import type { PanelTarget } from '../src/panel/messages';
import { el, makeActivatable, replaceChildren } from './dom';
import { location, plural } from './format';
import { badge, statusDot } from './views/parts';

/** The host's status when it cannot show a (fresh) report. */
export interface PageStatus {
  state: 'loading' | 'error';
  message: string;
}

export interface HeaderModel {
  result: SimulateResult | null;
  target: PanelTarget | null;
  stale: boolean;
  status: PageStatus | null;
}

export interface HeaderActions {
  switchScope(scope: PanelTarget['scope']): void;
  refresh(): void;
  revealProblem(problem: ParseProblem): void;
}

const SCOPE_KIND_LABEL: Readonly<Record<SimulateResult['scope']['kind'], string>> = {
  kustomization: 'kustomization',
  workspace: 'workspace folder',
  folder: 'folder',
  file: 'file',
};

function scopeSwitch(model: HeaderModel, actions: HeaderActions): HTMLElement {
  const current = model.target?.scope ?? 'scope';
  const group = el('div', 'segmented', { role: 'radiogroup', 'aria-label': 'What to simulate' });
  const options = [
    {
      scope: 'scope',
      label: 'Scope',
      title: "The file's scope: the files applied together with it",
    },
    { scope: 'file', label: 'This file', title: 'The active file alone' },
  ] as const;
  const buttons = options.map((option) => {
    const checked = option.scope === current;
    const button = el(
      'button',
      `segment${checked ? ' is-checked' : ''}`,
      {
        type: 'button',
        role: 'radio',
        'aria-checked': checked ? 'true' : 'false',
        title: option.title,
        tabindex: checked ? '0' : '-1',
      },
      option.label,
    );
    button.addEventListener('click', () => {
      if (!checked) actions.switchScope(option.scope);
    });
    return button;
  });
  group.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const other = options.find((option) => option.scope !== current);
    if (other !== undefined) actions.switchScope(other.scope);
  });
  group.append(...buttons);
  return group;
}

function summary(result: SimulateResult): HTMLElement {
  const { report } = result;
  const pending = report.pods.filter((pod) => pod.phase === 'Pending').length;
  const errors =
    report.diagnostics.filter((d) => d.severity === 'error').length + result.parseProblems.length;
  const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
  const items: (HTMLElement | string)[] = [
    plural(report.cluster.nodes.length, 'node'),
    el(
      'span',
      '',
      {},
      plural(report.pods.length, 'pod'),
      pending === 0 ? null : el('span', 'tone-text-warning', {}, ` (${pending} pending)`),
    ),
    plural(report.services.length, 'Service'),
    plural(report.ingresses.length, 'Ingress', 'Ingresses'),
    plural(report.volumeClaims.length, 'claim'),
  ];
  if (errors > 0)
    items.push(
      el('span', 'summary-problem', {}, statusDot('error', 'errors'), plural(errors, 'error')),
    );
  if (warnings > 0)
    items.push(
      el(
        'span',
        'summary-problem',
        {},
        statusDot('warning', 'warnings'),
        plural(warnings, 'warning'),
      ),
    );
  const line = el('p', 'summary', { 'aria-label': 'Summary' });
  items.forEach((item, index) => {
    if (index > 0) line.appendChild(el('span', 'summary-sep', { 'aria-hidden': 'true' }, '·'));
    line.append(item);
  });
  return line;
}

/** Renders the header into `header`. */
export function renderHeader(
  header: HTMLElement,
  model: HeaderModel,
  actions: HeaderActions,
): void {
  const result = model.result;
  const refresh = el(
    'button',
    'icon-button',
    { type: 'button', title: 'Simulate again', 'aria-label': 'Simulate again' },
    '↻',
  );
  refresh.addEventListener('click', () => actions.refresh());
  const loading = model.status?.state === 'loading';
  replaceChildren(
    header,
    el(
      'div',
      'header-row',
      {},
      el(
        'div',
        'header-title',
        {},
        el('span', 'eyebrow', {}, 'Simulation'),
        el(
          'h1',
          'scope-label',
          { title: result?.scope.id ?? '' },
          result?.scope.label ?? 'No report yet',
        ),
        result === null ? null : badge(SCOPE_KIND_LABEL[result.scope.kind], 'neutral'),
        model.stale
          ? badge('stale', 'warning', 'This report is older than the text in the editor')
          : null,
        loading ? el('span', 'spinner', { role: 'status', 'aria-label': 'Simulating' }) : null,
      ),
      el('div', 'header-actions', {}, scopeSwitch(model, actions), refresh),
    ),
    result === null ? null : summary(result),
  );
}

/** Renders the banners: files that do not parse, a stale report, an error. */
export function renderBanners(
  container: HTMLElement,
  model: HeaderModel,
  actions: HeaderActions,
): void {
  const banners: HTMLElement[] = [];
  const problems = model.result?.parseProblems ?? [];
  if (problems.length > 0) {
    const list = el('ul', 'banner-list');
    for (const problem of problems) {
      const item = el(
        'li',
        'banner-item',
        {},
        el('span', 'mono', {}, location(problem.uri, problem.range.start.line)),
        ` ${problem.message}`,
      );
      makeActivatable(
        item,
        `Go to ${location(problem.uri, problem.range.start.line)}: ${problem.message}`,
        () => actions.revealProblem(problem),
      );
      item.setAttribute('data-key', `parse:${problem.uri}:${problem.range.start.line}`);
      list.appendChild(item);
    }
    banners.push(
      el(
        'div',
        'banner banner-warning',
        { role: 'status' },
        el(
          'p',
          'banner-title',
          {},
          statusDot('warning', 'warning'),
          ` The YAML of ${plural(new Set(problems.map((p) => p.uri)).size, 'file')} does not parse: `,
          model.stale
            ? 'showing the last report that did.'
            : 'its objects are missing from this report.',
        ),
        list,
      ),
    );
  } else if (model.stale && model.status?.state !== 'error') {
    banners.push(
      el(
        'div',
        'banner banner-warning',
        { role: 'status' },
        statusDot('warning', 'warning'),
        ' This report is older than the text in the editor.',
      ),
    );
  }
  if (model.status?.state === 'error' && model.result !== null) {
    banners.push(
      el(
        'div',
        'banner banner-error',
        { role: 'alert' },
        statusDot('error', 'error'),
        ` ${model.status.message} Showing the last report.`,
      ),
    );
  }
  replaceChildren(container, ...banners);
}
