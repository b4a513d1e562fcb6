import Ajv from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import type { Finding } from '../diagnostics/finding';
import { CORE_CODES } from '../diagnostics/core-codes';
import { formatPath, isJsonObject } from '../model/json';
import { documentSourceMap } from '../parse/document-source-map';
import { decodeInstancePath } from '../schema/schema-findings';
import { offsetsToRange } from '../text/offset-range';
import { CLUSTER_FILE_SCHEMA } from './cluster-schema';
import { YAML_PARSE_OPTIONS } from '../parse/yaml-options';

/** The outcome of reading a cluster file: its data (when valid) and its problems. */
export interface ClusterFileCheck {
  value: Record<string, unknown> | undefined;
  findings: Finding[];
}

let compiled: ReturnType<Ajv['compile']> | undefined;

/** Parses and validates a cluster file's text (YAML or JSON) against its schema. */
export function validateClusterFile(text: string): ClusterFileCheck {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  const info = CORE_CODES.clusterFileInvalid;
  const findings: Finding[] = document.errors.map((error) => ({
    code: info.code,
    severity: info.severity,
    message: `cluster file: ${error.message.split('\n')[0] ?? ''}`,
    range: offsetsToRange(lineCounter, error.pos[0], error.pos[1]),
  }));
  if (findings.length > 0) return { value: undefined, findings };
  const value: unknown = document.toJS({ maxAliasCount: 100 });
  const sourceMap = documentSourceMap(document, lineCounter);
  if (!isJsonObject(value)) {
    return {
      value: undefined,
      findings: [
        {
          code: info.code,
          severity: info.severity,
          message: 'cluster file: expected a mapping of cluster settings',
          range: sourceMap.range([]),
        },
      ],
    };
  }
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(CLUSTER_FILE_SCHEMA);
  if (compiled(value)) return { value, findings: [] };
  for (const error of compiled.errors ?? []) {
    const path = decodeInstancePath(value, error.instancePath);
    const extra =
      error.keyword === 'additionalProperties'
        ? ` "${String((error.params as { additionalProperty: string }).additionalProperty)}"`
        : '';
    const at =
      error.keyword === 'additionalProperties'
        ? [...path, String((error.params as { additionalProperty: string }).additionalProperty)]
        : path;
    findings.push({
      code: info.code,
      severity: info.severity,
      message: `cluster file: ${formatPath(path)} ${error.message ?? 'is invalid'}${extra}`,
      range: sourceMap.range(at, 'value'),
    });
  }
  return { value: undefined, findings };
}
