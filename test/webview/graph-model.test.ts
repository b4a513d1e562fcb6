// The graph model of a report (client/webview/graph/graph-model.ts) and its dagre layout, on the
// real reports of `slipway simulate --json examples/` and `slipway route --json`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { layoutGraph } from '../../client/webview/graph/graph-layout';
import {
  buildGraphModel,
  buildRoutePath,
  edgeId,
  nodeId,
  type GraphModel,
} from '../../client/webview/graph/graph-model';
import { routeResult, simulateReport } from './support/reports';

const PATHS = ['examples'];
const report = simulateReport(PATHS, 'examples');
const model = buildGraphModel(report);

function node(model: GraphModel, id: string): GraphModel['nodes'][number] {
  const found = model.nodes.find((candidate) => candidate.id === id);
  assert.ok(found !== undefined, `node ${id}`);
  return found;
}

function hasEdge(model: GraphModel, from: string, to: string): boolean {
  return model.edges.some(
    (edge) => edge.id === edgeId(from, to) && edge.from === from && edge.to === to,
  );
}

describe('buildGraphModel', () => {
  it('has a node for every pod, Service, Ingress, claim, ConfigMap and Secret', () => {
    for (const pod of report.pods) node(model, nodeId.pod(pod.namespace, pod.name));
    for (const service of report.services)
      node(model, nodeId.service(service.namespace, service.name));
    for (const ingress of report.ingresses)
      node(model, nodeId.ingress(ingress.namespace, ingress.name));
    for (const claim of report.volumeClaims) node(model, nodeId.claim(claim.namespace, claim.name));
    for (const object of report.configMaps)
      node(model, nodeId.configMap(object.namespace, object.name));
    for (const object of report.secrets) node(model, nodeId.secret(object.namespace, object.name));
    assert.equal(new Set(model.nodes.map((n) => n.id)).size, model.nodes.length, 'ids are unique');
  });

  it('links Ingress → Service → its endpoint pods', () => {
    const shop = nodeId.ingress('default', 'shop');
    const frontend = nodeId.service('default', 'shop-frontend');
    assert.ok(hasEdge(model, shop, frontend));
    assert.ok(hasEdge(model, shop, nodeId.service('default', 'shop-api')));
    const service = report.services.find((s) => s.name === 'shop-frontend');
    const endpoints = service?.ports.flatMap((port) => port.endpoints) ?? [];
    assert.equal(endpoints.length, 3);
    for (const endpoint of endpoints)
      assert.ok(hasEdge(model, frontend, nodeId.pod('default', endpoint.pod)));
  });

  it('links each workload to its pods, but not a bare Pod to itself', () => {
    for (const pod of report.pods) {
      const [kind = '', name = ''] = pod.owner.split('/');
      if (kind === 'Pod') {
        assert.ok(!model.nodes.some((n) => n.id === nodeId.workload(kind, pod.namespace, name)));
      } else {
        assert.ok(
          hasEdge(
            model,
            nodeId.workload(kind, pod.namespace, name),
            nodeId.pod(pod.namespace, pod.name),
          ),
          pod.name,
        );
      }
    }
  });

  it('links pods to their claims and claims to their volumes', () => {
    const claim = nodeId.claim('default', 'reports');
    assert.ok(hasEdge(model, nodeId.pod('default', 'reports-server'), claim));
    assert.ok(hasEdge(model, claim, nodeId.volume('pv-large')));
    for (const pvc of report.volumeClaims.filter(
      (c) => c.dynamic === true && c.volume !== undefined,
    )) {
      assert.equal(
        node(model, nodeId.volume(pvc.volume ?? '')).detail,
        'PersistentVolume · provisioned',
      );
    }
  });

  it('links ConfigMaps and Secrets to the pods that use them', () => {
    const config = nodeId.configMap('default', 'shop-config');
    const users = new Set(
      report.configMaps.find((c) => c.name === 'shop-config')?.usedBy.map((use) => use.pod),
    );
    assert.ok(users.size > 0);
    for (const pod of users) assert.ok(hasEdge(model, config, nodeId.pod('default', pod)), pod);
    assert.ok(
      hasEdge(
        model,
        nodeId.secret('default', 'postgres-credentials'),
        nodeId.pod('default', 'postgres-0'),
      ),
    );
  });

  it('draws a Service an Ingress names but nobody defines as missing', () => {
    const missing = node(model, nodeId.service('default', 'test'));
    assert.equal(missing.status, 'missing');
    assert.equal(missing.source, undefined);
    assert.ok(hasEdge(model, nodeId.ingress('default', 'minimal-ingress'), missing.id));
  });

  it('keeps every source of the report on its node', () => {
    const frontend = report.services.find((s) => s.name === 'shop-frontend');
    assert.deepEqual(
      node(model, nodeId.service('default', 'shop-frontend')).source,
      frontend?.source,
    );
  });
});

