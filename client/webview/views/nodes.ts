/** Nodes: a column per node (labels, taints) with a card per pod; Pending pods in their own lane. */
import type { ClusterNode, PodReport, SourceRef } from '../../../server/src/core/simulation/report';
import { el } from '../dom';
import { plural, qualified } from '../format';
import type { ViewContext } from '../view-context';
import { badge, chip, emptyState, mono, name, statusDot } from './parts';

/** The sources of a pod: its template and its owner's document. */
export function podSources(context: ViewContext, pod: PodReport): SourceRef[] {
  const slash = pod.owner.indexOf('/');
  const kind = pod.owner.slice(0, slash);
  const ownerName = pod.owner.slice(slash + 1);
  const owner = context.report.workloads.find(
    (workload) =>
      workload.kind === kind && workload.name === ownerName && workload.namespace === pod.namespace,
  );
  return owner === undefined ? [pod.source] : [pod.source, owner.source];
}

function portsOf(pod: PodReport): HTMLElement | null {
  const ports = pod.containers.flatMap((container) => container.ports);
  if (ports.length === 0) return null;
  return el(
    'div',
    'chips',
    { 'aria-label': 'container ports' },
    ...ports.map((port) =>
      chip(
        `${port.name === undefined ? '' : `${port.name} `}${port.containerPort}/${port.protocol}${port.hostPort === undefined ? '' : ` → host ${port.hostPort}`}`,
        'chip-port',
      ),
    ),
  );
}

/** A pod's card: status, name, IP, ports, owner (and the reason when it is Pending). */
export function podCard(context: ViewContext, pod: PodReport): HTMLElement {
  const running = pod.phase === 'Running';
  const card = el(
    'article',
    `card pod-card ${running ? 'tone-ok' : 'tone-warning'}`,
    {},
    el(
      'div',
      'card-title',
      {},
      statusDot(running ? 'ok' : 'warning', pod.phase),
      name(pod.name, 'card-name'),
      running ? null : badge(pod.phase, 'warning'),
    ),
    el(
      'div',
      'card-line',
      {},
      mono(pod.ip ?? 'no IP', pod.ip === null ? 'muted' : 'pod-ip'),
      portsOf(pod),
    ),
    el('div', 'card-owner', {}, name(pod.owner)),
    running || pod.reason === undefined ? null : el('p', 'card-reason', {}, pod.reason),
  );
  const key = qualified(pod);
  context.bindObject(card, {
    key: `pod:${key}`,
    label: `Pod ${key}, ${pod.phase}${pod.ip === null ? '' : `, IP ${pod.ip}`}, owner ${pod.owner}`,
    sources: podSources(context, pod),
    reveal: pod.source,
    onActivate: () => context.showLifecycle(key),
  });
  return card;
}

function nodeHeader(node: ClusterNode, podCount: number): HTMLElement {
  const labels = Object.entries(node.labels);
  const controlPlane = 'node-role.kubernetes.io/control-plane' in node.labels;
  return el(
    'header',
    'node-header',
    {},
    el(
      'div',
      'node-title',
      {},
      el('h3', 'node-name', { title: node.name }, node.name),
      controlPlane ? badge('control plane', 'info') : null,
    ),
    el(
      'div',
      'node-facts',
      {},
      mono(node.ip),
      el('span', 'muted', {}, ' · pods '),
      mono(node.podCIDR),
    ),
    el(
      'div',
      'node-facts muted',
      {},
      `${node.allocatable.cpu} CPU · ${node.allocatable.memory} · ${plural(podCount, 'pod')} of ${node.allocatable.pods}`,
    ),
    node.taints.length === 0
      ? null
      : el(
          'div',
          'chips',
          { 'aria-label': 'taints' },
          ...node.taints.map((taint) =>
            chip(
              `${taint.key}${taint.value === undefined ? '' : `=${taint.value}`}:${taint.effect}`,
              'chip-taint',
              'taint',
            ),
          ),
        ),
    labels.length === 0
      ? null
      : el(
          'details',
          'node-labels',
          {},
          el('summary', '', {}, plural(labels.length, 'label')),
          el(
            'div',
            'chips',
            {},
            ...labels.map(([key, value]) =>
              chip(value === '' ? key : `${key}=${value}`, 'chip-label'),
            ),
          ),
        ),
  );
}

/** Renders the Nodes view. */
export function renderNodes(context: ViewContext): HTMLElement {
  const { report } = context;
  const pending = report.pods.filter((pod) => pod.node === null);
  const columns = report.cluster.nodes.map((node) => {
    const pods = report.pods.filter((pod) => pod.node === node.name);
    return el(
      'div',
      'lane',
      { role: 'group', 'aria-label': `Node ${node.name}` },
      nodeHeader(node, pods.length),
      el(
        'div',
        'lane-cards',
        {},
        ...(pods.length === 0
          ? [el('p', 'lane-empty', {}, 'No pods')]
          : pods.map((pod) => podCard(context, pod))),
      ),
    );
  });
  if (pending.length > 0) {
    columns.push(
      el(
        'div',
        'lane lane-unscheduled',
        { role: 'group', 'aria-label': 'Unscheduled pods' },
        el(
          'header',
          'node-header',
          {},
          el(
            'div',
            'node-title',
            {},
            el('h3', 'node-name', {}, 'Unscheduled'),
            badge(String(pending.length), 'warning'),
          ),
          el('div', 'node-facts muted', {}, 'Pending: no node fits'),
        ),
        el('div', 'lane-cards', {}, ...pending.map((pod) => podCard(context, pod))),
      ),
    );
  }
  if (report.cluster.nodes.length === 0) {
    return emptyState('No nodes', 'The cluster file defines no nodes.');
  }
  return el('div', 'lanes', {}, ...columns);
}
