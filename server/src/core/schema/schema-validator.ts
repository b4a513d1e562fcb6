import Ajv, {
  type CodeKeywordDefinition,
  type ErrorObject,
  type Options,
  type ValidateFunction,
} from 'ajv';
import { _, str, strConcat, stringify, type Code } from 'ajv/dist/compile/codegen';
import N from 'ajv/dist/compile/names';
import type { SchemaBundle } from './schema-bundle';
import { SCHEMA_FORMATS, uniqueByErrors, VALIDATOR_RUNTIME_MODULE } from './validator-runtime';

/** The list-uniqueness keywords of the bundle: an error, or only an API-server warning. */
export const UNIQUE_KEYWORDS = ['x-unique-by', 'x-unique-by-warning'] as const;

/** `require("slipway-validator-runtime")`: how generated code reaches validator-runtime.ts. */
const RUNTIME: Code = _`require(${VALIDATOR_RUNTIME_MODULE})`;

/**
 * A keyword that reports list items sharing their key values (two containers
 * named `web`, two Service ports 80/TCP), as the API server does. Defined by
 * code generation (not a `validate` function), so that it works in
 * standalone code precompiled at build time: the generated code calls
 * `uniqueByErrors` of validator-runtime.ts.
 */
function uniqueByKeyword(keyword: string): CodeKeywordDefinition {
  return {
    keyword,
    type: 'array',
    schemaType: 'array',
    code(cxt) {
      const { gen, data, it } = cxt;
      const schema = cxt.schema as readonly string[];
      const check = gen.scopeValue('func', {
        ref: uniqueByErrors,
        code: _`${RUNTIME}.uniqueByErrors`,
      });
      const found = gen.const(
        'duplicates',
        _`${check}(${data}, ${stringify(schema)}, ${keyword}, ${strConcat(N.instancePath, it.errorPath)}, ${str`${it.errSchemaPath}/${keyword}`})`,
      );
      gen.if(_`${found} !== null`, () => {
        gen.if(
          _`${N.vErrors} === null`,
          () => gen.assign(N.vErrors, found),
          () => gen.code(_`${N.vErrors}.push(...${found})`),
        );
        gen.assign(N.errors, _`${N.vErrors}.length`);
      });
    },
  };
}

/** The id under which the bundle's definitions are registered with ajv. */
export const BUNDLE_ID = 'k8s';

/** The schema id of a definition of the bundle, as `ajv.getSchema` takes it. */
export function definitionId(definition: string): string {
  return `${BUNDLE_ID}#/definitions/${definition}`;
}

/**
 * The ajv instance every validator is compiled with, in the process or at
 * build time (`code` carries `source: true` for standalone code there).
 */
export function createSchemaAjv(bundle: SchemaBundle, code?: Options['code']): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateSchema: false,
    verbose: false,
    addUsedSchema: false,
    ...(code ? { code } : {}),
  });
  ajv.addFormat('quantity', SCHEMA_FORMATS.quantity);
  for (const format of collectFormats(bundle)) {
    if (format !== 'quantity') ajv.addFormat(format, true);
  }
  for (const keyword of UNIQUE_KEYWORDS) ajv.addKeyword(uniqueByKeyword(keyword));
  ajv.addSchema({ $id: BUNDLE_ID, definitions: bundle.definitions });
  return ajv;
}

/** A raw validation error, path already decoded. */
export type SchemaError = ErrorObject;

/** A validator function as ajv makes it, compiled here or precompiled. */
export type SchemaValidateFunction = (data: unknown) => boolean;

/** Finds the precompiled validator of a definition, if the build made one. */
export type PrecompiledValidators = (definition: string) => SchemaValidateFunction | undefined;

/**
 * One ajv validator per kind, from the generated bundle: precompiled at build
 * time (`precompiled`) for the common kinds, compiled on first use for the
 * others. The uniqueness keywords are real keywords: duplicates are reported
 * as the API server reports them.
 */
export class SchemaValidator {
  private ajv: Ajv | undefined;
  private readonly validators = new Map<string, SchemaValidateFunction>();

  constructor(
    private readonly bundle: SchemaBundle,
    private readonly precompiled?: PrecompiledValidators,
  ) {}

  /** The validator of a definition: precompiled, or compiled now and kept. */
  private validatorFor(definition: string): SchemaValidateFunction {
    let validator = this.validators.get(definition);
    if (!validator) {
      validator = this.precompiled?.(definition) ?? this.compile(definition);
      this.validators.set(definition, validator);
    }
    return validator;
  }

  /** Compiles a definition's validator in the process. */
  compile(definition: string): ValidateFunction {
    this.ajv ??= createSchemaAjv(this.bundle);
    const validator = this.ajv.getSchema(definitionId(definition));
    if (!validator) throw new Error(`no definition ${definition} in the schema bundle`);
    return validator;
  }

  /** Validates a value against a definition. */
  validate(definition: string, value: unknown): SchemaError[] {
    const validator = this.validatorFor(definition);
    if (validator(value)) return [];
    const errors = (validator as { errors?: ErrorObject[] | null }).errors;
    return errors ? [...errors] : [];
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