describe('buildRoutePath', () => {
  it('follows an Ingress route: Ingress, Service and the pods that answer', () => {
    const route = routeResult('http://shop.example.com/cart', PATHS);
    const path = buildRoutePath(model, route);
    const service = nodeId.service('default', 'shop-frontend');
    assert.deepEqual(
      [...path.nodes].sort(),
      [
        nodeId.ingress('default', 'shop'),
        service,
        ...route.pods.map((pod) => nodeId.pod('default', pod.name)),
      ].sort(),
    );
    assert.equal(route.pods.length, 3);
    assert.ok(path.edges.has(edgeId(nodeId.ingress('default', 'shop'), service)));
    for (const pod of route.pods)
      assert.ok(path.edges.has(edgeId(service, nodeId.pod('default', pod.name))));
  });

  it('follows a nodePort: the Service and its pods, no Ingress', () => {
    const route = routeResult('http://172.18.0.3:30000/', PATHS);
    assert.equal(route.via, 'nodePort');
    const path = buildRoutePath(model, route);
    assert.ok(path.nodes.has(nodeId.service('default', 'np-svc')));
    assert.ok(![...path.nodes].some((id) => id.startsWith('ingress:')));
    assert.equal(path.nodes.size, 1 + route.pods.length);
  });

  it('is empty for a request that goes nowhere', () => {
    const route = routeResult('http://172.18.0.3:31999/', PATHS);
    assert.equal(route.via, null);
    const path = buildRoutePath(model, route);
    assert.equal(path.nodes.size + path.edges.size, 0);
  });

  it('stops at a Service that is not defined', () => {
    const route = routeResult('http://nowhere.example.com/', PATHS);
    const path = buildRoutePath(model, route);
    assert.deepEqual([...path.nodes].sort(), [
      nodeId.ingress('default', 'minimal-ingress'),
      nodeId.service('default', 'rootSvc'),
    ]);
  });
});

describe('layoutGraph', () => {
  const layout = layoutGraph(model);

  it('places every node inside the drawing, without overlaps', () => {
    assert.equal(layout.nodes.length, model.nodes.length);
    for (const placed of layout.nodes) {
      assert.ok(Number.isFinite(placed.x) && Number.isFinite(placed.y), placed.id);
      assert.ok(placed.x >= 0 && placed.y >= 0, placed.id);
      assert.ok(
        placed.x + placed.width <= layout.width + 0.5 &&
          placed.y + placed.height <= layout.height + 0.5,
        placed.id,
      );
    }
    for (const [index, a] of layout.nodes.entries()) {
      for (const b of layout.nodes.slice(index + 1)) {
        const apart =
          a.x + a.width <= b.x ||
          b.x + b.width <= a.x ||
          a.y + a.height <= b.y ||
          b.y + b.height <= a.y;
        assert.ok(apart, `${a.id} overlaps ${b.id}`);
      }
    }
  });

  it('puts the kinds in columns left to right: Ingress, Service, Pod, Claim, Volume', () => {
    const columnOf = (prefix: string): number[] =>
      layout.nodes.filter((n) => n.id.startsWith(prefix)).map((n) => Math.round(n.x + n.width / 2));
    const right = (xs: number[]): number => Math.max(...xs);
    const left = (xs: number[]): number => Math.min(...xs);
    assert.ok(right(columnOf('ingress:')) < left(columnOf('service:')));
    assert.ok(right(columnOf('service:')) < left(columnOf('pod:')));
    assert.ok(right(columnOf('pod:')) < left(columnOf('claim:')));
    assert.ok(right(columnOf('claim:')) < left(columnOf('volume:')));
  });

  it('routes every edge', () => {
    for (const edge of layout.edges) assert.ok(edge.points.length >= 2, edge.id);
  });
});
