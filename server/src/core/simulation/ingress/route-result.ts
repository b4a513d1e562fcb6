/**
 * The answer of `slipway route --json` (and the `slipway/route` request):
 * where one request goes, as the contract (simulation-report.md, "The CLI's
 * machine-readable outputs") defines it.
 */
import type { IngressPathType } from './ingress-view';

/** A pod the request may land on. */
export interface RoutePod {
  name: string;
  ip: string;
  /** The pod's port the request reaches (the resolved targetPort). */
  port: number;
}

/** Where a request goes, or why it goes nowhere. */
export interface RouteResult {
  /** The URL as given. */
  url: string;
  /** The way in: an Ingress rule, a nodePort, a ClusterIP / Service DNS name; null when nothing takes it. */
  via: 'ingress' | 'nodePort' | 'clusterIP' | null;
  /** `namespace/name` of the Ingress that routes it. */
  ingress: string | null;
  /** The winning Ingress rule; null for a defaultBackend or when no Ingress is involved. */
  rule: { host: string; path: string; pathType: IngressPathType } | null;
  /** `namespace/name` of the Service it reaches. */
  service: string | null;
  /** The Service port (`spec.ports[].port`) it reaches. */
  port: number | null;
  /** The endpoints of that Service port: the pods that may answer. */
  pods: RoutePod[];
  /** One sentence: why the request goes there, or why nowhere. */
  reason: string;
  /** The path the backend receives, when the winning Ingress has nginx.ingress.kubernetes.io/rewrite-target. */
  rewrittenPath?: string;
}
