/** The web-shop example with its pods, simulated up to Services and Ingresses. */
import { simulateIngresses } from '../../../../server/src/core/simulation/ingress/simulate-ingresses';
import { simulateServices } from '../../../../server/src/core/simulation/networking/simulate-services';
import type { SimObject } from '../../../../server/src/core/simulation/model/sim-object';
import type { SimPod } from '../../../../server/src/core/simulation/model/sim-pod';
import type { Cluster, SimulationReport } from '../../../../server/src/core/simulation/report';
import { cluster, exampleObjects, objectNamed, simPod } from '../networking/sim-support';

export type RouteReport = Pick<SimulationReport, 'cluster' | 'services' | 'ingresses' | 'pods'>;

/** Runs the Service and Ingress simulation on objects and pods. */
export function simulate(
  objects: readonly SimObject[],
  pods: readonly SimPod[] = [],
  c: Cluster = cluster(),
) {
  const services = simulateServices(objects, pods, c);
  const ingresses = simulateIngresses(objects, services.services, c);
  const report: RouteReport = {
    cluster: c,
    services: services.services,
    ingresses: ingresses.ingresses,
    pods: [],
  };
  return { report, diagnostics: [...services.diagnostics, ...ingresses.diagnostics] };
}

/** examples/web-shop: 3 shop-frontend pods, 2 shop-api pods, all Running. */
export function webShop(extra: readonly SimObject[] = []) {
  const objects = [
    ...exampleObjects(
      'web-shop/shop-frontend.yaml',
      'web-shop/shop-api.yaml',
      'web-shop/shop-ingress.yaml',
    ),
    ...extra,
  ];
  const frontend = objectNamed(objects, 'Deployment', 'shop-frontend');
  const api = objectNamed(objects, 'Deployment', 'shop-api');
  const pods = [
    simPod(frontend, 'shop-frontend-7c9d-aaaaa', { node: 'worker-1', ip: '10.244.1.2' }),
    simPod(frontend, 'shop-frontend-7c9d-bbbbb', { node: 'worker-2', ip: '10.244.2.2' }),
    simPod(frontend, 'shop-frontend-7c9d-ccccc', { node: 'worker-1', ip: '10.244.1.3' }),
    simPod(api, 'shop-api-5f6b-ddddd', { node: 'worker-2', ip: '10.244.2.3' }),
    simPod(api, 'shop-api-5f6b-eeeee', { node: 'worker-1', ip: '10.244.1.4' }),
  ];
  return { objects, pods, ...simulate(objects, pods) };
}
