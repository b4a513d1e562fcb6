// Follows k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateAnnotationsSize:
// the keys and values of one object's annotations may total at most 256 KiB.
import type { CodeInfo } from '../../diagnostics/code-info';
import { formatPath, getAt, isJsonObject } from '../../model/json';
import type { Rule } from '../rule';
import { annotationMapPaths } from './label-paths';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

const ANNOTATIONS_TOO_LARGE: CodeInfo = {
  code: 'annotations-too-large',
  category: 'api-server',
  severity: 'error',
  title: "An object's annotations (keys plus values) exceed 262144 bytes.",
  example: 'annotations:\n  big: "<300 KiB of text>"',
};

/** Bytes of a string in UTF-8, as Go's len(string) counts them. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The total size of an annotation map stays within 256 KiB. */
export const annotationsTooLarge: Rule = {
  codes: [ANNOTATIONS_TOO_LARGE],
  kinds: '*',
  check(context) {
    const { manifest } = context;
    for (const mapPath of annotationMapPaths(manifest)) {
      const annotations = getAt(manifest.body, mapPath);
      if (!isJsonObject(annotations)) continue;
      let total = 0;
      for (const [key, value] of Object.entries(annotations)) {
        total += utf8Length(key) + (typeof value === 'string' ? utf8Length(value) : 0);
      }
      if (total <= TOTAL_ANNOTATION_SIZE_LIMIT) continue;
      context.report({
        code: ANNOTATIONS_TOO_LARGE,
        path: mapPath,
        message: `${formatPath(mapPath)}: Too long: may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT} bytes (these annotations total ${total} bytes of keys and values)`,
      });
    }
  },
};
