import { closest, distance } from 'fastest-levenshtein';
import { CORE_CODES } from '../diagnostics/core-codes';
import type { CodeInfo } from '../diagnostics/code-info';
import type { Finding } from '../diagnostics/finding';
import { describeType, formatPath, getAt, type JsonPath } from '../model/json';
import type { Manifest } from '../model/manifest';
import type { SchemaError } from './schema-validator';

/** Words YAML 1.1 reads as booleans: the API server sees `true`/`false`, not the text. */
const YAML11_BOOLEAN_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

/** Decodes ajv's JSON-pointer instancePath into a path, with numbers for array indexes. */
export function decodeInstancePath(body: unknown, pointer: string): JsonPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let current: unknown = body;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = getAt(current, [segment]);
    }
  }
  return path;
}

function suggest(word: string, candidates: string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, candidates);
  const limit = Math.max(2, Math.floor(word.length / 3));
  return distance(best.toLowerCase(), word.toLowerCase()) <= limit ? best : undefined;
}

function where(path: JsonPath): string {
  return path.length === 0 ? 'at the top level' : `in ${formatPath(path)}`;
}

function quoteValue(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function finding(info: CodeInfo, message: string, range: Finding['range']): Finding {
  return { code: info.code, severity: info.severity, message, range };
}

/**
 * Turns ajv errors for one manifest into findings: one per root cause, on the
 * exact key or value, with a message a person can act on. `allowedProperties`
 * lists the keys the schema allows at a path (for "did you mean").
 */
export function schemaErrorsToFindings(
  manifest: Manifest,
  errors: SchemaError[],
  allowedProperties: (path: JsonPath) => string[],
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // A typo of a required field is one mistake: "unknown contaner" + "missing containers".
  const missingByPath = new Map<string, Set<string>>();
  for (const error of errors) {
    if (error.keyword === 'required') {
      const key = error.instancePath;
      const set = missingByPath.get(key) ?? new Set<string>();
      set.add(String((error.params as { missingProperty: string }).missingProperty));
      missingByPath.set(key, set);
    }
  }
  const explainedMissing = new Set<string>();

  for (const error of errors) {
    const path = decodeInstancePath(manifest.body, error.instancePath);
    const identity = `${error.keyword}|${error.instancePath}|${JSON.stringify(error.params)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);

    switch (error.keyword) {
      case 'additionalProperties': {
        const field = String((error.params as { additionalProperty: string }).additionalProperty);
        const allowed = allowedProperties(path);
        const missing = missingByPath.get(error.instancePath);
        const guess = suggest(field, allowed);
        let message = `unknown field "${field}" ${where(path)}`;
        if (guess) {
          message += `; did you mean "${guess}"?`;
          if (missing?.has(guess)) {
            explainedMissing.add(`${error.instancePath}|${guess}`);
            message += ` ("${guess}" is required)`;
          }
        }
        findings.push(
          finding(CORE_CODES.unknownField, message, manifest.locate([...path, field], 'key')),
        );
        break;
      }
      case 'required':
        // handled after the loop, once typos have claimed their missing fields
        break;
      case 'type': {
        const value = getAt(manifest.body, path);
        const expected = String((error.params as { type: string | string[] }).type)
          .split(',')
          .join(' or ');
        let message = `${formatPath(path)}: expected ${expected}, got ${describeType(value)}`;
        if (value !== null && typeof value !== 'object') message += ` ${quoteValue(value)}`;
        const source = manifest.scalarSource(path);
        if (expected.includes('string') && source !== undefined && typeof value !== 'string') {
          const why =
            typeof value === 'boolean' && YAML11_BOOLEAN_WORDS.test(source)
              ? ` (YAML 1.1 reads ${source} as a boolean)`
              : typeof value === 'number' && /^[-+]?0[0-7]+$/.test(source)
                ? ` (YAML 1.1 reads ${source} as an octal number)`
                : '';
          message += `${why}; quote it: "${source}"`;
        }
        findings.push(finding(CORE_CODES.wrongType, message, manifest.locate(path, 'value')));
        break;
      }
      case 'enum': {
        const value = getAt(manifest.body, path);
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const shown = allowed.filter((v) => v !== '').map((v) => `"${v}"`);
        let message = `${formatPath(path)}: unsupported value ${quoteValue(value)}; supported values: ${shown.join(', ')}`;
        if (typeof value === 'string') {
          const caseMatch = allowed.find((v) => v.toLowerCase() === value.toLowerCase());
          const guess =
            caseMatch ??
            suggest(
              value,
              allowed.filter((v) => v !== ''),
            );
          if (guess) message += `; did you mean "${guess}"?`;
        }
        findings.push(
          finding(CORE_CODES.unsupportedValue, message, manifest.locate(path, 'value')),
        );
        break;
      }
      case 'format': {
        const value = getAt(manifest.body, path);
        const format = String((error.params as { format: string }).format);
        const message =
          format === 'quantity'
            ? `${formatPath(path)}: ${quoteValue(value)} is not a valid quantity; write a number with an optional suffix, such as 500m, 1.5, 128Mi, 2Gi or 1e3`
            : `${formatPath(path)}: ${quoteValue(value)} is not a valid ${format}`;
        const info = format === 'quantity' ? CORE_CODES.invalidQuantity : CORE_CODES.wrongType;
        findings.push(finding(info, message, manifest.locate(path, 'value')));
        break;
      }
      case 'x-unique-by':
      case 'x-unique-by-warning': {
        const params = error.params as { keys: string[]; first: number; duplicate: number };
        const listPath = path.slice(0, -1);
        const item = getAt(manifest.body, path) as Record<string, unknown> | undefined;
        const identity = params.keys
          .map(
            (key) => `${key}=${JSON.stringify(item?.[key] ?? (key === 'protocol' ? 'TCP' : ''))}`,
          )
          .join(', ');
        const warningOnly = error.keyword === 'x-unique-by-warning';
        const message = warningOnly
          ? `${formatPath(path)}: duplicate definition (${identity} is already defined by item ${params.first}); the API server accepts it with a warning, and the later entry ${listPath.at(-1) === 'env' ? 'hides the earlier one' : 'is redundant'}`
          : `${formatPath(path)}: duplicate entry in ${formatPath(listPath)} (${identity} is already used by item ${params.first}); ${params.keys.join(' + ')} must be unique`;
        const firstKey = params.keys[0] ?? 'name';
        const range = manifest.locate([...path, firstKey], 'value');
        findings.push(
          warningOnly
            ? { ...finding(CORE_CODES.duplicateListKey, message, range), severity: 'warning' }
            : finding(CORE_CODES.duplicateListKey, message, range),
        );
        break;
      }
      default: {
        findings.push(
          finding(
            CORE_CODES.wrongType,
            `${formatPath(path)}: ${error.message ?? 'is not valid'}`,
            manifest.locate(path, 'value'),
          ),
        );
      }
    }
  }

  for (const [pointer, fields] of missingByPath) {
    const path = decodeInstancePath(manifest.body, pointer);
    for (const field of fields) {
      if (explainedMissing.has(`${pointer}|${field}`)) continue;
      const message = `missing required field "${field}" ${where(path)}`;
      const range =
        path.length === 0 ? manifest.locate(['kind'], 'key') : manifest.locate(path, 'key');
      findings.push(finding(CORE_CODES.requiredField, message, range));
    }
  }
  return findings;
}
