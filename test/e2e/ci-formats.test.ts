/**
 * `slipway check` output for CI: SARIF 2.1.0 validated by the official SARIF Multitool and by
 * the official SARIF 2.1.0 JSON schema both shipped in `@microsoft/sarif-multitool`; JUnit XML;
 * `--fail-on error|warning|never`.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  constants,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { listCodes } from '../../server/src/core/diagnostics/code-registry';
import { REPO_ROOT } from './support/code-server';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const MULTITOOL_DIR = join(
  REPO_ROOT,
  'node_modules',
  '@microsoft',
  `sarif-multitool-${process.platform}`,
);
const work = mkdtempSync(join(tmpdir(), 'slipway-ci-formats-'));
after(() => rmSync(work, { recursive: true, force: true }));

function slipway(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; helpUri: string; help: { text: string; markdown: string } }[];
      };
    };
    artifacts: { location: { uri: string; uriBaseId?: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string };
          region: SarifRegion;
        };
      }[];
    }[];
  }[];
}

/** The official schema, as the Multitool package ships it; formats checked without extra packages. */
function schemaValidator(): (log: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  const schema = JSON.parse(
    readFileSync(join(MULTITOOL_DIR, 'sarif-2.1.0.json'), 'utf8'),
  ) as object;
  const validate = ajv.compile(schema);
  return (log) =>
    validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** `sarif-multitool validate`: its findings (SARIF itself), as `level ruleId: message`. */
function multitool(file: string): string[] {
  const binary = join(MULTITOOL_DIR, 'Sarif.Multitool');
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    chmodSync(binary, 0o755); // the package's postinstall does this; npm may skip scripts
  }
  const out = `${file}.validation.sarif`;
  const result = spawnSync(binary, ['validate', file, '--output', out, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
    timeout: 120_000,
  });
  assert.equal(result.status, 0, `sarif-multitool validate: ${result.stderr}${result.stdout}`);
  const log = JSON.parse(readFileSync(out, 'utf8')) as {
    runs: {
      results?: {
        ruleId: string;
        level?: string;
        message: { text?: string; arguments?: string[] };
      }[];
    }[];
  };
  return (log.runs[0]?.results ?? []).map(
    (r) =>
      `${r.level ?? 'warning'} ${r.ruleId}: ${r.message.text ?? (r.message.arguments ?? []).join(', ')}`,
  );
}

describe('slipway check --format sarif', () => {
  const result = slipway(['check', '--format', 'sarif', 'examples/seed']);
  const file = join(work, 'seed.sarif');
  writeFileSync(file, result.stdout);

  it('exits as the text format does (1: an error) and prints one SARIF 2.1.0 log', () => {
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(result.stdout) as SarifLog;
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
  });

  it('is valid against the official SARIF 2.1.0 JSON schema', () => {
    const validate = schemaValidator();
    assert.deepEqual(validate(JSON.parse(result.stdout)), []);
    // The validator is not a no-op.
    const broken = JSON.parse(result.stdout) as SarifLog;
    (broken.runs[0]!.results[0] as { level: string }).level = 'fatal';
    assert.notDeepEqual(validate(broken), []);
  });

  it('passes the SARIF Multitool’s validate with no error or warning', () => {
    const findings = multitool(file);
    assert.deepEqual(
      findings.filter((f) => f.startsWith('error') || f.startsWith('warning')),
      [],
    );
    console.log(`sarif-multitool validate: ${findings.length} findings (notes included)`);
    // And the Multitool does reject a broken log.
    const broken = JSON.parse(result.stdout) as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    const brokenFile = join(work, 'broken.sarif');
    writeFileSync(brokenFile, JSON.stringify(broken));
    assert.ok(multitool(brokenFile).some((f) => f.startsWith('error')));
  });

  it('has one rule per code of the registry, with help text and a help URI', () => {
    const [run] = (JSON.parse(result.stdout) as SarifLog).runs;
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'Slipway');
    assert.deepEqual(
      run.tool.driver.rules.map((rule) => rule.id),
      listCodes().map((info) => info.code),
    );
    for (const rule of run.tool.driver.rules) {
      assert.match(rule.helpUri, /^https:\/\/.+#diagnostic-codes$/);
      assert.ok(rule.help.text.length > 10 && rule.help.markdown.includes('```yaml'), rule.id);
    }
  });

  it('puts each result on its exact region (1-based, endColumn past the end)', () => {
    const [run] = (JSON.parse(result.stdout) as SarifLog).runs;
    assert.ok(run);
    const rows = run.results.map((r) => {
      const { artifactLocation, region } = r.locations[0]!.physicalLocation;
      assert.equal(run.tool.driver.rules[r.ruleIndex]?.id, r.ruleId);
      assert.equal(artifactLocation.uriBaseId, '%SRCROOT%');
      return `${artifactLocation.uri}:${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn} ${r.level} ${r.ruleId}`;
    });
    assert.ok(
      rows.includes(
        'examples/seed/minimal-ingress.yaml:16:23-16:30 error ingress-backend-service-name-invalid',
      ),
      rows.join('\n'),
    );
    // The JSON format's ranges, converted, are the SARIF regions.
    const json = JSON.parse(slipway(['check', '--format', 'json', 'examples/seed']).stdout) as {
      diagnostics: {
        code: string;
        range: {
          start: { line: number; character: number };
          end: { line: number; character: number };
        };
      }[];
    };
    assert.deepEqual(
      run.results.map((r) => {
        const { region } = r.locations[0]!.physicalLocation;
        return [r.ruleId, region.startLine, region.startColumn, region.endLine, region.endColumn];
      }),
      json.diagnostics.map((d) => [
        d.code,
        d.range.start.line + 1,
        d.range.start.character + 1,
        d.range.end.line + 1,
        d.range.end.character + 1,
      ]),
    );
    assert.deepEqual(
      run.artifacts.map((a) => a.location.uri),
      [
        'fluentd-daemonset.yaml',
        'minimal-ingress.yaml',
        'np-pods-deployment.yaml',
        'np-svc.yaml',
      ].map((name) => `examples/seed/${name}`),
    );
  });
});

