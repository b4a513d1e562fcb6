/**
 * The API server's field error wording (k8s.io/apimachinery/pkg/util/validation/field
 * errors.go): `<path>: Invalid value: <value>: <detail>`, `Required value`,
 * `Forbidden`, `Unsupported value`, `Duplicate value`, `Not found`.
 */
import { formatPath, type JsonPath } from '../../../model/json';

/** Formats a value the way field.Error does: strings quoted, numbers bare, objects as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** `path: Invalid value: value: detail`. */
export function invalidMessage(path: JsonPath, value: unknown, detail: string): string {
  return `${formatPath(path)}: Invalid value: ${formatValue(value)}: ${detail}`;
}

/** `path: Required value` with an optional detail. */
export function requiredMessage(path: JsonPath, detail = ''): string {
  return `${formatPath(path)}: Required value${detail ? `: ${detail}` : ''}`;
}

/** A name's problems as the API server words them: `Required value` when empty, else `Invalid value`. */
export function nameProblemMessage(path: JsonPath, name: string, problems: string[]): string {
  return name.length === 0
    ? requiredMessage(path)
    : invalidMessage(path, name, problems.join('; '));
}

/** `path: Forbidden: detail`. */
export function forbiddenMessage(path: JsonPath, detail: string): string {
  return `${formatPath(path)}: Forbidden: ${detail}`;
}

/** `path: Unsupported value: value: supported values: "a", "b"`. */
export function notSupportedMessage(
  path: JsonPath,
  value: unknown,
  supported: readonly string[],
): string {
  const list = supported.map((item) => JSON.stringify(item)).join(', ');
  return `${formatPath(path)}: Unsupported value: ${formatValue(value)}: supported values: ${list}`;
}

/** `path: Duplicate value: value`, with an optional explanation. */
export function duplicateMessage(path: JsonPath, value: unknown, detail = ''): string {
  return `${formatPath(path)}: Duplicate value: ${formatValue(value)}${detail ? `: ${detail}` : ''}`;
}

/** `path: Not found: value`, with an optional explanation. */
export function notFoundMessage(path: JsonPath, value: unknown, detail = ''): string {
  return `${formatPath(path)}: Not found: ${formatValue(value)}${detail ? `: ${detail}` : ''}`;
}
