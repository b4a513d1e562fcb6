import type { JsonPath } from '../../model/json';
import { podSpecPath } from '../../model/pod-template';
import { appendTo } from './append-to';
import type { SimObject } from './sim-object';

/** An object that holds a pod spec (a workload or a Pod), and the path of that spec. */
export interface PodSpecHolder {
  object: SimObject;
  specPath: JsonPath;
}

interface KindIndex {
  length: number;
  /** group → kind → objects, in list order. */
  byKind: Map<string, Map<string, SimObject[]>>;
  /** The objects that hold a pod spec, in list order (made when first asked for). */
  podSpecs?: PodSpecHolder[];
}

const indexes = new WeakMap<readonly SimObject[], KindIndex>();
const NONE: readonly SimObject[] = [];

/**
 * The index of a list of objects by kind. The stages of a simulation each look
 * for a few kinds among all the scope's objects: the list is sorted into kinds
 * once (a list is not changed while it is simulated; one of another length is
 * indexed again).
 */
function indexOf(objects: readonly SimObject[]): KindIndex {
  let index = indexes.get(objects);
  if (!index || index.length !== objects.length) {
    const byKind = new Map<string, Map<string, SimObject[]>>();
    for (const object of objects) {
      const { group, kind } = object.manifest.gvk;
      let kinds = byKind.get(group);
      if (!kinds) {
        kinds = new Map();
        byKind.set(group, kinds);
      }
      appendTo(kinds, kind, object);
    }
    index = { length: objects.length, byKind };
    indexes.set(objects, index);
  }
  return index;
}

/** The objects of one `group`/`kind`, in the order of the list. */
export function objectsOfKind(
  objects: readonly SimObject[],
  group: string,
  kind: string,
): readonly SimObject[] {
  return indexOf(objects).byKind.get(group)?.get(kind) ?? NONE;
}

/** The objects that hold a pod spec (podSpecPath), with its path, in the order of the list. */
export function podSpecHolders(objects: readonly SimObject[]): readonly PodSpecHolder[] {
  const index = indexOf(objects);
  if (!index.podSpecs) {
    const holders: PodSpecHolder[] = [];
    for (const object of objects) {
      const specPath = podSpecPath(object.manifest);
      if (specPath) holders.push({ object, specPath });
    }
    index.podSpecs = holders;
  }
  return index.podSpecs;
}
