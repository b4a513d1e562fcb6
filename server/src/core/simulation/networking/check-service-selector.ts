/**
 * What a Service's selector finds: nothing at all
 * (service-selector-matches-nothing), or pods none of which runs
 * (service-no-endpoints). Services without a selector (their endpoints are
 * managed by hand) and ExternalName Services get neither.
 */
import type { ReportDiagnostic } from '../report';
import type { SimPod } from '../model/sim-pod';
import { rangeOf } from '../model/sim-object';
import { listNames } from '../model/list-names';
import { makeDiagnostic, pairRange } from './make-diagnostic';
import { SERVICE_NO_ENDPOINTS, SERVICE_SELECTOR_MATCHES_NOTHING } from './networking-codes';
import { isServing, selectorMatches, type PodIndex } from './select-pods';
import type { ServiceView } from './service-view';

/** The selector as kubectl prints it: `app=web,tier=front`. */
export function formatSelector(view: ServiceView): string {
  return (view.selector ?? []).map((pair) => `${pair.key}=${pair.value}`).join(',');
}

/** The selector diagnostic of one Service, if any. */
export function checkServiceSelector(
  view: ServiceView,
  selected: readonly SimPod[],
  pods: PodIndex,
): ReportDiagnostic | undefined {
  const selector = view.selector;
  if (!selector || view.type === 'ExternalName') return undefined;
  const text = formatSelector(view);
  if (selected.length === 0) {
    // The first pair no pod of the namespace has is the one to fix; else the selector as a whole.
    const missing = selector.find(
      (pair) => !pods.namespaceHasLabel(view.namespace, pair.key, pair.value),
    );
    const range = missing
      ? pairRange(view.object, ['spec', 'selector', missing.key])
      : rangeOf(view.object, ['spec', 'selector'], 'key');
    const one = selector.length === 1;
    let message = `Service ${view.key} selects ${text}, but no pod has ${one ? 'that label' : 'all of those labels'}.`;
    const elsewhere = [
      ...new Set(
        pods
          .candidates(selector)
          .filter(
            (pod) => pod.namespace !== view.namespace && selectorMatches(selector, pod.labels),
          )
          .map((pod) => pod.namespace),
      ),
    ].sort();
    if (elsewhere.length > 0) {
      const where =
        elsewhere.length === 1 ? `namespace ${elsewhere[0]}` : `namespaces ${elsewhere.join(', ')}`;
      message += ` Pods in ${where} have ${one ? 'it' : 'them'}, but a Service selects only pods of its own namespace (${view.namespace}).`;
    }
    return makeDiagnostic(SERVICE_SELECTOR_MATCHES_NOTHING, view.object, range, message);
  }
  if (selected.some(isServing)) return undefined;
  const names = [...new Set(selected.map((pod) => pod.name))].sort();
  const first = [...selected].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
  const why = first?.reason ? ` (${first.name}: ${first.reason})` : '';
  const count = names.length === 1 ? '1 pod matches' : `${names.length} pods match`;
  return makeDiagnostic(
    SERVICE_NO_ENDPOINTS,
    view.object,
    rangeOf(view.object, ['spec', 'selector'], 'key'),
    `Service ${view.key} selects ${text}: ${count} (${listNames(names)}), but none is Running${why}, so the Service has no endpoints.`,
  );
}
