// package.json `contributes` against the code: settings (SETTINGS) and commands (ids.ts) must
// match exactly, and normalizeSettings must turn anything into valid settings.
// Regenerate the settings part with `npx tsx scripts/sync-package-settings.ts`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { COMMAND_IDS, CONFIGURATION_SECTION } from '../../server/src/protocol/ids';
import {
  DEFAULT_SETTINGS,
  SETTING_CATEGORIES,
  SETTINGS,
  normalizeSettings,
  type SettingDefinition,
  type SlipwaySettings,
} from '../../server/src/protocol/settings';

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown, what: string): JsonRecord {
  assert.ok(isRecord(value), `${what} must be an object`);
  return value;
}

function asArray(value: unknown, what: string): unknown[] {
  assert.ok(Array.isArray(value), `${what} must be an array`);
  const items: unknown[] = value;
  return items;
}

const manifest = asRecord(
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')),
  'package.json',
);
const contributes = asRecord(manifest['contributes'], 'contributes');
const categories = asArray(contributes['configuration'], 'contributes.configuration').map(
  (category, index) => asRecord(category, `contributes.configuration[${index}]`),
);

/** Every contributed setting property, by key, with the title of its category. */
const contributed = new Map<string, { title: unknown; property: JsonRecord }>();
for (const category of categories) {
  const properties = asRecord(category['properties'], `properties of ${String(category['title'])}`);
  for (const [key, property] of Object.entries(properties)) {
    assert.ok(!contributed.has(key), `${key} is contributed twice`);
    contributed.set(key, { title: category['title'], property: asRecord(property, key) });
  }
}

/** The fields of a contributed property that come from SETTINGS, plus the generated order. */
const PROPERTY_FIELDS = [
  'type',
  'default',
  'description',
  'scope',
  'enum',
  'enumDescriptions',
  'pattern',
  'patternErrorMessage',
  'items',
  'additionalProperties',
] as const satisfies readonly (keyof SettingDefinition)[];

/** `slipway.a.b` → `['a', 'b']`, the path of the setting inside SlipwaySettings. */
function pathOf(key: string): string[] {
  const prefix = `${CONFIGURATION_SECTION}.`;
  assert.ok(key.startsWith(prefix), `${key} must start with ${prefix}`);
  return key.slice(prefix.length).split('.');
}

function readPath(settings: SlipwaySettings, path: readonly string[]): unknown {
  let value: unknown = settings;
  for (const part of path) value = isRecord(value) ? value[part] : undefined;
  return value;
}

/** `['a', 'b']`, 1 → `{ a: { b: 1 } }`, the nesting `workspace/configuration` returns. */
function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, part) => ({ [part]: inner }), value);
}

void describe('contributes.configuration matches SETTINGS', () => {
  void it('has one titled category per SETTING_CATEGORIES entry, in order', () => {
    assert.deepEqual(
      categories.map((category) => category['title']),
      [...SETTING_CATEGORIES],
    );
  });

  void it('contributes exactly the keys of SETTINGS, no more, no fewer', () => {
    assert.deepEqual([...contributed.keys()].sort(), SETTINGS.map((setting) => setting.key).sort());
    assert.equal(new Set(SETTINGS.map((setting) => setting.key)).size, SETTINGS.length);
  });

  for (const setting of SETTINGS) {
    void it(`${setting.key}: category, type, default, description, enum and schema match`, () => {
      const entry = contributed.get(setting.key);
      assert.ok(entry, `${setting.key} is not contributed`);
      assert.equal(entry.title, setting.category);
      for (const field of PROPERTY_FIELDS) {
        assert.deepEqual(entry.property[field], setting[field], `${setting.key}: ${field}`);
      }
      const allowed = new Set<string>([...PROPERTY_FIELDS, 'order']);
      const extra = Object.keys(entry.property).filter((field) => !allowed.has(field));
      assert.deepEqual(extra, [], `${setting.key} has fields SETTINGS does not define`);
    });

    void it(`${setting.key}: default equals DEFAULT_SETTINGS and survives normalizeSettings`, () => {
      const path = pathOf(setting.key);
      assert.deepEqual(setting.default, readPath(DEFAULT_SETTINGS, path));
      const contributedDefault = contributed.get(setting.key)?.property['default'];
      const normalized = normalizeSettings(nest(path, contributedDefault));
      assert.deepEqual(readPath(normalized, path), contributedDefault);
    });
  }

  void it('covers every field of SlipwaySettings', () => {
    const leaves = (value: unknown, path: string): string[] =>
      isRecord(value) && path !== `${CONFIGURATION_SECTION}.rules`
        ? Object.entries(value).flatMap(([key, child]) => leaves(child, `${path}.${key}`))
        : [path];
    assert.deepEqual(
      leaves(DEFAULT_SETTINGS, CONFIGURATION_SECTION).sort(),
      SETTINGS.map((setting) => setting.key).sort(),
    );
  });
});

