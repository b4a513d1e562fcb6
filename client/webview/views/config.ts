/** ConfigMaps and Secrets: which pods use which keys, how, and what is missing. */
import type {
  ConfigObjectReport,
  ConfigUseReport,
  SourceRef,
} from '../../../server/src/core/simulation/report';
import { el } from '../dom';
import { plural, qualified } from '../format';
import type { ViewContext } from '../view-context';
import { badge, chip, emptyState, name, section, statusDot } from './parts';

type Kind = 'ConfigMap' | 'Secret';

/** Uses that differ only in the pod (the replicas of one template) are one row. */
interface UseGroup {
  container: string;
  via: ConfigUseReport['via'];
  key: string | undefined;
  found: boolean;
  optional: boolean;
  pods: string[];
}

function groupUses(uses: readonly ConfigUseReport[]): UseGroup[] {
  const groups = new Map<string, UseGroup>();
  for (const use of uses) {
    const id = [use.container, use.via, use.key ?? '', use.found, use.optional].join('\u0000');
    const group = groups.get(id);
    if (group === undefined) {
      groups.set(id, {
        container: use.container,
        via: use.via,
        key: use.key,
        found: use.found,
        optional: use.optional,
        pods: [use.pod],
      });
    } else if (!group.pods.includes(use.pod)) {
      group.pods.push(use.pod);
    }
  }
  return [...groups.values()];
}

function useStatus(group: UseGroup): HTMLElement {
  if (group.found) return badge('found', 'ok');
  return group.optional ? badge('missing (optional)', 'neutral') : badge('missing', 'error');
}

function userSources(context: ViewContext, object: ConfigObjectReport): SourceRef[] {
  const pods = new Set(object.usedBy.map((use) => use.pod));
  return context.report.pods
    .filter((pod) => pod.namespace === object.namespace && pods.has(pod.name))
    .map((pod) => pod.source);
}

function objectCard(context: ViewContext, kind: Kind, object: ConfigObjectReport): HTMLElement {
  const groups = groupUses(object.usedBy);
  const missing = groups.filter((group) => !group.found && !group.optional);
  const tone = !object.defined || missing.length > 0 ? 'tone-error' : 'tone-ok';
  const card = el(
    'article',
    `card config-card ${tone}`,
    {},
    el(
      'div',
      'card-title',
      {},
      name(object.name, 'card-name'),
      badge(kind, 'info'),
      object.defined ? null : badge('not defined', 'error'),
      el('span', 'muted namespace', {}, object.namespace),
    ),
    object.keys.length === 0
      ? el(
          'p',
          'muted',
          {},
          object.defined ? 'No keys' : 'Referenced, but no manifest of this scope defines it.',
        )
      : el(
          'div',
          'chips',
          { 'aria-label': 'keys' },
          ...object.keys.map((key) => chip(key, 'chip-key')),
        ),
    missing.length === 0
      ? null
      : el(
          'p',
          'card-reason tone-error',
          {},
          `Missing: ${missing.map((group) => (group.key === undefined ? `the whole ${kind} (${group.via})` : `key ${group.key}`)).join(', ')}`,
        ),
    groups.length === 0
      ? el('p', 'muted', {}, 'No pod uses it.')
      : el(
          'table',
          'data-table compact',
          { 'aria-label': `Uses of ${kind} ${object.name}` },
          el(
            'thead',
            '',
            {},
            el(
              'tr',
              '',
              {},
              ...['Key', 'How', 'Container', 'Pods', 'Status'].map((title) =>
                el('th', '', { scope: 'col' }, title),
              ),
            ),
          ),
          el(
            'tbody',
            '',
            {},
            ...groups.map((group) =>
              el(
                'tr',
                group.found ? '' : 'row-missing',
                {},
                el('td', '', {}, name(group.key ?? '(all keys)', 'mono')),
                el('td', 'muted', {}, group.via),
                el('td', '', {}, name(group.container)),
                el(
                  'td',
                  '',
                  {},
                  name(
                    group.pods.length > 2
                      ? `${group.pods[0] ?? ''} and ${group.pods.length - 1} more`
                      : group.pods.join(', '),
                    'pods-cell',
                  ),
                ),
                el('td', '', {}, useStatus(group)),
              ),
            ),
          ),
        ),
  );
  const sources = object.source === undefined ? userSources(context, object) : [object.source];
  const first = sources[0];
  if (first !== undefined) {
    context.bindObject(card, {
      key: `${kind}:${qualified(object)}`,
      label: `${kind} ${qualified(object)}${object.defined ? '' : ', not defined'}, used by ${plural(new Set(object.usedBy.map((use) => use.pod)).size, 'pod')}`,
      sources,
      reveal: first,
    });
  }
  return card;
}

/** Renders the ConfigMaps and Secrets view. */
export function renderConfig(context: ViewContext): HTMLElement {
  const { configMaps, secrets } = context.report;
  if (configMaps.length === 0 && secrets.length === 0) {
    return emptyState('No ConfigMaps or Secrets', 'No manifest of this scope defines or uses one.');
  }
  const missingCount = [...configMaps, ...secrets].filter((object) => !object.defined).length;
  return el(
    'div',
    'sections',
    {},
    missingCount === 0
      ? null
      : el(
          'p',
          'summary-line',
          {},
          statusDot('error', 'missing'),
          ` ${plural(missingCount, 'object')} referenced but not defined`,
        ),
    section(
      'ConfigMaps',
      configMaps.length,
      ...configMaps.map((object) => objectCard(context, 'ConfigMap', object)),
    ),
    section(
      'Secrets',
      secrets.length,
      ...secrets.map((object) => objectCard(context, 'Secret', object)),
    ),
  );
}
