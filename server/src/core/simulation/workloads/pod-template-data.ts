/**
 * Reading a workload's pod template: its labels, spec and the claims its
 * volumes use. Values of the wrong type are skipped (the schema reports them).
 */
import {
  getAt,
  isJsonObject,
  type JsonObject,
  type JsonPath,
  type JsonValue,
} from '../../model/json';

/** A string map (`labels`), keeping string values only. */
export function readStringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isJsonObject(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') out[key] = entry;
  }
  return out;
}

/** The pod spec at `specPath`, or an empty spec. */
export function readPodSpec(body: JsonObject, specPath: JsonPath): JsonObject {
  const spec = getAt(body, specPath);
  return isJsonObject(spec) ? spec : {};
}

/** The pod labels of the template whose spec is at `specPath` (`…template.metadata.labels`). */
export function readTemplateLabels(body: JsonObject, specPath: JsonPath): Record<string, string> {
  const metadataPath =
    specPath.length === 1 ? ['metadata'] : [...specPath.slice(0, -1), 'metadata'];
  return readStringMap(getAt(body, [...metadataPath, 'labels']));
}

/** A deep copy of plain JSON data. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A non-negative integer field, or the default when absent or not a non-negative integer. */
export function readCount(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fallback;
}

/**
 * The claims a pod's volumes use: `persistentVolumeClaim.claimName`, and the
 * claim `<pod>-<volume>` the ephemeral volume controller creates for a generic
 * ephemeral volume (pkg/controller/volume/ephemeral, `ephemeral.VolumeClaimName`).
 */
export function podClaims(spec: JsonObject, podName: string): { volume: string; claim: string }[] {
  const volumes = spec.volumes;
  if (!Array.isArray(volumes)) return [];
  const out: { volume: string; claim: string }[] = [];
  for (const volume of volumes) {
    if (!isJsonObject(volume) || typeof volume.name !== 'string') continue;
    const claimName = getAt(volume, ['persistentVolumeClaim', 'claimName']);
    if (typeof claimName === 'string' && claimName !== '') {
      out.push({ volume: volume.name, claim: claimName });
    } else if (isJsonObject(getAt(volume, ['ephemeral', 'volumeClaimTemplate']))) {
      out.push({ volume: volume.name, claim: `${podName}-${volume.name}` });
    }
  }
  return out;
}
