import { closest, distance } from 'fastest-levenshtein';
import { parseApiVersion } from '../model/manifest';
import { findRemovedApi, type RemovedApi } from './removed-apis';
import type { SchemaBundle } from './schema-bundle';

/** What the catalog knows about an apiVersion + kind. */
export type KindLookup =
  | { status: 'known'; definition: string }
  | { status: 'removed'; removed: RemovedApi; replacementKnown: boolean }
  | { status: 'unknown'; suggestion: string | undefined; knownVersions: string[] }
  | { status: 'custom' };

/**
 * The built-in kinds of the bundle, looked up by apiVersion and kind (an
 * `autoscaling/v2` HPA is not an `autoscaling/v1` one). A group the spec does
 * not serve belongs to a custom resource and is never an error.
 */
export class KindCatalog {
  private readonly groups = new Set<string>();
  private readonly kindsByGroup = new Map<string, string[]>();

  constructor(private readonly bundle: SchemaBundle) {
    for (const key of Object.keys(bundle.kinds)) {
      const slash = key.lastIndexOf('/');
      const { group } = parseApiVersion(key.slice(0, slash));
      this.groups.add(group);
      const list = this.kindsByGroup.get(group) ?? [];
      list.push(key);
      this.kindsByGroup.set(group, list);
    }
    // Groups that only removed versions served are still built-in.
    for (const group of ['extensions']) this.groups.add(group);
  }

  /** Every `apiVersion/kind` the spec serves. */
  allKinds(): string[] {
    return Object.keys(this.bundle.kinds);
  }

  isBuiltInGroup(group: string): boolean {
    return this.groups.has(group);
  }

  lookup(apiVersion: string, kind: string): KindLookup {
    const definition = this.bundle.kinds[`${apiVersion}/${kind}`];
    if (definition) return { status: 'known', definition };
    const { group } = parseApiVersion(apiVersion);
    const removed = findRemovedApi(apiVersion, kind);
    if (removed) {
      const replacementKnown =
        removed.replacement !== undefined &&
        this.bundle.kinds[`${removed.replacement}/${kind}`] !== undefined;
      return { status: 'removed', removed, replacementKnown };
    }
    if (!this.groups.has(group)) return { status: 'custom' };
    const candidates = this.kindsByGroup.get(group) ?? [];
    const knownVersions = candidates
      .filter((key) => key.endsWith(`/${kind}`))
      .map((key) => key.slice(0, key.lastIndexOf('/')));
    const kindNames = [...new Set(candidates.map((key) => key.slice(key.lastIndexOf('/') + 1)))];
    let suggestion: string | undefined;
    if (knownVersions.length === 0 && kindNames.length > 0) {
      const best = closest(kind, kindNames);
      if (
        distance(best.toLowerCase(), kind.toLowerCase()) <= Math.max(2, Math.floor(kind.length / 3))
      ) {
        suggestion = best;
      }
    }
    return { status: 'unknown', suggestion, knownVersions };
  }
}
