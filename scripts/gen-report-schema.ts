/**
 * npm run gen:report-schema [-- --check]
 * Writes report.schema.json, the JSON Schema of the simulation report, and
 * route.schema.json, the JSON Schema of `slipway route --json`, generated
 * from the one TypeScript definition of each contract
 * (server/src/core/simulation/report.ts, server/src/core/simulation/ingress/route-result.ts),
 * so the schemas and the types cannot drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

const ROOT = join(__dirname, '..');

export const REPORT_SCHEMA_PATH = join(ROOT, 'report.schema.json');
export const ROUTE_SCHEMA_PATH = join(ROOT, 'route.schema.json');

/** The JSON Schema of one exported type, as formatted text. */
function generateSchemaText(source: string, type: string, id: string, title: string): string {
  const schema = createGenerator({
    path: join(ROOT, source),
    tsconfig: join(ROOT, 'server/src/core/tsconfig.json'),
    type,
    additionalProperties: false,
    sortProps: true,
    skipTypeCheck: true,
  }).createSchema(type);
  schema.$id = id;
  schema.title = title;
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function generateReportSchemaText(): string {
  return generateSchemaText(
    'server/src/core/simulation/report.ts',
    'SimulationReport',
    'https://slipway.dev/schemas/simulation-report.json',
    'Slipway simulation report (reportVersion 1)',
  );
}

export function generateRouteSchemaText(): string {
  return generateSchemaText(
    'server/src/core/simulation/ingress/route-result.ts',
    'RouteResult',
    'https://slipway.dev/schemas/route-result.json',
    'Slipway route answer (slipway route --json)',
  );
}

/** Each schema file with the text the types give now. */
export const SCHEMA_FILES: readonly { path: string; generate: () => string }[] = [
  { path: REPORT_SCHEMA_PATH, generate: generateReportSchemaText },
  { path: ROUTE_SCHEMA_PATH, generate: generateRouteSchemaText },
];

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const { path, generate } of SCHEMA_FILES) {
    const text = generate();
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // A missing file is stale too.
      }
      if (current !== text) {
        console.error(`${path} is stale: run npm run gen:report-schema`);
        stale = true;
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
  if (stale) process.exit(1);
}
