/**
 * Which IngressClasses exist and which controller serves an Ingress.
 *
 * - The cluster's classes stand for the controllers installed in it. An
 *   IngressClass in the manifests with the name of a cluster class replaces
 *   it (as `kubectl apply` would); one with a new name is added.
 * - A class is served when a controller of the cluster claims its
 *   `spec.controller` (a class whose controller is not installed routes
 *   nothing).
 * - An Ingress's class: `spec.ingressClassName`, else the deprecated
 *   `kubernetes.io/ingress.class` annotation, else the default class that the
 *   DefaultIngressClass admission plugin writes
 *   (plugin/pkg/admission/network/defaultingressclass: the classes annotated
 *   `ingressclass.kubernetes.io/is-default-class: "true"`, the newest first,
 *   then by name; the manifests' classes are newer than the cluster's).
 */
import { isJsonObject } from '../../model/json';
import type { Cluster } from '../report';
import type { SimObject } from '../model/sim-object';
import type { IngressView } from './ingress-view';
import { INGRESS_CLASS_ANNOTATION } from './ingress-view';
import type { JsonPath } from '../../model/json';

const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** An IngressClass of the cluster or of the manifests. */
export interface IngressClassEntry {
  name: string;
  controller: string;
  default: boolean;
  /** True when the class comes from the manifests. */
  fromManifests: boolean;
}

/** The classes in effect and the controllers installed in the cluster. */
export interface IngressClassTable {
  classes: IngressClassEntry[];
  /** Controllers of the cluster's own classes: the ones that run. */
  controllers: Set<string>;
  /** The class an Ingress without one gets, if any. */
  defaultClass?: IngressClassEntry;
}

/** How an Ingress's class resolves. */
export interface IngressClassResolution {
  /** The class name, when one is set or defaulted. */
  name?: string;
  /** Where it is written (undefined when it comes from the default class). */
  path?: JsonPath;
  /** True when a controller of the cluster serves it. */
  served: boolean;
  /** Why it is not served (a sentence fragment), when it is not. */
  problem?: string;
}

function byName(a: IngressClassEntry, b: IngressClassEntry): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The IngressClasses of the cluster with those of the manifests applied over them. */
export function ingressClassTable(
  objects: readonly SimObject[],
  cluster: Cluster,
): IngressClassTable {
  const classes = new Map<string, IngressClassEntry>();
  const controllers = new Set<string>();
  for (const entry of cluster.ingressClasses) {
    classes.set(entry.name, { ...entry, fromManifests: false });
    controllers.add(entry.controller);
  }
  const fromManifests: IngressClassEntry[] = [];
  for (const object of objects) {
    const { manifest } = object;
    if (manifest.kind !== 'IngressClass' || manifest.gvk.group !== 'networking.k8s.io') continue;
    if (manifest.name === undefined) continue;
    const spec = isJsonObject(manifest.body.spec) ? manifest.body.spec : {};
    const metadata = isJsonObject(manifest.body.metadata) ? manifest.body.metadata : {};
    const annotations = isJsonObject(metadata.annotations) ? metadata.annotations : {};
    fromManifests.push({
      name: manifest.name,
      controller: typeof spec.controller === 'string' ? spec.controller : '',
      default: annotations[DEFAULT_CLASS_ANNOTATION] === 'true',
      fromManifests: true,
    });
  }
  for (const entry of fromManifests.sort(byName)) classes.set(entry.name, entry);
  const all = [...classes.values()].sort(byName);
  const defaults = all.filter((entry) => entry.default);
  const table: IngressClassTable = { classes: all, controllers };
  const chosen = defaults.find((entry) => entry.fromManifests) ?? defaults[0];
  if (chosen) table.defaultClass = chosen;
  return table;
}

/** Resolves the class of an Ingress and whether a controller serves it. */
export function resolveIngressClass(
  view: IngressView,
  table: IngressClassTable,
): IngressClassResolution {
  let name: string | undefined;
  let path: JsonPath | undefined;
  if (view.className !== undefined) {
    name = view.className;
    path = ['spec', 'ingressClassName'];
  } else if (view.classAnnotation !== undefined) {
    name = view.classAnnotation;
    path = ['metadata', 'annotations', INGRESS_CLASS_ANNOTATION];
  } else if (table.defaultClass) {
    name = table.defaultClass.name;
  }
  const known = table.classes.map((entry) => entry.name).join(', ') || 'none';
  if (name === undefined) {
    return {
      served: false,
      problem: `names no IngressClass and the cluster has no default class (classes: ${known})`,
    };
  }
  const resolution: IngressClassResolution = { name, served: false };
  if (path) resolution.path = path;
  const entry = table.classes.find((candidate) => candidate.name === name);
  if (!entry) {
    resolution.problem =
      name === ''
        ? 'sets an empty IngressClass name, which no class has'
        : `asks for IngressClass "${name}", but the cluster has no class of that name (classes: ${known})`;
    return resolution;
  }
  if (!table.controllers.has(entry.controller)) {
    const running = [...table.controllers].sort().join(', ') || 'none';
    resolution.problem = `asks for IngressClass "${name}", whose controller "${entry.controller}" does not run in the cluster (controllers: ${running})`;
    return resolution;
  }
  resolution.served = true;
  return resolution;
}
