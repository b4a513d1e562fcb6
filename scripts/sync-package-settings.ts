// Regenerates `contributes.configuration` in package.json from SETTINGS
// (server/src/protocol/settings.ts), the one definition of the settings.
//
//   npx tsx scripts/sync-package-settings.ts           rewrite package.json
//   npx tsx scripts/sync-package-settings.ts --check   exit 1 if package.json is out of date
//
// Only `contributes.configuration` is touched; every other key keeps its value and position.
// package.json is read right before it is written, in one synchronous step, because other
// tools edit it too.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  SETTING_CATEGORIES,
  SETTINGS,
  type SettingDefinition,
} from '../server/src/protocol/settings';

const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
interface JsonObject {
  readonly [key: string]: JsonValue;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One property of `contributes.configuration[].properties`. */
function toProperty(setting: SettingDefinition, order: number): JsonObject {
  const property: Record<string, JsonValue> = {
    type: setting.type,
    default: setting.default,
    description: setting.description,
    scope: setting.scope,
  };
  if (setting.enum !== undefined) property['enum'] = setting.enum;
  if (setting.enumDescriptions !== undefined) {
    property['enumDescriptions'] = setting.enumDescriptions;
  }
  if (setting.pattern !== undefined) property['pattern'] = setting.pattern;
  if (setting.patternErrorMessage !== undefined) {
    property['patternErrorMessage'] = setting.patternErrorMessage;
  }
  if (setting.items !== undefined) property['items'] = setting.items;
  if (setting.additionalProperties !== undefined) {
    property['additionalProperties'] = setting.additionalProperties;
  }
  property['order'] = order;
  return property;
}

/** `contributes.configuration`: one titled category per SETTING_CATEGORIES entry, in order. */
function buildConfiguration(): JsonObject[] {
  return SETTING_CATEGORIES.map((title, index) => ({
    title,
    order: index + 1,
    properties: Object.fromEntries(
      SETTINGS.filter((setting) => setting.category === title).map((setting, order) => [
        setting.key,
        toProperty(setting, order + 1),
      ]),
    ),
  }));
}

function main(): void {
  const check = process.argv.includes('--check');
  const before = readFileSync(PACKAGE_JSON, 'utf8');
  const manifest: unknown = JSON.parse(before);
  if (!isJsonObject(manifest)) throw new Error(`${PACKAGE_JSON} is not a JSON object`);
  const contributes = isJsonObject(manifest['contributes']) ? manifest['contributes'] : {};
  // Spreading keeps the position of `contributes` and of `configuration` when they exist.
  const updated = {
    ...manifest,
    contributes: { ...contributes, configuration: buildConfiguration() },
  };
  const after = `${JSON.stringify(updated, null, 2)}\n`;
  if (after === before) {
    console.log('package.json contributes.configuration is up to date');
    return;
  }
  if (check) {
    console.error(
      'package.json contributes.configuration is out of date: run npx tsx scripts/sync-package-settings.ts',
    );
    process.exitCode = 1;
    return;
  }
  writeFileSync(PACKAGE_JSON, after);
  console.log(`updated contributes.configuration in ${PACKAGE_JSON}`);
}

main();