describe('slipway check --format junit', () => {
  it('prints one testsuite per file and a failing testcase per error', () => {
    const result = slipway(['check', '--format', 'junit', 'examples/seed']);
    assert.equal(result.status, 1);
    const xml = result.stdout;
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    assert.equal(xml.match(/<testsuite /g)?.length, 4);
    assert.equal(xml.match(/<testsuite /g)?.length, xml.match(/<\/testsuite>/g)?.length);
    assert.match(xml, /<testsuites name="slipway check" tests="5" failures="1"/);
    assert.match(
      xml,
      /<testcase classname="examples\/seed\/minimal-ingress.yaml" name="16:23 ingress-backend-service-name-invalid" file="examples\/seed\/minimal-ingress.yaml" line="16">\n\s*<failure type="ingress-backend-service-name-invalid" message="error: [^"]*&quot;rootSvc&quot;/,
    );
    assert.match(xml, /name="no problems"/);
    // Under --fail-on warning the warning fails too.
    const strict = slipway(['check', '--format', 'junit', '--fail-on', 'warning', 'examples/seed']);
    assert.equal(strict.status, 1);
    assert.match(strict.stdout, /<testsuites name="slipway check" tests="5" failures="2"/);
  });
});

describe('slipway check --fail-on', () => {
  const warningsOnly = join(work, 'warnings-only.yaml');
  writeFileSync(
    warningsOnly,
    [
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: web',
      'spec:',
      '  defaultBackend:',
      '    service:',
      '      name: missing',
      '      port:',
      '        number: 80',
      '',
    ].join('\n'),
  );

  it('error (the default) fails on errors only; warning on warnings too; never never', () => {
    const text = slipway(['check', warningsOnly]);
    assert.match(text.stdout, / warning ingress-backend-service-not-found /);
    assert.doesNotMatch(text.stdout, / error /);
    assert.equal(text.status, 0);
    assert.equal(slipway(['check', '--fail-on', 'error', warningsOnly]).status, 0);
    assert.equal(slipway(['check', '--fail-on', 'warning', warningsOnly]).status, 1);
    assert.equal(slipway(['check', '--fail-on', 'never', warningsOnly]).status, 0);
    assert.equal(slipway(['check', '--fail-on', 'never', 'examples/seed']).status, 0);
    assert.equal(slipway(['check', '--fail-on', 'warning', 'examples/seed']).status, 1);
  });

  it('anything else is a usage error (exit 2)', () => {
    const bad = slipway(['check', '--fail-on', 'sometimes', 'examples/seed']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--fail-on must be error, warning or never/);
  });
});
