/**
 * What ships: the .vsix `npm run package` made (an allow-list of files, no sources, no
 * node_modules), and the `slipway` CLI installed on its own from `npm pack`'s tarball.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT, builtVsix } from './support/code-server';
import { listZip } from './support/zip-listing';

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const work = mkdtempSync(join(tmpdir(), 'slipway-package-'));
after(() => rmSync(work, { recursive: true, force: true }));

describe('the .vsix', () => {
  const vsix = builtVsix();
  const entries = listZip(vsix);
  const names = entries.map((entry) => entry.name);

  it('holds the bundles, the schema, the grammar, the snippets, README, CHANGELOG, LICENSE and the icon', () => {
    for (const name of [
      'extension.vsixmanifest',
      '[Content_Types].xml',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/LICENSE.txt',
      'extension/images/icon.png',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/dist/k8s-schema.json',
      'extension/syntaxes/kubernetes.injection.tmLanguage.json',
      'extension/snippets/kubernetes.json',
    ]) {
      assert.ok(names.includes(name), `${name} is missing from ${vsix}`);
    }
    // The panel's page, once the build makes it.
    for (const asset of ['webview.js', 'webview.css']) {
      if (existsSync(join(REPO_ROOT, 'dist', asset))) {
        assert.ok(names.includes(`extension/dist/${asset}`), `dist/${asset} is not packaged`);
      }
    }
  });

  it('holds nothing else: no sources, maps, tests, examples or node_modules', () => {
    const unexpected = names.filter(
      (name) =>
        /(^|\/)node_modules\//.test(name) ||
        /\.(ts|map|mjs|vsix|tgz)$/.test(name) ||
        /^extension\/(client|server|test|scripts|examples|bench|docs|\.vscode-test|\.github)\//.test(
          name,
        ),
    );
    assert.deepEqual(unexpected, []);
    const allowed =
      /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|images\/icon\.png|dist\/[\w.-]+\.(js|css|json)|syntaxes\/[\w.-]+\.json|snippets\/[\w.-]+\.json))$/;
    assert.deepEqual(
      names.filter((name) => !allowed.test(name)),
      [],
    );
  });

  it('is small, and its manifest names the icon, a 128×128 PNG', () => {
    const size = statSync(vsix).size;
    console.log(`${basename(vsix)}: ${(size / 1024).toFixed(0)} KiB, ${entries.length} files`);
    assert.ok(size < 5 * 1024 * 1024, `${size} bytes`);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      icon?: string;
    };
    assert.equal(manifest.icon, 'images/icon.png');
    const png = readFileSync(join(REPO_ROOT, 'images', 'icon.png'));
    assert.equal(png.toString('latin1', 1, 4), 'PNG');
    assert.equal(png.readUInt32BE(16), 128);
    assert.equal(png.readUInt32BE(20), 128);
  });
});

describe('the slipway CLI from npm pack’s tarball', () => {
  it('installs with npm install -g and answers --version, --help and check', () => {
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    assert.equal(pack.status, 0, pack.stderr);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    assert.ok(packed);
    const files = packed.files.map((file) => file.path);
    for (const needed of ['dist/cli.js', 'dist/k8s-schema.json', 'package.json', 'LICENSE']) {
      assert.ok(files.includes(needed), `${needed} is not in the tarball`);
    }
    assert.deepEqual(
      files.filter((path) =>
        /node_modules|\.ts$|\.map$|^(client|server|test|examples)\//.test(path),
      ),
      [],
    );

    const prefix = join(work, 'prefix');
    const install = spawnSync(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        join(work, packed.filename),
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    assert.equal(install.status, 0, install.stderr);
    const slipway = join(prefix, 'bin', 'slipway');
    assert.ok(existsSync(slipway), `${slipway} was not installed`);

    const run = (args: string[]): { status: number | null; stdout: string; stderr: string } =>
      spawnSync(slipway, args, { cwd: work, encoding: 'utf8' });
    const versionRun = run(['--version']);
    assert.equal(versionRun.status, 0, versionRun.stderr);
    assert.equal(versionRun.stdout.trim(), version);
    const help = run(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: slipway <command>/);
    assert.match(help.stdout, /--fail-on/);
    const bad = run(['--no-such-flag']);
    assert.equal(bad.status, 2, 'an unknown command is a usage error');
    assert.match(bad.stderr, /Usage: slipway/);

    // The installed CLI checks files with the schema it carries.
    const valid = run(['check', join(REPO_ROOT, 'examples', 'seed', 'np-svc.yaml')]);
    assert.equal(valid.status, 0, valid.stdout + valid.stderr);
    const invalid = run(['check', join(REPO_ROOT, 'examples', 'seed', 'minimal-ingress.yaml')]);
    assert.equal(invalid.status, 1);
    assert.match(invalid.stdout, /:16:23 error ingress-backend-service-name-invalid/);
  });
});
