/**
 * Walks an Ingress the way pkg/apis/networking/validation ValidateIngressSpec
 * does: the default backend, then each rule's HTTP paths and their backends.
 */
import { getAt, isJsonObject, type JsonObject, type JsonPath } from '../../model/json';
import type { Manifest } from '../../model/manifest';

/** One HTTP path of a rule, with its location. */
export interface IngressHttpPath {
  path: JsonObject;
  at: JsonPath;
}

/** One backend (the default backend or a path's), with its location. */
export interface IngressBackendRef {
  backend: JsonObject;
  at: JsonPath;
}

/** Every object in spec.rules[*].http.paths. */
export function ingressHttpPaths(manifest: Manifest): IngressHttpPath[] {
  const rules = getAt(manifest.body, ['spec', 'rules']);
  if (!Array.isArray(rules)) return [];
  const out: IngressHttpPath[] = [];
  rules.forEach((rule, i) => {
    const paths = getAt(rule, ['http', 'paths']);
    if (!Array.isArray(paths)) return;
    paths.forEach((path, j) => {
      if (isJsonObject(path)) out.push({ path, at: ['spec', 'rules', i, 'http', 'paths', j] });
    });
  });
  return out;
}

/** spec.defaultBackend and every path's backend that is an object. */
export function ingressBackends(manifest: Manifest): IngressBackendRef[] {
  const out: IngressBackendRef[] = [];
  const fallback = getAt(manifest.body, ['spec', 'defaultBackend']);
  if (isJsonObject(fallback)) out.push({ backend: fallback, at: ['spec', 'defaultBackend'] });
  for (const { path, at } of ingressHttpPaths(manifest)) {
    if (isJsonObject(path.backend)) out.push({ backend: path.backend, at: [...at, 'backend'] });
  }
  return out;
}
