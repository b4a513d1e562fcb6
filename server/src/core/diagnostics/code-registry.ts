import { ALL_RULES } from '../rules/all-rules';
import { CONFIG_CODES } from '../simulation/config-maps/config-codes';
import { NETWORKING_CODES } from '../simulation/networking/networking-codes';
import { SCHEDULING_CODES } from '../simulation/scheduling/scheduling-codes';
import { STORAGE_CODES } from '../simulation/storage/storage-codes';
import type { CodeInfo } from './code-info';
import { CORE_CODES } from './core-codes';

/** Every diagnostic code Slipway can report, sorted by category then code. */
export function listCodes(): CodeInfo[] {
  const byCode = new Map<string, CodeInfo>();
  for (const info of Object.values(CORE_CODES)) byCode.set(info.code, info);
  for (const rule of ALL_RULES) for (const info of rule.codes) byCode.set(info.code, info);
  for (const info of [
    ...SCHEDULING_CODES,
    ...STORAGE_CODES,
    ...CONFIG_CODES,
    ...NETWORKING_CODES,
  ]) {
    byCode.set(info.code, info);
  }
  const order = ['yaml', 'schema', 'api-server', 'cross-resource'];
  return [...byCode.values()].sort(
    (a, b) => order.indexOf(a.category) - order.indexOf(b.category) || a.code.localeCompare(b.code),
  );
}

/** Looks up a code's registry entry. */
export function findCode(code: string): CodeInfo | undefined {
  return listCodes().find((info) => info.code === code);
}
