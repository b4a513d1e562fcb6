/**
 * The README's generated tables: every diagnostic code (from the registry) and
 * every setting (from the settings definition). `npm run gen:readme` rewrites
 * them between their markers; a test fails when they are out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listCodes } from '../server/src/core/diagnostics/code-registry';
import { SETTINGS } from '../server/src/protocol/settings';

export const README_PATH = join(__dirname, '..', 'README.md');

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
}

export function codesTable(): string {
  const rows = listCodes().map(
    (info) =>
      `| \`${info.code}\` | ${info.category} | ${info.severity} | ${cell(info.title)} | <code>${cell(
        info.example.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
      )}</code> |`,
  );
  return ['| code | from | severity | meaning | example |', '|---|---|---|---|---|', ...rows].join(
    '\n',
  );
}

export function settingsTable(): string {
  const rows = SETTINGS.map(
    (setting) =>
      `| \`${setting.key}\` | ${setting.category} | \`${JSON.stringify(setting.default)}\` | ${cell(setting.description)} |`,
  );
  return ['| setting | category | default | what it does |', '|---|---|---|---|', ...rows].join(
    '\n',
  );
}

function replaceBetween(text: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/** The README with its generated tables brought up to date. */
export function renderReadme(current: string): string {
  return replaceBetween(
    replaceBetween(current, 'codes', codesTable()),
    'settings',
    settingsTable(),
  );
}

if (require.main === module) {
  const current = readFileSync(README_PATH, 'utf8');
  writeFileSync(README_PATH, renderReadme(current));
  console.log('README.md tables updated');
}
