/**
 * Trace a request: a URL (`http://172.18.0.3:30000/`, `http://shop.example.com/cart`) goes to
 * `slipway/route`; the answer's path through Ingress, Service and pods is drawn on the graph.
 */
import type { RouteResult } from '../../../server/src/protocol/requests';
import { el } from '../dom';
import { buildRoutePath, nodeId } from '../graph/graph-model';
import type { ViewContext } from '../view-context';
import { graphOf, renderGraphOf } from './graph';
import { ruleUrl } from './ingress';
import { podSources } from './nodes';
import { badge, mono, name, statusDot } from './parts';

/** A few URLs that the report routes somewhere: NodePorts and Ingress rules. */
export function suggestedUrls(context: ViewContext): string[] {
  const urls = new Set<string>();
  for (const service of context.report.services) {
    const first = service.externalAccess?.[0];
    if (first !== undefined) urls.add(`http://${first}/`);
  }
  for (const ingress of context.report.ingresses) {
    for (const rule of ingress.rules) urls.add(ruleUrl(context, rule.host, rule.path));
  }
  return [...urls].slice(0, 6);
}

function splitQualified(value: string): [string, string] {
  const slash = value.indexOf('/');
  return slash < 0 ? ['default', value] : [value.slice(0, slash), value.slice(slash + 1)];
}

function hop(
  context: ViewContext,
  kind: string,
  title: string,
  detail: string,
  key: string | undefined,
): HTMLElement {
  const item = el(
    'li',
    'hop',
    {},
    el('span', 'hop-kind', {}, kind),
    el(
      'span',
      'hop-body',
      {},
      name(title, 'hop-title'),
      detail === '' ? null : el('span', 'hop-detail muted', {}, detail),
    ),
  );
  if (key === undefined) return item;
  const [type, qualifiedName] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  const [namespace, objectName] = splitQualified(qualifiedName);
  const report = context.report;
  const match = (object: { namespace: string; name: string }): boolean =>
    object.namespace === namespace && object.name === objectName;
  if (type === 'ingress') {
    const ingress = report.ingresses.find(match);
    if (ingress !== undefined)
      context.bindObject(item, { key, label: `Ingress ${title}`, sources: [ingress.source] });
  } else if (type === 'service') {
    const service = report.services.find(match);
    if (service !== undefined)
      context.bindObject(item, { key, label: `Service ${title}`, sources: [service.source] });
  } else if (type === 'pod') {
    const pod = report.pods.find(match);
    if (pod !== undefined) {
      context.bindObject(item, {
        key,
        label: `Pod ${title}`,
        sources: podSources(context, pod),
        reveal: pod.source,
      });
    }
  }
  return item;
}

function routeCard(context: ViewContext, route: RouteResult): HTMLElement {
  const reached = route.pods.length > 0;
  const hops: HTMLElement[] = [
    hop(context, 'Request', route.url, route.via === null ? '' : `via ${route.via}`, undefined),
  ];
  if (route.ingress !== null) {
    const rule =
      route.rule === null
        ? 'default backend'
        : `${route.rule.host} ${route.rule.path} (${route.rule.pathType})`;
    hops.push(hop(context, 'Ingress', route.ingress, rule, `ingress:${route.ingress}`));
  }
  if (route.service !== null) {
    hops.push(
      hop(
        context,
        'Service',
        route.service,
        route.port === null ? '' : `port ${route.port}`,
        `service:${route.service}`,
      ),
    );
    const namespace = splitQualified(route.service)[0];
    for (const pod of route.pods) {
      hops.push(
        hop(context, 'Pod', pod.name, `${pod.ip}:${pod.port}`, nodeId.pod(namespace, pod.name)),
      );
    }
  }
  return el(
    'article',
    `card route-card ${reached ? 'tone-ok' : 'tone-error'}`,
    { 'aria-live': 'polite' },
    el(
      'div',
      'card-title',
      {},
      statusDot(reached ? 'ok' : 'error', reached ? 'reaches pods' : 'reaches no pod'),
      name(route.url, 'card-name mono'),
      reached
        ? badge(`${route.pods.length} ${route.pods.length === 1 ? 'pod' : 'pods'}`, 'ok')
        : badge('no pod', 'error'),
    ),
    el('p', 'route-reason', {}, route.reason),
    route.rewrittenPath === undefined
      ? null
      : el('p', 'muted', {}, 'The backend receives ', mono(route.rewrittenPath)),
    el('ol', 'hops', { 'aria-label': 'The path of the request' }, ...hops),
  );
}

/** Renders the Trace view: the URL box, the answer, and the graph with the path. */
export function renderTrace(context: ViewContext): HTMLElement {
  const input = el('input', 'text-input mono', {
    id: 'trace-url',
    type: 'text',
    spellcheck: 'false',
    autocomplete: 'off',
    placeholder: 'http://shop.example.com/cart',
    'aria-label': 'URL to trace',
    'data-focus-key': 'trace-url',
  });
  input.value = context.state.traceUrl;
  const form = el(
    'form',
    'trace-form',
    { role: 'search', 'aria-label': 'Trace a request' },
    el('label', 'toolbar-label', { for: 'trace-url' }, 'Trace a request'),
    input,
    el('button', 'button-primary', { type: 'submit' }, 'Trace'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    context.trace(input.value);
  });
  const suggestions = suggestedUrls(context);
  const route = context.state.route;
  const path = route === null ? undefined : buildRoutePath(graphOf(context.report).model, route);
  return el(
    'div',
    'trace',
    {},
    form,
    suggestions.length === 0
      ? null
      : el(
          'div',
          'chips suggestions',
          { 'aria-label': 'Try' },
          el('span', 'muted', {}, 'Try'),
          ...suggestions.map((url) => {
            const button = el('button', 'link-button mono', { type: 'button' }, url);
            button.addEventListener('click', () => context.trace(url));
            return button;
          }),
        ),
    context.state.routeError === null
      ? null
      : el(
          'p',
          'banner banner-error',
          { role: 'alert' },
          statusDot('error', 'error'),
          ` ${context.state.routeError}`,
        ),
    route === null ? null : routeCard(context, route),
    el('div', 'trace-graph', {}, renderGraphOf(context, 'trace', path)),
  );
}
