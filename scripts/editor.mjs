// `npm run editor`: try Slipway in a real VS Code in the browser. Builds and packages the
// extension, installs the .vsix into a fresh profile of a local code-server (installed on
// demand, see ensure-code-server.mjs), opens examples/ and prints the URL. Binds 127.0.0.1
// only; Ctrl-C stops the server and removes the profile.
//   npm run editor                        a port from the OS
//   SLIPWAY_EDITOR_PORT=8080 npm run editor
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './ensure-code-server.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const VSIX = join(REPO_ROOT, `${name}-${version}.vsix`);
const FOLDER = join(REPO_ROOT, 'examples');
const PORT = process.env.SLIPWAY_EDITOR_PORT ?? '0';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'package']);
const entry = ensureCodeServer();

const root = mkdtempSync(join(tmpdir(), 'slipway-editor-'));
const home = join(root, 'home');
const userData = join(root, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
mkdirSync(home, { recursive: true });
writeFileSync(
  join(userData, 'User', 'settings.json'),
  JSON.stringify(
    {
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
    },
    null,
    2,
  ),
);
const env = {
  ...process.env,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_DATA_HOME: join(home, '.local', 'share'),
  XDG_CACHE_HOME: join(home, '.cache'),
};
const common = [
  '--config',
  join(root, 'code-server.yaml'),
  '--user-data-dir',
  userData,
  '--extensions-dir',
  join(root, 'extensions'),
];

const install = spawnSync(process.execPath, [entry, ...common, '--install-extension', VSIX], {
  env,
  encoding: 'utf8',
});
if (install.status !== 0) {
  console.error(install.stdout + install.stderr);
  rmSync(root, { recursive: true, force: true });
  process.exit(1);
}

const server = spawn(
  process.execPath,
  [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${PORT}`,
    ...common,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ],
  { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    process.kill(-server.pid, 'SIGTERM'); // the code-server we started and its extension hosts
  } catch {
    // already gone
  }
  rmSync(root, { recursive: true, force: true });
  console.log('\nSlipway editor stopped.');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.on('exit', (code) => {
  if (!stopping) {
    console.error(`code-server exited (${code})`);
    stop(code ?? 1);
  }
});

let output = '';
let announced = false;
function onData(chunk) {
  output += chunk.toString();
  const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
  if (match && !announced) {
    announced = true;
    const url = `${match[1]}/?folder=${encodeURIComponent(FOLDER)}`;
    console.log(`\nSlipway ${version} (from ${VSIX.slice(REPO_ROOT.length + 1)}) in VS Code:`);
    console.log(`  ${url}\n`);
    console.log('Open it in a browser on this machine. Ctrl-C stops the editor.');
  }
  if (process.env.SLIPWAY_EDITOR_VERBOSE) process.stderr.write(chunk);
}
server.stdout.on('data', onData);
server.stderr.on('data', onData);