void describe('contributes.commands matches ids.ts', () => {
  const commands = asArray(contributes['commands'], 'contributes.commands').map((command, index) =>
    asRecord(command, `contributes.commands[${index}]`),
  );
  const ids: string[] = Object.values(COMMAND_IDS);

  void it('contributes every command of COMMAND_IDS and nothing else', () => {
    assert.deepEqual(commands.map((command) => command['command']).sort(), [...ids].sort());
  });

  void it('gives every command the Slipway category and its title', () => {
    const titles: Record<string, string> = {
      [COMMAND_IDS.restartServer]: 'Restart Language Server',
      [COMMAND_IDS.showOutput]: 'Show Output',
      [COMMAND_IDS.simulateManifest]: 'Simulate Manifest',
    };
    for (const command of commands) {
      assert.equal(command['category'], 'Slipway');
      assert.equal(command['title'], titles[String(command['command'])]);
    }
  });

  void it('mentions only known commands in menus.commandPalette', () => {
    const menus = asRecord(contributes['menus'], 'contributes.menus');
    for (const [index, item] of asArray(menus['commandPalette'], 'commandPalette').entries()) {
      const command = asRecord(item, `commandPalette[${index}]`)['command'];
      assert.ok(ids.includes(String(command)), `unknown command ${String(command)}`);
    }
  });

  void it('activates on YAML', () => {
    assert.ok(
      asArray(manifest['activationEvents'], 'activationEvents').includes('onLanguage:yaml'),
    );
  });
});

void describe('normalizeSettings', () => {
  void it('returns the defaults for anything that is not a settings object', () => {
    for (const raw of [undefined, null, 0, 42, '', 'slipway', true, [], [1, 2], () => 1]) {
      assert.deepEqual(normalizeSettings(raw), DEFAULT_SETTINGS, `raw: ${String(raw)}`);
    }
  });

  void it('fills missing values with defaults', () => {
    assert.deepEqual(normalizeSettings({}), DEFAULT_SETTINGS);
    assert.deepEqual(normalizeSettings({ hover: { enable: false } }), {
      ...DEFAULT_SETTINGS,
      hover: { enable: false },
    });
  });

  void it('keeps a complete, valid configuration as it is', () => {
    const settings: SlipwaySettings = {
      enable: false,
      validation: { enable: false },
      hover: { enable: false },
      completion: { enable: false },
      rules: { 'image-tag-latest': 'off', 'missing-selector': 'error', other: 'hint' },
      exclude: ['build/**'],
      kubernetesVersion: '1.31',
      trace: { server: 'verbose' },
      scope: 'file',
      clusterFile: 'clusters/staging.yaml',
    };
    assert.deepEqual(normalizeSettings(structuredClone(settings)), settings);
  });

  void it('drops rules with an unknown severity, one by one', () => {
    const raw = { rules: { x: 'loud', y: 'warning', z: 3, w: null, v: 'ERROR', '': 'hint' } };
    assert.deepEqual(normalizeSettings(raw).rules, { y: 'warning' });
    assert.deepEqual(normalizeSettings({ rules: { x: 'loud' } }).rules, {});
    assert.deepEqual(normalizeSettings({ rules: ['error'] }).rules, {});
  });

  void it('drops exclude entries that are not non-empty strings', () => {
    assert.deepEqual(normalizeSettings({ exclude: ['a/**', 3, '', null, 'b'] }).exclude, [
      'a/**',
      'b',
    ]);
    assert.deepEqual(normalizeSettings({ exclude: [] }).exclude, []);
    assert.deepEqual(normalizeSettings({ exclude: '**/x' }).exclude, DEFAULT_SETTINGS.exclude);
  });

  void it('replaces values of the wrong type or outside their enum with the default', () => {
    const normalized = normalizeSettings({
      enable: 'no',
      validation: { enable: 0 },
      hover: false,
      completion: { enable: null },
      kubernetesVersion: 'latest',
      trace: { server: 'loud' },
    });
    assert.deepEqual(normalized, DEFAULT_SETTINGS);
    assert.equal(normalizeSettings({ kubernetesVersion: 1.3 }).kubernetesVersion, '1.36');
    assert.equal(normalizeSettings({ kubernetesVersion: ' 1.30 ' }).kubernetesVersion, '1.30');
    assert.equal(normalizeSettings({ trace: { server: 'messages' } }).trace.server, 'messages');
  });

  void it('reads flat dotted keys too', () => {
    const normalized = normalizeSettings({ 'validation.enable': false, 'trace.server': 'verbose' });
    assert.equal(normalized.validation.enable, false);
    assert.equal(normalized.trace.server, 'verbose');
  });

  void it('ignores inherited properties and cannot pollute prototypes', () => {
    const raw: unknown = JSON.parse(
      '{"__proto__": {"enable": false}, "rules": {"__proto__": "error"}}',
    );
    const normalized = normalizeSettings(raw);
    assert.equal(normalized.enable, true);
    assert.equal(Object.getPrototypeOf(normalized.rules), Object.prototype);
    const probe: JsonRecord = {};
    assert.equal(probe['error'], undefined);
  });

  void it('returns fresh objects, never DEFAULT_SETTINGS itself', () => {
    const normalized = normalizeSettings(undefined);
    normalized.exclude.push('mutated');
    normalized.rules['mutated'] = 'off';
    normalized.validation.enable = false;
    assert.equal(DEFAULT_SETTINGS.exclude.includes('mutated'), false);
    assert.equal(DEFAULT_SETTINGS.rules['mutated'], undefined);
    assert.equal(DEFAULT_SETTINGS.validation.enable, true);
  });
});
