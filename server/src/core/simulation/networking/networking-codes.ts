/**
 * The diagnostic codes of the Service and Ingress simulation (category
 * 'cross-resource': they need the other objects of the scope and the cluster).
 */
import type { CodeInfo } from '../../diagnostics/code-info';

/** A written clusterIP outside the cluster's service CIDR. */
export const SERVICE_CLUSTER_IP_OUT_OF_RANGE: CodeInfo = {
  code: 'service-cluster-ip-out-of-range',
  category: 'cross-resource',
  severity: 'error',
  title: "spec.clusterIP lies outside the cluster's service CIDR; the API server rejects it.",
  example: 'spec:\n  clusterIP: 10.0.0.5   # serviceCIDR 10.96.0.0/12',
};

/** Two Services ask for one ClusterIP (or one asks for the kubernetes / kube-dns address). */
export const SERVICE_CLUSTER_IP_CONFLICT: CodeInfo = {
  code: 'service-cluster-ip-conflict',
  category: 'cross-resource',
  severity: 'error',
  title:
    'Two Services ask for the same clusterIP; the API server gives it to one and rejects the other.',
  example: '# a.yaml and b.yaml both\nspec:\n  clusterIP: 10.96.0.50',
};

/** Two Services ask for one nodePort. */
export const SERVICE_NODE_PORT_CONFLICT: CodeInfo = {
  code: 'service-node-port-conflict',
  category: 'cross-resource',
  severity: 'error',
  title:
    'Two Services ask for the same nodePort; the API server gives it to one and rejects the other.',
  example: '# a.yaml and b.yaml both\nports:\n  - port: 80\n    nodePort: 30000',
};

/** A written nodePort outside a cluster file's own nodePortRange. */
export const SERVICE_NODE_PORT_OUT_OF_RANGE: CodeInfo = {
  code: 'service-node-port-out-of-range',
  category: 'cross-resource',
  severity: 'error',
  title:
    "A nodePort outside the cluster file's nodePortRange (the default range is checked by service-node-port-range).",
  example: '# cluster: nodePortRange: 31000-31999\nports:\n  - port: 80\n    nodePort: 30000',
};

/** The service CIDR or the node port range has no free value left. */
export const SERVICE_ALLOCATION_FAILED: CodeInfo = {
  code: 'service-allocation-failed',
  category: 'cross-resource',
  severity: 'error',
  title:
    'The service CIDR or the node port range is full, so the Service gets no ClusterIP or nodePort.',
  example: '# cluster: serviceCIDR: 10.96.0.0/30 and three Services',
};

/** A named targetPort that no selected pod declares. */
export const SERVICE_TARGET_PORT_UNRESOLVED: CodeInfo = {
  code: 'service-target-port-unresolved',
  category: 'cross-resource',
  severity: 'warning',
  title:
    "A named targetPort that none of the selected pods' containers declares, so the port has no endpoints.",
  example: 'ports:\n  - port: 80\n    targetPort: http   # the containers name their port "web"',
};

/** A selector no pod's labels satisfy. */
export const SERVICE_SELECTOR_MATCHES_NOTHING: CodeInfo = {
  code: 'service-selector-matches-nothing',
  category: 'cross-resource',
  severity: 'warning',
  title: 'The Service selects labels that no pod of its namespace has, so it has no endpoints.',
  example: 'selector:\n  app: np-pods   # no pod template is labelled app: np-pods',
};

/** The selected pods exist but none runs. */
export const SERVICE_NO_ENDPOINTS: CodeInfo = {
  code: 'service-no-endpoints',
  category: 'cross-resource',
  severity: 'warning',
  title: 'The Service selects pods, but none of them is Running, so it has no endpoints.',
  example: 'selector:\n  app: web   # every app: web pod is Pending (Insufficient cpu)',
};

/** An Ingress whose class no controller of the cluster serves. */
export const INGRESS_CLASS_NOT_FOUND: CodeInfo = {
  code: 'ingress-class-not-found',
  category: 'cross-resource',
  severity: 'warning',
  title:
    'The Ingress names an IngressClass that no controller of the cluster serves (or none, and there is no default), so it routes nothing.',
  example: 'spec:\n  ingressClassName: traefik   # the cluster has only nginx',
};

/** An Ingress backend naming a Service that the scope does not define. */
export const INGRESS_BACKEND_SERVICE_NOT_FOUND: CodeInfo = {
  code: 'ingress-backend-service-not-found',
  category: 'cross-resource',
  severity: 'warning',
  title:
    "An Ingress backend names a Service that is not defined in the Ingress's namespace; the controller answers 503.",
  example: 'backend:\n  service:\n    name: test   # no Service test',
};

/** An Ingress backend naming a port the Service does not have. */
export const INGRESS_BACKEND_PORT_NOT_FOUND: CodeInfo = {
  code: 'ingress-backend-port-not-found',
  category: 'cross-resource',
  severity: 'warning',
  title: 'An Ingress backend names a port number or name that its Service does not have.',
  example: 'service:\n  name: shop-api\n  port:\n    number: 80   # the Service listens on 8080',
};

/** Two Ingresses of one controller claim the same host, path and pathType. */
export const INGRESS_PATH_CONFLICT: CodeInfo = {
  code: 'ingress-path-conflict',
  category: 'cross-resource',
  severity: 'warning',
  title:
    'Another Ingress already routes the same host, path and pathType; the controller keeps the first and ignores this one.',
  example: '# a.yaml and b.yaml both route\nhost: shop.example.com\npath: /\npathType: Prefix',
};

/** Every code of the Service and Ingress simulation, for the code registry. */
export const NETWORKING_CODES: readonly CodeInfo[] = [
  SERVICE_CLUSTER_IP_OUT_OF_RANGE,
  SERVICE_CLUSTER_IP_CONFLICT,
  SERVICE_NODE_PORT_CONFLICT,
  SERVICE_NODE_PORT_OUT_OF_RANGE,
  SERVICE_ALLOCATION_FAILED,
  SERVICE_TARGET_PORT_UNRESOLVED,
  SERVICE_SELECTOR_MATCHES_NOTHING,
  SERVICE_NO_ENDPOINTS,
  INGRESS_CLASS_NOT_FOUND,
  INGRESS_BACKEND_SERVICE_NOT_FOUND,
  INGRESS_BACKEND_PORT_NOT_FOUND,
  INGRESS_PATH_CONFLICT,
];
