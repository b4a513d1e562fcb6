/** Ingress: host / path / pathType → Service:port → endpoint count, per Ingress. */
import type {
  IngressBackendReport,
  IngressReport,
} from '../../../server/src/core/simulation/report';
import { el } from '../dom';
import { plural, qualified } from '../format';
import type { ViewContext } from '../view-context';
import { badge, emptyState, name } from './parts';

/** A URL that a rule matches, for the trace box: `*` hosts go to the first node's IP. */
export function ruleUrl(context: ViewContext, host: string, path: string): string {
  const address = host === '*' ? (context.report.cluster.nodes[0]?.ip ?? '127.0.0.1') : host;
  return `http://${address}${path.startsWith('/') ? path : `/${path}`}`;
}

function endpointBadge(backend: IngressBackendReport): HTMLElement {
  const count = backend.endpoints.length;
  return badge(
    plural(count, 'endpoint'),
    count === 0 ? 'warning' : 'ok',
    backend.endpoints
      .map((endpoint) => `${endpoint.pod} ${endpoint.ip}:${endpoint.port}`)
      .join('\n'),
  );
}

function traceButton(context: ViewContext, url: string): HTMLElement {
  const button = el(
    'button',
    'button-secondary',
    { type: 'button', title: `Trace ${url}`, 'aria-label': `Trace ${url}` },
    'Trace',
  );
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    context.trace(url);
  });
  button.addEventListener('keydown', (event) => event.stopPropagation());
  return button;
}

function ruleRow(
  context: ViewContext,
  ingress: IngressReport,
  index: number,
  host: string,
  path: string,
  pathType: string,
  backend: IngressBackendReport,
): HTMLElement {
  const row = el(
    'tr',
    'rule-row',
    {},
    el('td', '', {}, name(host === '*' ? '* (any host)' : host, 'mono')),
    el('td', '', {}, name(path, 'mono')),
    el('td', 'muted', {}, pathType),
    el('td', 'arrow', { 'aria-hidden': 'true' }, '→'),
    el('td', '', {}, name(`${backend.service}:${backend.port}`, 'mono')),
    el('td', '', {}, endpointBadge(backend)),
    el('td', 'row-actions', {}, traceButton(context, ruleUrl(context, host, path))),
  );
  context.bindObject(row, {
    key: `ingress-rule:${qualified(ingress)}#${index}`,
    label: `Rule ${host} ${path} (${pathType}) to Service ${backend.service} port ${backend.port}, ${plural(backend.endpoints.length, 'endpoint')}`,
    sources: [ingress.source],
  });
  return row;
}

function ingressCard(context: ViewContext, ingress: IngressReport): HTMLElement {
  const rows = ingress.rules.map((rule, index) =>
    ruleRow(context, ingress, index, rule.host, rule.path, rule.pathType, rule),
  );
  if (ingress.defaultBackend !== undefined) {
    rows.push(
      ruleRow(context, ingress, rows.length, '*', '/', 'default backend', ingress.defaultBackend),
    );
  }
  const title = el(
    'div',
    'card-title',
    {},
    name(ingress.name, 'card-name'),
    ingress.className === undefined
      ? badge('no class', 'warning')
      : badge(ingress.className, 'info'),
    el('span', 'muted namespace', {}, ingress.namespace),
  );
  context.bindObject(title, {
    key: `ingress:${qualified(ingress)}`,
    label: `Ingress ${qualified(ingress)}`,
    sources: [ingress.source],
  });
  return el(
    'article',
    'card ingress-card',
    {},
    title,
    el(
      'table',
      'rule-table',
      {},
      el(
        'thead',
        '',
        {},
        el(
          'tr',
          '',
          {},
          el('th', '', { scope: 'col' }, 'Host'),
          el('th', '', { scope: 'col' }, 'Path'),
          el('th', '', { scope: 'col' }, 'Type'),
          el('th', '', { scope: 'col', 'aria-label': 'to' }),
          el('th', '', { scope: 'col' }, 'Service:port'),
          el('th', '', { scope: 'col' }, 'Endpoints'),
          el('th', '', { scope: 'col', 'aria-label': 'actions' }),
        ),
      ),
      el('tbody', '', {}, ...rows),
    ),
  );
}

/** Renders the Ingress view. */
export function renderIngress(context: ViewContext): HTMLElement {
  const ingresses = context.report.ingresses;
  if (ingresses.length === 0) {
    return emptyState('No Ingresses', 'The manifests of this scope define no Ingress.');
  }
  return el('div', 'card-list', {}, ...ingresses.map((ingress) => ingressCard(context, ingress)));
}
