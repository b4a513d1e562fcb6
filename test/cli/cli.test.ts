/** The built `slipway` CLI, run as a user runs it. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../support/core-context';
import { BUILT_CLI } from '../support/lsp-client';

function slipway(
  args: string[],
  cwd = REPO_ROOT,
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'slipway-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('slipway CLI', () => {
  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = slipway(['--version']);
    assert.equal(result.code, 0);
    assert.equal(result.stdout.trim(), version);
  });

  it('--help lists the commands and exits 0; no command is a usage error', () => {
    const help = slipway(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /check \[--format text\|json\]/);
    assert.equal(slipway([]).code, 2);
    assert.equal(slipway(['frobnicate']).code, 2);
    assert.equal(slipway(['check']).code, 2);
    assert.equal(slipway(['check', '--format', 'xml', 'examples']).code, 2);
    assert.equal(slipway(['check', 'no/such/path']).code, 2);
  });

  it('check prints compiler-style lines and exits 1 on the seed notes (rootSvc, the missing Service test, the old master toleration)', () => {
    const result = slipway(['check', 'examples/seed']);
    assert.equal(result.code, 1, result.stdout + result.stderr);
    const lines = result.stdout.trim().split('\n');
    assert.deepEqual(
      lines.slice(0, -1).map((line) => line.split(' ').slice(0, 3).join(' ')),
      [
        'examples/seed/fluentd-daemonset.yaml:21:14 hint daemonset-master-toleration',
        'examples/seed/minimal-ingress.yaml:16:23 error ingress-backend-service-name-invalid',
        'examples/seed/minimal-ingress.yaml:23:23 warning ingress-backend-service-not-found',
      ],
    );
    assert.equal(lines.at(-1), '4 files checked: 1 error, 1 warning');
  });

  it('check exits 0 on the valid examples and fixtures', () => {
    for (const path of [
      'examples/web-shop',
      'examples/database',
      'examples/logging',
      'examples/storage',
      'test/fixtures/valid',
    ]) {
      const result = slipway(['check', path]);
      assert.equal(result.code, 0, `${path}:\n${result.stdout}`);
    }
  });

  it('--format json (and --json) prints files and diagnostics with uri and range', () => {
    for (const flag of [['--format', 'json'], ['--json']]) {
      const result = slipway(['check', ...flag, 'examples/seed']);
      assert.equal(result.code, 1);
      const report = JSON.parse(result.stdout) as {
        files: number;
        diagnostics: {
          severity: string;
          code: string;
          message: string;
          uri: string;
          range: unknown;
        }[];
      };
      assert.equal(report.files, 4);
      assert.deepEqual(
        report.diagnostics.map((d) => d.code),
        [
          'daemonset-master-toleration',
          'ingress-backend-service-name-invalid',
          'ingress-backend-service-not-found',
        ],
      );
      const only = report.diagnostics.find((d) => d.severity === 'error');
      assert.match(only?.uri ?? '', /^file:\/\/.*examples\/seed\/minimal-ingress\.yaml$/);
      assert.deepEqual(only?.range, {
        start: { line: 15, character: 22 },
        end: { line: 15, character: 29 },
      });
    }
  });

  it('reads severities from .slipway/config.yaml', () => {
    const project = join(work, 'project');
    mkdirSync(join(project, '.slipway'), { recursive: true });
    writeFileSync(
      join(project, 'svc.yaml'),
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePorts\n  ports:\n    - port: 80\n',
    );
    assert.equal(slipway(['check', project]).code, 1);
    writeFileSync(join(project, '.slipway/config.yaml'), 'rules:\n  schema-enum: warning\n');
    const downgraded = slipway(['check', project]);
    assert.equal(downgraded.code, 0, downgraded.stdout);
    assert.match(downgraded.stdout, /warning schema-enum/);
    writeFileSync(join(project, '.slipway/config.yaml'), 'rules:\n  schema-enum: loud\n');
    assert.equal(slipway(['check', project]).code, 2);
  });

  it('validates the cluster file given with --cluster, and --cluster none skips it', () => {
    const cluster = join(work, 'cluster.yaml');
    writeFileSync(cluster, 'nodes:\n  - ip: 172.18.0.9\n    colour: blue\n');
    const result = slipway(['check', '--cluster', cluster, 'examples/web-shop']);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /cluster\.yaml:2:\d+ error cluster-file-invalid cluster file: nodes\[0\] must have required property 'name'/,
    );
    assert.match(
      result.stdout,
      /cluster-file-invalid cluster file: nodes\[0\] must NOT have additional properties "colour"/,
    );
    assert.equal(slipway(['check', '--cluster', 'none', 'examples/web-shop']).code, 0);
  });
});
