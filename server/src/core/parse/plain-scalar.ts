import { Document, isScalar } from 'yaml';
import { YAML_PARSE_OPTIONS } from './yaml-options';

type ScalarTag = {
  default?: boolean | 'key';
  test?: RegExp;
  collection?: unknown;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
};

/** The 1.1 schema's tags and the options yaml's composer would resolve plain scalars with. */
interface PlainScalarTags {
  tags: ScalarTag[];
  /** Matches when some tag's pattern does: most plain scalars are strings, and this is one test instead of ten. */
  any: RegExp;
  options: object;
}

let cached: PlainScalarTags | undefined;
function schemaTags(): PlainScalarTags {
  if (!cached) {
    const template = new Document(null, YAML_PARSE_OPTIONS);
    const tags = (template.schema.tags as ScalarTag[]).filter(
      (tag) => tag.default === true && tag.test !== undefined && tag.collection === undefined,
    );
    const patterns = tags.map((tag) => tag.test as RegExp);
    // Flags or backreferences would change meaning inside one alternation: then test them one by one.
    const any = patterns.every((pattern) => pattern.flags === '' && !/\\[1-9]/.test(pattern.source))
      ? new RegExp(patterns.map((pattern) => `(?:${pattern.source})`).join('|'))
      : /[^]?/;
    cached = { tags, any, options: template.options };
  }
  return cached;
}

/**
 * The value of a one-line plain scalar written `source`, as yaml's composer
 * resolves it: the first default tag of the 1.1 schema whose pattern matches
 * (yaml's findScalarTagByTest), else the string itself. `onError` gets what the
 * tag reports (it may throw to give up).
 */
export function resolvePlainScalar(source: string, onError: (message: string) => void): unknown {
  const { tags, any, options } = schemaTags();
  const tag = any.test(source) ? tags.find((candidate) => candidate.test?.test(source)) : undefined;
  if (!tag) return source;
  const result = tag.resolve(source, onError, options);
  return isScalar(result) ? result.value : result;
}
