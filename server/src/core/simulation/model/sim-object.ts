import type { JsonPath } from '../../model/json';
import type { Manifest } from '../../model/manifest';
import { shiftRange, type Range } from '../../text/range';
import type { SourceRef } from '../report';

/** A manifest of the scope being simulated, with the file it came from. */
export interface SimObject {
  manifest: Manifest;
  uri: string;
  /** The file line the manifest's document starts on (its ranges are relative to it). */
  lineOffset: number;
}

/** The object's namespace, defaulted as the API server defaults it. */
export function namespaceOf(object: SimObject): string {
  return object.manifest.namespace ?? 'default';
}

/** `namespace/name`, the key objects are looked up by. */
export function keyOf(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/** The range of a path in the object's file (the key, or a scalar value). */
export function rangeOf(object: SimObject, path: JsonPath, target: 'key' | 'value' = 'key'): Range {
  return shiftRange(object.manifest.locate(path, target), object.lineOffset);
}

/** The object's whole document as a report source. */
export function sourceOf(object: SimObject): SourceRef {
  return { uri: object.uri, range: shiftRange(object.manifest.documentRange, object.lineOffset) };
}

/** A report source for a path inside the object (a pod template, a port). */
export function sourceAt(
  object: SimObject,
  path: JsonPath,
  target: 'key' | 'value' = 'key',
): SourceRef {
  return { uri: object.uri, range: rangeOf(object, path, target) };
}
