/**
 * IntOrString fields of rolling updates, as pkg/apis/apps/validation reads
 * them: ValidatePositiveIntOrPercent, getIntOrPercentValue and IsNotMoreThan100Percent.
 */
import { checkPercent } from '../../../validation/workload-validators';

/** The problems of an int-or-percent value (negative int, malformed percent). */
export function intOrPercentProblems(value: unknown): string[] {
  if (typeof value === 'string') return checkPercent(value);
  if (typeof value === 'number' && value < 0) return ['must be greater than or equal to 0'];
  return [];
}

/** getIntOrPercentValue: the number or the percentage; a malformed string counts as its Atoi value or 0. */
export function intOrPercentValue(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return 0;
  if (checkPercent(value).length === 0) return Number(value.slice(0, -1));
  return /^[+-]?\d+$/.test(value) ? Number(value) : 0;
}

/** True when the value is a percentage above 100%. */
export function isMoreThan100Percent(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    checkPercent(value).length === 0 &&
    Number(value.slice(0, -1)) > 100
  );
}
