/**
 * Kubernetes resource quantities, as apimachinery's `resource.ParseQuantity`
 * reads them: a signed decimal number and an optional suffix, binary (Ki … Ei),
 * decimal SI (n u m "" k M G T P E) or a decimal exponent (e3, E-2).
 */

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

// apimachinery splitQuantity: digits and dots, then the suffix.
const QUANTITY_PATTERN = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))([a-zA-Z]*[-+]?[0-9]*)$/;
const EXPONENT_PATTERN = /^[eE][-+]?[0-9]+$/;

/** A parsed quantity: its value in base units (cores, bytes, …), as a float. */
export interface Quantity {
  value: number;
  /** The text as written. */
  text: string;
}

/** Parses a quantity written as a string or a YAML number; undefined when invalid. */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { value: input, text: String(input) } : undefined;
  }
  if (typeof input !== 'string') return undefined;
  const text = input.trim() === input ? input : '';
  const match = QUANTITY_PATTERN.exec(text);
  if (!match) return undefined;
  const [, numberPart = '', suffix = ''] = match;
  const number = Number(numberPart);
  if (!Number.isFinite(number)) return undefined;
  let multiplier: number | undefined = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  if (multiplier === undefined && EXPONENT_PATTERN.test(suffix)) {
    multiplier = 10 ** Number(suffix.slice(1));
  }
  if (multiplier === undefined) return undefined;
  return { value: number * multiplier, text: input };
}

/** True when the input is a valid quantity. */
export function isValidQuantity(input: unknown): boolean {
  return parseQuantity(input) !== undefined;
}
