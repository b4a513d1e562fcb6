import type { ErrorObject } from 'ajv';
import { isValidQuantity } from '../quantity/parse-quantity';

/**
 * What generated validator code calls at run time: the `x-unique-by`
 * check and the `quantity` format. Validators compiled in the process and
 * validators precompiled at build time (scripts/gen-validators.ts) call the
 * same functions, so both report the same errors.
 */

/** The module specifier precompiled code `require`s this module by; the bundler maps it here. */
export const VALIDATOR_RUNTIME_MODULE = 'slipway-validator-runtime';

/** The formats with a check; every other format of the bundle is accepted as written. */
export const SCHEMA_FORMATS = {
  quantity: { type: 'string' as const, validate: isValidQuantity },
};

/**
 * The errors of a list-uniqueness keyword (`x-unique-by`): list items sharing
 * their key values (two containers named `web`, two Service ports 80/TCP),
 * as the API server reports them; `null` when there are none.
 */
export function uniqueByErrors(
  data: readonly unknown[],
  keys: readonly string[],
  keyword: string,
  instancePath: string,
  schemaPath: string,
): ErrorObject[] | null {
  let seen: Map<string, number> | undefined;
  let errors: ErrorObject[] | null = null;
  for (let index = 0; index < data.length; index++) {
    const item = data[index];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const record = item as Record<string, unknown>;
    // Defaults the API server applies before comparing (protocol: TCP).
    const parts = keys.map((key) =>
      key === 'protocol' && record[key] === undefined ? 'TCP' : record[key],
    );
    if (parts[0] === undefined) continue;
    const identity = JSON.stringify(parts);
    seen ??= new Map();
    const first = seen.get(identity);
    if (first === undefined) {
      seen.set(identity, index);
      continue;
    }
    (errors ??= []).push({
      keyword,
      instancePath: `${instancePath}/${index}`,
      schemaPath,
      params: { keys, first, duplicate: index },
    });
  }
  return errors;
}
