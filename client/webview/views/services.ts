/** Services: type, ClusterIP, each port → targetPort → endpoints, nodePorts, external URLs. */
import type { ServicePortReport, ServiceReport } from '../../../server/src/core/simulation/report';
import { el } from '../dom';
import { plural, qualified } from '../format';
import type { ViewContext } from '../view-context';
import { badge, chip, emptyState, mono, name } from './parts';

function clusterIpText(service: ServiceReport): string {
  if (service.clusterIP === null) return 'none (ExternalName)';
  if (service.clusterIP === 'None') return 'None (headless)';
  return service.clusterIP;
}

function portRow(port: ServicePortReport): HTMLElement {
  const endpoints = port.endpoints;
  return el(
    'tr',
    '',
    {},
    el(
      'td',
      '',
      {},
      mono(`${port.name === undefined ? '' : `${port.name} `}${port.port}/${port.protocol}`),
    ),
    el('td', 'arrow', { 'aria-hidden': 'true' }, '→'),
    el('td', '', {}, mono(String(port.targetPort))),
    el(
      'td',
      '',
      {},
      port.nodePort === undefined
        ? el('span', 'muted', {}, '—')
        : el(
            'span',
            'node-port',
            {},
            mono(String(port.nodePort)),
            port.nodePortAssigned === true
              ? badge(
                  'assigned',
                  'info',
                  'Chosen by the simulator: the manifest does not set nodePort',
                )
              : null,
          ),
    ),
    el(
      'td',
      'endpoints',
      {},
      endpoints.length === 0
        ? badge('no endpoints', 'warning')
        : el(
            'div',
            'chips',
            {},
            ...endpoints.map((endpoint) =>
              chip(`${endpoint.ip}:${endpoint.port}`, 'chip-endpoint', endpoint.pod),
            ),
          ),
    ),
  );
}

function serviceCard(context: ViewContext, service: ServiceReport): HTMLElement {
  const endpointCount = service.ports.reduce((sum, port) => sum + port.endpoints.length, 0);
  const tone = service.type !== 'ExternalName' && endpointCount === 0 ? 'tone-warning' : 'tone-ok';
  const external = service.externalAccess ?? [];
  const card = el(
    'article',
    `card service-card ${tone}`,
    {},
    el(
      'div',
      'card-title',
      {},
      name(service.name, 'card-name'),
      badge(service.type, 'info'),
      el('span', 'muted namespace', {}, service.namespace),
    ),
    el(
      'div',
      'facts',
      {},
      el('span', 'fact-label', {}, 'ClusterIP'),
      mono(clusterIpText(service)),
      el('span', 'fact-label', {}, 'DNS'),
      mono(service.dns),
    ),
    service.ports.length === 0
      ? el('p', 'muted', {}, 'No ports')
      : el(
          'table',
          'port-table',
          {},
          el(
            'thead',
            '',
            {},
            el(
              'tr',
              '',
              {},
              el('th', '', { scope: 'col' }, 'Port'),
              el('th', '', { scope: 'col', 'aria-label': 'to' }),
              el('th', '', { scope: 'col' }, 'Target'),
              el('th', '', { scope: 'col' }, 'NodePort'),
              el('th', '', { scope: 'col' }, `Endpoints (${endpointCount})`),
            ),
          ),
          el('tbody', '', {}, ...service.ports.map(portRow)),
        ),
    external.length === 0
      ? null
      : el(
          'div',
          'external',
          {},
          el('span', 'fact-label', {}, 'From outside'),
          el(
            'div',
            'chips',
            {},
            ...external.map((address) => {
              const url = `http://${address}/`;
              const button = el(
                'button',
                'link-button mono',
                { type: 'button', title: `Trace ${url}` },
                url,
              );
              button.addEventListener('click', (event) => {
                event.stopPropagation();
                context.trace(url);
              });
              return button;
            }),
          ),
        ),
  );
  context.bindObject(card, {
    key: `service:${qualified(service)}`,
    label: `Service ${qualified(service)}, ${service.type}, ${plural(endpointCount, 'endpoint')}`,
    sources: [service.source],
  });
  return card;
}

/** Renders the Services view. */
export function renderServices(context: ViewContext): HTMLElement {
  const services = context.report.services;
  if (services.length === 0) {
    return emptyState('No Services', 'The manifests of this scope define no Service.');
  }
  return el('div', 'card-list', {}, ...services.map((service) => serviceCard(context, service)));
}
