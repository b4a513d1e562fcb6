import type { CodeInfo } from '../../diagnostics/code-info';
import type { JsonPath } from '../../model/json';
import type { Range } from '../../text/range';
import type { ReportDiagnostic } from '../report';
import { rangeOf, type SimObject } from '../model/sim-object';

/** A report diagnostic of `info`'s code and default severity, on a file range of `object`. */
export function makeDiagnostic(
  info: CodeInfo,
  object: SimObject,
  range: Range,
  message: string,
): ReportDiagnostic {
  return { severity: info.severity, code: info.code, message, uri: object.uri, range };
}

/** The range of a whole `key: value` pair: from the key's start to the value's end. */
export function pairRange(object: SimObject, path: JsonPath): Range {
  const key = rangeOf(object, path, 'key');
  const value = rangeOf(object, path, 'value');
  return { start: key.start, end: value.end };
}

/** Orders diagnostics by file, position and code, so the output is stable. */
export function compareDiagnostics(a: ReportDiagnostic, b: ReportDiagnostic): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  const byStart =
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  if (byStart !== 0) return byStart;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
