/** What a Service `spec.type` does, for people deciding between them. */
export interface ServiceTypeExplanation {
  /** What the type does (Markdown). */
  summary: string;
  /** How a connection reaches a pod, hop by hop (Markdown). */
  traffic: string;
}

/**
 * The four Service types, explained the way
 * kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types
 * does, with the path traffic takes.
 */
export const SERVICE_TYPE_EXPLANATIONS: Readonly<Record<string, ServiceTypeExplanation>> = {
  ClusterIP: {
    summary:
      'The default. The Service gets a virtual IP (its cluster IP) that is reachable only from inside the cluster. ' +
      'kube-proxy on every node forwards a connection to `port` on that IP to the `targetPort` of one of the ready pods the `selector` matches. ' +
      'With `clusterIP: None` the Service is headless: no virtual IP, and its DNS name returns the pod IPs directly.',
    traffic: 'client in the cluster → `<clusterIP>:<port>` → kube-proxy → `<podIP>:<targetPort>`',
  },
  NodePort: {
    summary:
      'Builds on ClusterIP: the Service still gets a cluster IP, and the same port (`nodePort`, from 30000–32767 by default) is also opened on every node’s IP. ' +
      'A client outside the cluster connects to any node on that port, and kube-proxy forwards the connection as if it had been sent to the cluster IP. ' +
      'Leave `nodePort` out to have one allocated.',
    traffic:
      'client → `<nodeIP>:<nodePort>` → the cluster IP (`<clusterIP>:<port>`) → `<podIP>:<targetPort>`',
  },
  LoadBalancer: {
    summary:
      'Builds on NodePort (a cluster IP plus a node port on every node) and asks the cloud provider for an external load balancer, ' +
      'whose address appears in `status.loadBalancer.ingress`. Without a cloud integration or a load-balancer controller (MetalLB …) the external address stays pending ' +
      'and the Service works as a NodePort Service.',
    traffic:
      'client → load balancer `<external IP>:<port>` → `<nodeIP>:<nodePort>` → `<podIP>:<targetPort>`',
  },
  ExternalName: {
    summary:
      'An alias in cluster DNS: the Service’s name resolves to a CNAME record for `externalName` (for example `db.example.com`). ' +
      'There is no cluster IP, no proxying and no selector; `ports` are not used.',
    traffic:
      'client looks up `<name>.<namespace>.svc` → CNAME `<externalName>` → connects to that host directly',
  },
};

/** The explanation of a Service type, or undefined for a value that is not one. */
export function explainServiceType(type: string): ServiceTypeExplanation | undefined {
  return Object.hasOwn(SERVICE_TYPE_EXPLANATIONS, type)
    ? SERVICE_TYPE_EXPLANATIONS[type]
    : undefined;
}
