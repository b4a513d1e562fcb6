/**
 * Lifecycle: for the selected pod, the path from the API call to running containers —
 * apiserver → scheduler → kubelet → CRI runtime / image service → containerd → containerd-shim →
 * containers — stopping where a blocked pod stops, with the reason.
 */
import type { LifecycleStepName, PodReport } from '../../../server/src/core/simulation/report';
import { el } from '../dom';
import { qualified } from '../format';
import type { ViewContext } from '../view-context';
import { podSources } from './nodes';
import { badge, emptyState, mono, name, statusDot } from './parts';

const COMPONENT: Readonly<Record<LifecycleStepName, string>> = {
  apiserver: 'kube-apiserver',
  scheduler: 'kube-scheduler',
  kubelet: 'kubelet',
  'cri-runtime': 'CRI runtime service',
  'cri-image': 'CRI image service',
  containerd: 'containerd',
  'containerd-shim': 'containerd-shim',
};

/** The stages in the order a pod passes them; the ones after a block are "not reached". */
const STAGES: readonly { step: LifecycleStepName | 'containers'; label: string }[] = [
  { step: 'apiserver', label: 'kube-apiserver' },
  { step: 'scheduler', label: 'kube-scheduler' },
  { step: 'kubelet', label: 'kubelet' },
  { step: 'cri-runtime', label: 'CRI runtime service' },
  { step: 'containerd', label: 'containerd' },
  { step: 'containerd-shim', label: 'containerd-shim' },
  { step: 'cri-image', label: 'CRI image service' },
  { step: 'containers', label: 'containers running' },
];

function timeline(pod: PodReport): HTMLElement {
  const steps = pod.lifecycle ?? [];
  const blockedAt = steps.findIndex((step) => step.blocked === true);
  const items = steps.map((step, index) =>
    el(
      'li',
      `step ${step.blocked === true ? 'step-blocked' : 'step-done'}`,
      {},
      el('span', 'step-marker', { 'aria-hidden': 'true' }),
      el(
        'div',
        'step-body',
        {},
        el(
          'div',
          'step-head',
          {},
          el('span', 'step-component', {}, COMPONENT[step.step]),
          el('span', 'step-index muted', {}, `step ${index + 1}`),
        ),
        el('p', 'step-detail', {}, step.detail),
        step.blocked === true
          ? el(
              'p',
              'step-reason',
              { role: 'alert' },
              statusDot('error', 'blocked'),
              ' ',
              step.reason ?? 'blocked',
            )
          : null,
      ),
    ),
  );
  if (blockedAt >= 0) {
    const reached = new Set(steps.slice(0, blockedAt + 1).map((step) => step.step));
    const blockedStage = STAGES.findIndex((stage) => stage.step === steps[blockedAt]?.step);
    for (const stage of STAGES.slice(blockedStage + 1)) {
      if (stage.step !== 'containers' && reached.has(stage.step)) continue;
      items.push(
        el(
          'li',
          'step step-skipped',
          {},
          el('span', 'step-marker', { 'aria-hidden': 'true' }),
          el(
            'div',
            'step-body',
            {},
            el(
              'div',
              'step-head',
              {},
              el('span', 'step-component', {}, stage.label),
              el('span', 'muted', {}, 'not reached'),
            ),
          ),
        ),
      );
    }
  } else if (steps.length > 0) {
    const containers = pod.containers.map((container) => container.name).join(', ');
    items.push(
      el(
        'li',
        'step step-final',
        {},
        el('span', 'step-marker', { 'aria-hidden': 'true' }),
        el(
          'div',
          'step-body',
          {},
          el('div', 'step-head', {}, el('span', 'step-component', {}, 'containers running')),
          el('p', 'step-detail', {}, containers),
        ),
      ),
    );
  }
  return el('ol', 'timeline', { 'aria-label': `Lifecycle of pod ${pod.name}` }, ...items);
}

/** Renders the Lifecycle view of the selected pod (the first pod when none is selected). */
export function renderLifecycle(context: ViewContext): HTMLElement {
  const pods = context.report.pods;
  const selected =
    pods.find((pod) => qualified(pod) === context.state.lifecyclePod) ??
    pods.find((pod) => pod.phase === 'Pending') ??
    pods[0];
  if (selected === undefined) {
    return emptyState('No pods', 'The manifests of this scope make no pod.');
  }
  const picker = el('select', 'select', {
    'aria-label': 'Pod',
    id: 'lifecycle-pod',
    'data-focus-key': 'lifecycle-pod',
  });
  for (const pod of pods) {
    const option = el(
      'option',
      '',
      { value: qualified(pod) },
      `${qualified(pod)}${pod.phase === 'Pending' ? ' (Pending)' : ''}`,
    );
    option.selected = pod === selected;
    picker.appendChild(option);
  }
  picker.addEventListener('change', () => context.showLifecycle(picker.value));
  const running = selected.phase === 'Running';
  const header = el(
    'div',
    'card lifecycle-pod',
    {},
    el(
      'div',
      'card-title',
      {},
      statusDot(running ? 'ok' : 'warning', selected.phase),
      name(selected.name, 'card-name'),
      badge(selected.phase, running ? 'ok' : 'warning'),
    ),
    el(
      'div',
      'card-line',
      {},
      mono(selected.ip ?? 'no IP'),
      el('span', 'muted', {}, selected.node === null ? 'not scheduled' : `on ${selected.node}`),
      el('span', 'muted', {}, selected.owner),
    ),
  );
  context.bindObject(header, {
    key: `pod:${qualified(selected)}`,
    label: `Pod ${qualified(selected)}`,
    sources: podSources(context, selected),
    reveal: selected.source,
  });
  return el(
    'div',
    'lifecycle',
    {},
    el('div', 'toolbar', {}, el('label', 'toolbar-label', { for: 'lifecycle-pod' }, 'Pod'), picker),
    header,
    timeline(selected),
  );
}
