import Ajv, { type ErrorObject, type KeywordDefinition, type ValidateFunction } from 'ajv';
import { isValidQuantity } from '../quantity/parse-quantity';
import type { SchemaBundle } from './schema-bundle';

/** The list-uniqueness keywords of the bundle: an error, or only an API-server warning. */
export const UNIQUE_KEYWORDS = ['x-unique-by', 'x-unique-by-warning'] as const;

/**
 * A keyword that reports list items sharing their key values (two containers
 * named `web`, two Service ports 80/TCP), as the API server does.
 */
function uniqueByKeyword(keyword: string): KeywordDefinition {
  return {
    keyword,
    type: 'array',
    schemaType: 'array',
    errors: true,
    validate: function validateUnique(
      keys: string[],
      data: unknown[],
      _parentSchema?: unknown,
      dataContext?: { instancePath: string },
    ): boolean {
      // ajv does not prefix errors of `validate` keywords with the data's path.
      const base = dataContext?.instancePath ?? '';
      const seen = new Map<string, number>();
      const errors: ErrorObject[] = [];
      data.forEach((item, index) => {
        if (typeof item !== 'object' || item === null || Array.isArray(item)) return;
        const record = item as Record<string, unknown>;
        // Defaults the API server applies before comparing (protocol: TCP).
        const parts = keys.map((key) =>
          key === 'protocol' && record[key] === undefined ? 'TCP' : record[key],
        );
        if (parts[0] === undefined) return;
        const identity = JSON.stringify(parts);
        const first = seen.get(identity);
        if (first === undefined) {
          seen.set(identity, index);
          return;
        }
        errors.push({
          keyword,
          instancePath: `${base}/${index}`,
          schemaPath: '',
          params: { keys, first, duplicate: index },
        });
      });
      (validateUnique as unknown as { errors: ErrorObject[] }).errors = errors;
      return errors.length === 0;
    },
  };
}

/** The id under which the bundle's definitions are registered with ajv. */
const BUNDLE_ID = 'k8s';

/** A raw validation error, path already decoded. */
export type SchemaError = ErrorObject;

/**
 * Compiles one ajv validator per kind on first use, from the generated bundle.
 * The uniqueness keywords are real keywords: duplicates are reported as the
 * API server reports them.
 */
export class SchemaValidator {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(bundle: SchemaBundle) {
    this.ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateSchema: false,
      verbose: false,
      addUsedSchema: false,
    });
    this.ajv.addFormat('quantity', { type: 'string', validate: isValidQuantity });
    for (const format of collectFormats(bundle)) {
      if (format !== 'quantity') this.ajv.addFormat(format, true);
    }
    for (const keyword of UNIQUE_KEYWORDS) this.ajv.addKeyword(uniqueByKeyword(keyword));
    this.ajv.addSchema({ $id: BUNDLE_ID, definitions: bundle.definitions });
  }

  /** Validates a value against a definition; compiles the validator on first use. */
  validate(definition: string, value: unknown): SchemaError[] {
    let validator = this.validators.get(definition);
    if (!validator) {
      validator = this.ajv.compile({ $ref: `${BUNDLE_ID}#/definitions/${definition}` });
      this.validators.set(definition, validator);
    }
    return validator(value) ? [] : [...(validator.errors ?? [])];
  }
}

function collectFormats(bundle: SchemaBundle): Set<string> {
  const formats = new Set<string>();
  const visit = (schema: unknown): void => {
    if (typeof schema !== 'object' || schema === null) return;
    const record = schema as Record<string, unknown>;
    if (typeof record.format === 'string') formats.add(record.format);
    for (const value of Object.values(record)) visit(value);
  };
  visit(bundle.definitions);
  return formats;
}
