import { isJsonObject, type JsonPath } from '../../model/json';
import type { Manifest } from '../../model/manifest';
import { decodeBase64, decodeBase64Bytes, decodeUtf8 } from '../../validation/base64';
import { utf8ByteLength } from '../../validation/byte-length';

/** One entry of a Secret's data as the API server validates it. */
export interface SecretEntry {
  /** Where the winning value is written (`data.x` or `stringData.x`). */
  path: JsonPath;
  /** Its length in bytes; undefined when `data` holds invalid base64 or a non-string. */
  bytes: number | undefined;
  /** Its content as text, decoded lazily. */
  text(): string | undefined;
}

/**
 * A Secret's `data` after the v1 → internal conversion merges `stringData`
 * into it (stringData wins), which is what ValidateSecret
 * (pkg/apis/core/validation/validation.go) sees. Null values count as empty.
 */
export function mergedSecretData(manifest: Manifest): Map<string, SecretEntry> {
  const entries = new Map<string, SecretEntry>();
  const data = manifest.body.data;
  if (isJsonObject(data)) {
    for (const [key, value] of Object.entries(data)) {
      const text = value === null ? '' : typeof value === 'string' ? value : undefined;
      const decoded = text === undefined ? undefined : decodeBase64(text);
      entries.set(key, {
        path: ['data', key],
        bytes: decoded?.ok ? decoded.bytes : undefined,
        text: () => {
          if (text === undefined) return undefined;
          const bytes = decodeBase64Bytes(text);
          return bytes ? decodeUtf8(bytes) : undefined;
        },
      });
    }
  }
  const stringData = manifest.body.stringData;
  if (isJsonObject(stringData)) {
    for (const [key, value] of Object.entries(stringData)) {
      const text = value === null ? '' : typeof value === 'string' ? value : undefined;
      entries.set(key, {
        path: ['stringData', key],
        bytes: text === undefined ? undefined : utf8ByteLength(text),
        text: () => text,
      });
    }
  }
  return entries;
}
