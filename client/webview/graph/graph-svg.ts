/**
 * Draws a laid-out graph as SVG, zoomable with the wheel, the toolbar buttons or the keyboard
 * (+, -, 0), and pannable by dragging or with the arrow keys.
 */
import { el, svg } from '../dom';
import { clip } from '../format';
import type { GraphView } from '../page-state';
import type { GraphLayout, PlacedEdge, PlacedNode } from './graph-layout';
import type { GraphNodeKind, GraphPath } from './graph-model';

const MIN_ZOOM = 0.15;
const MAX_ZOOM = 3;
const ZOOM_STEP = 1.25;
const PAN_STEP = 60;

const KIND_LABEL: Readonly<Record<GraphNodeKind, string>> = {
  ingress: 'Ingress',
  service: 'Service',
  workload: 'Workload',
  pod: 'Pod',
  claim: 'Claim',
  volume: 'Volume',
  configMap: 'ConfigMap',
  secret: 'Secret',
};

export interface GraphSvgOptions {
  /** Distinguishes the two graphs of the page (their marker ids, their saved view). */
  readonly id: 'graph' | 'trace';
  readonly layout: GraphLayout;
  /** The saved zoom and pan; absent: fit the graph once it is on screen. */
  readonly view: GraphView | undefined;
  readonly onViewChange: (view: GraphView) => void;
  /** Called for each node element, to make it an object (select, reveal, cursor highlight). */
  readonly bindNode: (element: SVGGElement, node: PlacedNode) => void;
  /** A request's path to highlight; the rest is dimmed. */
  readonly path?: GraphPath;
}

/** `M … C …`: a B-spline through dagre's points, as d3's curveBasis draws it. */
export function splinePath(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  if (rest.length === 0) return `M${first.x},${first.y}`;
  const parts = [`M${first.x},${first.y}`];
  let x0 = first.x;
  let y0 = first.y;
  let x1 = first.x;
  let y1 = first.y;
  let index = 0;
  const curve = (x: number, y: number): void => {
    parts.push(
      `C${(2 * x0 + x1) / 3},${(2 * y0 + y1) / 3} ${(x0 + 2 * x1) / 3},${(y0 + 2 * y1) / 3} ${(x0 + 4 * x1 + x) / 6},${(y0 + 4 * y1 + y) / 6}`,
    );
  };
  for (const point of rest) {
    index += 1;
    // The second point only sets up the first curve; each later one draws a segment.
    if (index === 2) parts.push(`L${(5 * x0 + x1) / 6},${(5 * y0 + y1) / 6}`);
    if (index >= 2) curve(point.x, point.y);
    x0 = x1;
    y0 = y1;
    x1 = point.x;
    y1 = point.y;
  }
  if (index >= 2) curve(x1, y1);
  parts.push(`L${x1},${y1}`);
  return parts.join(' ');
}

/** Room around the path when the view fits it. */
const FIT_MARGIN = 40;

