/** Graph: Ingress → Service → Pods ← Workload, Claim → Volume, ConfigMap → Pods, laid out by dagre. */
import type { SimulationReport } from '../../../server/src/core/simulation/report';
import { layoutGraph, type GraphLayout, type PlacedNode } from '../graph/graph-layout';
import { buildGraphModel, type GraphModel, type GraphPath } from '../graph/graph-model';
import { renderGraphSvg } from '../graph/graph-svg';
import type { ViewContext } from '../view-context';
import { podSources } from './nodes';
import { emptyState } from './parts';

interface LaidOut {
  model: GraphModel;
  layout: GraphLayout;
}

const cache = new WeakMap<SimulationReport, LaidOut>();

/** The graph of a report, built and laid out once per report. */
export function graphOf(report: SimulationReport): LaidOut {
  let laidOut = cache.get(report);
  if (laidOut === undefined) {
    const model = buildGraphModel(report);
    laidOut = { model, layout: layoutGraph(model) };
    cache.set(report, laidOut);
  }
  return laidOut;
}

function bindNode(context: ViewContext, element: SVGGElement, node: PlacedNode): void {
  const pod =
    node.pod === undefined
      ? undefined
      : context.report.pods.find((p) => `${p.namespace}/${p.name}` === node.pod);
  const sources =
    pod !== undefined ? podSources(context, pod) : node.source === undefined ? [] : [node.source];
  const reveal = pod?.source ?? node.source;
  if (reveal === undefined) return;
  const podKey = node.pod;
  context.bindObject(element, {
    key: node.id,
    label: `${node.detail.split(' · ')[0] ?? node.kind} ${node.label}: ${node.detail}`,
    sources,
    reveal,
    ...(podKey === undefined ? {} : { onActivate: () => context.showLifecycle(podKey) }),
  });
}

/** Draws the report's graph, with a request's path highlighted when given. */
export function renderGraphOf(
  context: ViewContext,
  which: 'graph' | 'trace',
  path?: GraphPath,
): HTMLElement {
  const { layout } = graphOf(context.report);
  if (layout.nodes.length === 0) {
    return emptyState(
      'Nothing to draw',
      'The manifests of this scope define no workload, Service, Ingress, claim or ConfigMap.',
    );
  }
  return renderGraphSvg({
    id: which,
    layout,
    view: context.state.graphViews[which],
    onViewChange: (view) => context.saveGraphView(which, view),
    bindNode: (element, node) => bindNode(context, element, node),
    ...(path === undefined ? {} : { path }),
  });
}

/** Renders the Graph view. */
export function renderGraph(context: ViewContext): HTMLElement {
  return renderGraphOf(context, 'graph');
}
