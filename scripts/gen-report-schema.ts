/**
 * npm run gen:report-schema [-- --check]
 * Writes report.schema.json, the JSON Schema of the simulation report,
 * generated from the one TypeScript definition of the contract
 * (server/src/core/simulation/report.ts), so the two cannot drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';

export const REPORT_SCHEMA_PATH = join(__dirname, '..', 'report.schema.json');

export function generateReportSchemaText(): string {
  const schema = createGenerator({
    path: join(__dirname, '..', 'server/src/core/simulation/report.ts'),
    tsconfig: join(__dirname, '..', 'server/src/core/tsconfig.json'),
    type: 'SimulationReport',
    additionalProperties: false,
    sortProps: true,
    skipTypeCheck: true,
  }).createSchema('SimulationReport');
  schema.$id = 'https://slipway.dev/schemas/simulation-report.json';
  schema.title = 'Slipway simulation report (reportVersion 1)';
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (require.main === module) {
  const text = generateReportSchemaText();
  if (process.argv.includes('--check')) {
    if (readFileSync(REPORT_SCHEMA_PATH, 'utf8') !== text) {
      console.error('report.schema.json is stale: run npm run gen:report-schema');
      process.exit(1);
    }
  } else {
    writeFileSync(REPORT_SCHEMA_PATH, text);
    console.log(`wrote ${REPORT_SCHEMA_PATH}`);
  }
}
