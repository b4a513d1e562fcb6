// Installs code-server (VS Code web + server, with a real Node extension host) on demand
// into a git-ignored folder, for the real-editor tests and `npm run editor`.
// Recipe: ../shared/design/real-editor.md. Skips when the pinned version is already there.
//
//   node scripts/ensure-code-server.mjs        installs if needed, prints the entry path
//
// code-server is not a devDependency: it is 300 MB, takes ~50 s to build its native
// modules, and its install needs the three fixes below on these machines.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** code-server 4.100.3 = VS Code 1.100.3, the last release whose engines.node is 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** The ripgrep release @vscode/ripgrep 1.15.11 (code-server 4.100.3's) downloads from GitHub. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MAJOR = process.versions.node.split('.')[0];

/** Where code-server lives: per version and Node major (its native modules follow the Node ABI). */
export const CODE_SERVER_DIR =
  process.env.SLIPWAY_CODE_SERVER_DIR ??
  join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}-node${NODE_MAJOR}`);
/** The server entry; run it with the same `node` that installed it (process.execPath). */
export const CODE_SERVER_ENTRY = join(
  CODE_SERVER_DIR,
  'node_modules',
  'code-server',
  'out',
  'node',
  'entry.js',
);
const DONE_MARKER = join(CODE_SERVER_DIR, '.installed');

const APT_HINT =
  'apt-get install -y chromium ripgrep libkrb5-dev pkg-config build-essential python3';

function which(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
}

/** Fails with the apt-get line when a machine prerequisite is missing. */
function checkPrerequisites() {
  const missing = ['rg', 'g++', 'make', 'python3', 'pkg-config', 'tar'].filter((c) => !which(c));
  if (!existsSync('/usr/include/gssapi/gssapi.h') && !which('krb5-config')) {
    missing.push('libkrb5-dev');
  }
  if (missing.length > 0) {
    throw new Error(`code-server needs ${missing.join(', ')}; install them with:\n  ${APT_HINT}`);
  }
  if (NODE_MAJOR !== '20') {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} needs Node 20 (this is ${process.version}); ` +
        'Node 22 needs code-server 4.103+, Node 24 the latest.',
    );
  }
}

/** Installs code-server unless the pinned version is already complete; returns the entry path. */
export function ensureCodeServer({ log = (line) => console.error(line) } = {}) {
  if (existsSync(DONE_MARKER) && existsSync(CODE_SERVER_ENTRY)) return CODE_SERVER_ENTRY;
  checkPrerequisites();
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about a minute)…`);
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), '{ "private": true }\n');

  // (a) @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg.
  const tmp = join(CODE_SERVER_DIR, '.tmp');
  mkdirSync(join(tmp, RIPGREP_CACHE), { recursive: true });
  const stage = mkdtempSync(join(tmp, 'rg-'));
  copyFileSync(which('rg'), join(stage, 'rg'));
  const tar = spawnSync(
    'tar',
    ['czf', join(tmp, RIPGREP_CACHE, RIPGREP_ARCHIVE), '-C', stage, 'rg'],
    {
      stdio: 'inherit',
    },
  );
  if (tar.status !== 0) throw new Error('could not seed the ripgrep cache (tar failed)');

  // (b) root needs npm_config_unsafe_perm; (c) node-pty's postinstall runs `npx node-gyp`.
  const npm = spawnSync(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    {
      cwd: CODE_SERVER_DIR,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        TMPDIR: tmp,
        npm_config_unsafe_perm: 'true',
        npm_config_yes: 'true',
        npm_config_update_notifier: 'false',
      },
    },
  );
  if (npm.status !== 0 || !existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(
      `npm install code-server@${CODE_SERVER_VERSION} failed (exit ${npm.status}); see the log above`,
    );
  }
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(DONE_MARKER, `${CODE_SERVER_VERSION} ${process.version}\n`);
  log(
    `code-server ${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  return CODE_SERVER_ENTRY;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(`ensure-code-server: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
