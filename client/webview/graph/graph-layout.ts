/**
 * Lays out a {@link GraphModel} left to right with dagre (Ingress → Service → Pods ← Workload →
 * Claim → Volume). No DOM: sizes come from the text length, so this runs anywhere.
 */
import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { GraphEdge, GraphModel, GraphNode, GraphNodeKind } from './graph-model';

/** The width of one character of the node text, roughly, at the panel's font size. */
const CHAR_WIDTH = 7.8;
const NODE_PADDING = 30;
const NODE_HEIGHT = 46;
const MIN_WIDTH = 150;
const MAX_WIDTH = 270;

/** The column of each kind: Ingress | Service, Workload, ConfigMap | Pod | Claim | Volume. */
const COLUMN: Readonly<Record<GraphNodeKind, number>> = {
  ingress: 0,
  service: 1,
  workload: 1,
  configMap: 1,
  secret: 1,
  pod: 2,
  claim: 3,
  volume: 4,
};

const ANCHOR = '\u0000anchor';

export interface PlacedNode extends GraphNode {
  /** Top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** How many characters of the label and detail fit. */
  maxChars: number;
}

export interface PlacedEdge extends GraphEdge {
  points: { x: number; y: number }[];
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

function nodeWidth(node: GraphNode): number {
  const chars = Math.max(node.label.length, node.detail.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(chars * CHAR_WIDTH) + NODE_PADDING));
}

/** Places the nodes and routes the edges. */
export function layoutGraph(model: GraphModel): GraphLayout {
  const graph = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: false });
  graph.setGraph({
    rankdir: 'LR',
    nodesep: 14,
    ranksep: 70,
    edgesep: 10,
    marginx: 16,
    marginy: 16,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of model.nodes) {
    graph.setNode(node.id, { width: nodeWidth(node), height: NODE_HEIGHT });
  }
  for (const edge of model.edges) graph.setEdge(edge.from, edge.to, { minlen: 1 });
  // Without help, dagre ranks each connected part from 0, so a Service without an Ingress
  // would sit in the Ingress column. An invisible anchor pulls every node that nothing points
  // to into its kind's column (minlen = the column).
  const targets = new Set(model.edges.map((edge) => edge.to));
  graph.setNode(ANCHOR, { width: 0, height: 0 });
  for (const node of model.nodes) {
    const column = COLUMN[node.kind];
    if (column > 0 && !targets.has(node.id))
      graph.setEdge(ANCHOR, node.id, { minlen: column, weight: 1 });
  }
  layout(graph);

  const nodes = model.nodes.map((node): PlacedNode => {
    const placed = graph.node(node.id);
    const width = placed.width;
    return {
      ...node,
      x: (placed.x ?? 0) - width / 2,
      y: (placed.y ?? 0) - placed.height / 2,
      width,
      height: placed.height,
      maxChars: Math.floor((width - NODE_PADDING + 8) / CHAR_WIDTH),
    };
  });
  const edges = model.edges.map((edge): PlacedEdge => ({
    ...edge,
    points: graph.edge(edge.from, edge.to)?.points ?? [],
  }));
  const label = graph.graph();
  return { nodes, edges, width: label.width ?? 0, height: label.height ?? 0 };
}