function boundingBox(
  nodes: readonly PlacedNode[],
  margin: number,
): { x: number; y: number; width: number; height: number } {
  const left = Math.min(...nodes.map((node) => node.x)) - margin;
  const top = Math.min(...nodes.map((node) => node.y)) - margin;
  const right = Math.max(...nodes.map((node) => node.x + node.width)) + margin;
  const bottom = Math.max(...nodes.map((node) => node.y + node.height)) + margin;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function fmt(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function drawEdge(edge: PlacedEdge, markerId: string, onPath: boolean): SVGGElement {
  const group = svg(
    'g',
    { class: `gedge edge-${edge.kind}${onPath ? ' on-path' : ''}`, 'data-edge': edge.id },
    svg('path', {
      d: splinePath(edge.points),
      'marker-end': `url(#${markerId}${onPath ? '-path' : ''})`,
    }),
  );
  if (edge.label !== undefined) group.appendChild(svg('title', {}, edge.label));
  if (edge.kind === 'route' && edge.label !== undefined && edge.points.length > 0) {
    const middle = edge.points[Math.floor(edge.points.length / 2)];
    if (middle !== undefined) {
      group.appendChild(
        svg(
          'text',
          { class: 'gedge-label', x: fmt(middle.x), y: fmt(middle.y - 5), 'text-anchor': 'middle' },
          clip(edge.label, 28),
        ),
      );
    }
  }
  return group;
}

function drawNode(node: PlacedNode, onPath: boolean): SVGGElement {
  const group = svg(
    'g',
    {
      class: `gnode kind-${node.kind} status-${node.status}${onPath ? ' on-path' : ''}`,
      transform: `translate(${fmt(node.x)},${fmt(node.y)})`,
      'data-node': node.id,
    },
    svg('title', {}, `${KIND_LABEL[node.kind]} ${node.label}\n${node.detail}`),
    svg('rect', {
      class: 'gnode-box',
      width: fmt(node.width),
      height: fmt(node.height),
      rx: '4',
      ry: '4',
    }),
    svg('rect', { class: 'gnode-accent', width: '4', height: fmt(node.height), rx: '2', ry: '2' }),
    svg('text', { class: 'gnode-label', x: '14', y: '19' }, clip(node.label, node.maxChars)),
    svg('text', { class: 'gnode-detail', x: '14', y: '35' }, clip(node.detail, node.maxChars + 2)),
  );
  return group;
}

function arrowMarker(id: string, className: string): SVGMarkerElement {
  return svg(
    'marker',
    {
      id,
      class: className,
      viewBox: '0 0 10 10',
      refX: '9',
      refY: '5',
      markerWidth: '7',
      markerHeight: '7',
      orient: 'auto-start-reverse',
    },
    svg('path', { d: 'M0,0 L10,5 L0,10 z' }),
  );
}

function toolButton(label: string, text: string, action: () => void): HTMLButtonElement {
  const button = el(
    'button',
    'icon-button',
    { type: 'button', title: label, 'aria-label': label },
    text,
  );
  button.addEventListener('click', action);
  return button;
}

/** Renders the graph with its toolbar; returns the element to put in the view. */
export function renderGraphSvg(options: GraphSvgOptions): HTMLElement {
  const { layout, path } = options;
  const markerId = `arrow-${options.id}`;
  const viewport = svg('g', { class: 'viewport' });
  const edges = svg(
    'g',
    { class: 'gedges' },
    ...layout.edges.map((edge) => drawEdge(edge, markerId, path?.edges.has(edge.id) === true)),
  );
  const nodes = svg('g', { class: 'gnodes' });
  for (const node of layout.nodes) {
    const group = drawNode(node, path?.nodes.has(node.id) === true);
    options.bindNode(group, node);
    nodes.appendChild(group);
  }
  viewport.append(edges, nodes);
  const canvas = svg(
    'svg',
    {
      class: `graph-canvas${path !== undefined && path.nodes.size > 0 ? ' has-path' : ''}`,
      role: 'group',
      tabindex: '0',
      'aria-label':
        'Graph of the report. Plus and minus zoom, 0 fits, arrow keys pan; Tab moves through the objects.',
    },
    svg(
      'defs',
      {},
      arrowMarker(markerId, 'arrow'),
      arrowMarker(`${markerId}-path`, 'arrow arrow-path'),
    ),
    viewport,
  );

  let view: GraphView = options.view ?? { x: 0, y: 0, k: 1 };
  const apply = (next: GraphView, save = true): void => {
    view = { x: next.x, y: next.y, k: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next.k)) };
    viewport.setAttribute(
      'transform',
      `translate(${fmt(view.x)},${fmt(view.y)}) scale(${view.k.toFixed(4)})`,
    );
    zoomLabel.textContent = `${Math.round(view.k * 100)}%`;
    if (save) options.onViewChange(view);
  };
  const zoomAt = (factor: number, cx: number, cy: number): void => {
    const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.k * factor));
    const ratio = k / view.k;
    apply({ x: cx - (cx - view.x) * ratio, y: cy - (cy - view.y) * ratio, k });
  };
  const center = (): { x: number; y: number } => ({
    x: canvas.clientWidth / 2,
    y: canvas.clientHeight / 2,
  });
  // Fit shows the request's path when there is one, else the whole graph.
  const onPath = layout.nodes.filter((node) => path?.nodes.has(node.id) === true);
  const box =
    onPath.length === 0
      ? { x: 0, y: 0, width: layout.width, height: layout.height }
      : boundingBox(onPath, FIT_MARGIN);
  const fit = (save: boolean): void => {
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (width === 0 || height === 0 || box.width === 0) return;
    const k = Math.min(
      MAX_ZOOM,
      Math.max(MIN_ZOOM, Math.min(width / box.width, height / box.height, 1.2)),
    );
    apply(
      {
        x: (width - box.width * k) / 2 - box.x * k,
        y: (height - box.height * k) / 2 - box.y * k,
        k,
      },
      save,
    );
  };

  const zoomLabel = el('span', 'zoom-label muted', { 'aria-live': 'polite' }, '100%');
  const toolbar = el(
    'div',
    'toolbar graph-toolbar',
    { role: 'toolbar', 'aria-label': 'Zoom' },
    toolButton('Zoom in', '+', () => zoomAt(ZOOM_STEP, center().x, center().y)),
    toolButton('Zoom out', '−', () => zoomAt(1 / ZOOM_STEP, center().x, center().y)),
    toolButton('Fit to view', 'Fit', () => fit(true)),
    toolButton('Actual size', '1:1', () => apply({ ...view, k: 1 })),
    zoomLabel,
    el(
      'span',
      'legend',
      { 'aria-hidden': 'true' },
      ...(['ingress', 'service', 'workload', 'pod', 'claim', 'configMap'] as const).map((kind) =>
        el('span', `legend-item kind-${kind}`, {}, el('span', 'legend-swatch'), KIND_LABEL[kind]),
      ),
    ),
  );

  canvas.addEventListener(
    'wheel',
    (event) => {
      event.preventDefault();
      const box = canvas.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    },
    { passive: false },
  );
  let drag: { x: number; y: number; view: GraphView } | undefined;
  canvas.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || (event.target instanceof Element && event.target.closest('.gnode')))
      return;
    drag = { x: event.clientX, y: event.clientY, view };
    canvas.setPointerCapture(event.pointerId);
    canvas.classList.add('dragging');
  });
  canvas.addEventListener('pointermove', (event) => {
    if (drag === undefined) return;
    apply(
      {
        ...drag.view,
        x: drag.view.x + event.clientX - drag.x,
        y: drag.view.y + event.clientY - drag.y,
      },
      false,
    );
  });
  const endDrag = (): void => {
    if (drag === undefined) return;
    drag = undefined;
    canvas.classList.remove('dragging');
    options.onViewChange(view);
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  canvas.addEventListener('keydown', (event) => {
    if (event.target !== canvas) return;
    const { x, y } = center();
    const actions: Record<string, () => void> = {
      '+': () => zoomAt(ZOOM_STEP, x, y),
      '=': () => zoomAt(ZOOM_STEP, x, y),
      '-': () => zoomAt(1 / ZOOM_STEP, x, y),
      '0': () => fit(true),
      ArrowLeft: () => apply({ ...view, x: view.x + PAN_STEP }),
      ArrowRight: () => apply({ ...view, x: view.x - PAN_STEP }),
      ArrowUp: () => apply({ ...view, y: view.y + PAN_STEP }),
      ArrowDown: () => apply({ ...view, y: view.y - PAN_STEP }),
    };
    const action = actions[event.key];
    if (action !== undefined) {
      event.preventDefault();
      action();
    }
  });

  apply(view, false);
  if (options.view === undefined) {
    // Fit once the canvas has a size (it is attached after this returns).
    const observer = new ResizeObserver(() => {
      if (canvas.clientWidth === 0) return;
      observer.disconnect();
      fit(false);
    });
    observer.observe(canvas);
  }
  return el('div', 'graph', {}, toolbar, el('div', 'graph-frame', {}, canvas));
}
