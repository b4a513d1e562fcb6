/**
 * An Ingress (networking.k8s.io/v1) as the simulation reads it: its class
 * request, the ingress-nginx annotations that change routing, and every
 * HTTP path with its Service backend. Entries of the wrong shape are
 * skipped: the schema checks and the networking rules report them.
 */
import { isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import { keyOf, namespaceOf, type SimObject } from '../model/sim-object';

/** pathType values; anything else is read as ImplementationSpecific (the v1beta1 default). */
export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** The deprecated class annotation, still honoured by controllers. */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** ingress-nginx: the path the backend receives (docs: examples/rewrite). */
export const REWRITE_TARGET_ANNOTATION = 'nginx.ingress.kubernetes.io/rewrite-target';
/** ingress-nginx: the paths are regular expressions (docs: user-guide/ingress-path-matching). */
export const USE_REGEX_ANNOTATION = 'nginx.ingress.kubernetes.io/use-regex';

/** A Service backend: `service.name` and `service.port.number` or `.name`. */
export interface IngressBackendView {
  service: string;
  port: number | string;
  /** Where the backend is (`spec.defaultBackend` or `spec.rules[i].http.paths[j].backend`). */
  at: JsonPath;
  /** The path of the port's number or name, for ranges. */
  portPath: JsonPath;
}

/** One HTTP path of one rule. */
export interface IngressPathView {
  /** The rule's host; undefined for a rule without one (every host). */
  host?: string;
  path: string;
  pathType: IngressPathType;
  backend: IngressBackendView;
  /** `spec.rules[i].http.paths[j]`. */
  at: JsonPath;
}

/** An Ingress of the scope, read once. */
export interface IngressView {
  object: SimObject;
  namespace: string;
  name: string;
  key: string;
  /** spec.ingressClassName when it is a string (even empty). */
  className?: string;
  /** The kubernetes.io/ingress.class annotation when it is a string. */
  classAnnotation?: string;
  rewriteTarget?: string;
  useRegex: boolean;
  paths: IngressPathView[];
  /** True when spec.rules lists at least one rule. */
  hasRules: boolean;
  defaultBackend?: IngressBackendView;
}

function readBackend(backend: unknown, at: JsonPath): IngressBackendView | undefined {
  if (!isJsonObject(backend) || !isJsonObject(backend.service)) return undefined;
  const service = backend.service;
  if (typeof service.name !== 'string' || service.name === '') return undefined;
  const port = isJsonObject(service.port) ? service.port : {};
  const portAt: JsonPath = [...at, 'service', 'port'];
  if (typeof port.number === 'number' && Number.isInteger(port.number)) {
    return { service: service.name, port: port.number, at, portPath: [...portAt, 'number'] };
  }
  if (typeof port.name === 'string' && port.name !== '') {
    return { service: service.name, port: port.name, at, portPath: [...portAt, 'name'] };
  }
  return undefined;
}

function readPathType(value: unknown): IngressPathType {
  return value === 'Exact' || value === 'Prefix' ? value : 'ImplementationSpecific';
}

function readPaths(spec: JsonObject): IngressPathView[] {
  if (!Array.isArray(spec.rules)) return [];
  const out: IngressPathView[] = [];
  spec.rules.forEach((rule, i) => {
    if (!isJsonObject(rule) || !isJsonObject(rule.http) || !Array.isArray(rule.http.paths)) return;
    const host =
      typeof rule.host === 'string' && rule.host !== '' ? rule.host.toLowerCase() : undefined;
    rule.http.paths.forEach((entry, j) => {
      if (!isJsonObject(entry)) return;
      const at: JsonPath = ['spec', 'rules', i, 'http', 'paths', j];
      // A path that is not a Service backend (a resource backend) is not routed to a Service.
      const backend = readBackend(entry.backend, [...at, 'backend']);
      if (!backend) return;
      const path = typeof entry.path === 'string' && entry.path !== '' ? entry.path : '/';
      const view: IngressPathView = { path, pathType: readPathType(entry.pathType), backend, at };
      if (host !== undefined) view.host = host;
      out.push(view);
    });
  });
  return out;
}

/** Reads an Ingress object; undefined when it is not a networking.k8s.io Ingress with a name. */
export function readIngress(object: SimObject): IngressView | undefined {
  const { manifest } = object;
  if (manifest.kind !== 'Ingress' || manifest.gvk.group !== 'networking.k8s.io') return undefined;
  if (manifest.name === undefined) return undefined;
  const spec = isJsonObject(manifest.body.spec) ? manifest.body.spec : {};
  const metadata = isJsonObject(manifest.body.metadata) ? manifest.body.metadata : {};
  const annotations = isJsonObject(metadata.annotations) ? metadata.annotations : {};
  const namespace = namespaceOf(object);
  const view: IngressView = {
    object,
    namespace,
    name: manifest.name,
    key: keyOf(namespace, manifest.name),
    useRegex: annotations[USE_REGEX_ANNOTATION] === 'true',
    paths: readPaths(spec),
    hasRules: Array.isArray(spec.rules) && spec.rules.length > 0,
  };
  if (typeof spec.ingressClassName === 'string') view.className = spec.ingressClassName;
  const classAnnotation = annotations[INGRESS_CLASS_ANNOTATION];
  if (typeof classAnnotation === 'string') view.classAnnotation = classAnnotation;
  const rewrite = annotations[REWRITE_TARGET_ANNOTATION];
  if (typeof rewrite === 'string' && rewrite !== '') view.rewriteTarget = rewrite;
  const fallback = readBackend(spec.defaultBackend, ['spec', 'defaultBackend']);
  if (fallback) view.defaultBackend = fallback;
  return view;
}

/** Orders Ingresses by namespace, name, then file and line. */
export function compareIngressViews(a: IngressView, b: IngressView): number {
  const text = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.namespace, b.namespace) ||
    text(a.name, b.name) ||
    text(a.object.uri, b.object.uri) ||
    a.object.lineOffset - b.object.lineOffset
  );
}
