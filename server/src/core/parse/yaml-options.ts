import type { DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from 'yaml';

type TagList = Parameters<Extract<SchemaOptions['customTags'], (...args: never[]) => unknown>>[0];

/** Timestamps and sexagesimal numbers: YAML 1.1 types that goyaml.v2 leaves as strings. */
function isDroppedTag(tag: TagList[number]): boolean {
  if (typeof tag === 'string')
    return tag === 'timestamp' || tag === 'intTime' || tag === 'floatTime';
  return tag.tag === 'tag:yaml.org,2002:timestamp' || ('format' in tag && tag.format === 'TIME');
}

/**
 * YAML as the API server reads it: sigs.k8s.io/yaml decodes YAML 1.1
 * (`0644` is octal, `yes`/`on` are booleans), but timestamps and
 * sexagesimal numbers (`1:20`) stay strings, as goyaml.v2 leaves them
 * when decoding into JSON.
 */
export const YAML_PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  uniqueKeys: true,
  prettyErrors: false,
  customTags: (tags) => tags.filter((tag) => !isDroppedTag(tag)),
};

/** Alias expansion limit: a billion-laughs document fails fast instead of filling memory. */
export const YAML_TO_JS_OPTIONS: ToJSOptions = { maxAliasCount: 1000 };
