/**
 * IP and CIDR parsing as the API server does it for legacy fields
 * (k8s.io/utils/net ParseIPSloppy / ParseCIDRSloppy: IPv4 parts may carry
 * leading zeros), and apimachinery's IsValidIP / IsValidCIDR messages.
 */

/** The 4 (IPv4) or 16 (IPv6) bytes of an address. */
export type IpBytes = number[];

function parseIpv4(value: string): IpBytes | undefined {
  const parts = value.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseHexGroups(text: string, allowIpv4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const groups: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (allowIpv4Tail && i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return undefined;
      groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      continue;
    }
    if (!/^[0-9A-Fa-f]{1,4}$/.test(part)) return undefined;
    groups.push(parseInt(part, 16));
  }
  return groups;
}

function parseIpv6(value: string): IpBytes | undefined {
  if (!value.includes(':')) return undefined;
  const double = value.indexOf('::');
  let groups: number[];
  if (double === -1) {
    const all = parseHexGroups(value, true);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  } else {
    if (value.indexOf('::', double + 1) !== -1) return undefined;
    const head = parseHexGroups(value.slice(0, double), false);
    const tail = parseHexGroups(value.slice(double + 2), true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  }
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** Parses an IPv4 or IPv6 address (no zone), or undefined. */
export function parseIp(value: string): IpBytes | undefined {
  return parseIpv4(value) ?? parseIpv6(value);
}

/** IsValidIP's message, or none. */
export function checkIp(value: string): string[] {
  return parseIp(value) ? [] : ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

/** A parsed CIDR: the address bytes and the prefix length. */
export interface Cidr {
  bytes: IpBytes;
  prefix: number;
}

/** Parses `address/prefix`, or undefined. */
export function parseCidr(value: string): Cidr | undefined {
  const slash = value.indexOf('/');
  if (slash === -1) return undefined;
  const bytes = parseIp(value.slice(0, slash));
  const prefixText = value.slice(slash + 1);
  if (!bytes || !/^[0-9]{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > bytes.length * 8) return undefined;
  return { bytes, prefix };
}

/** IsValidCIDR's message, or none. */
export function checkCidr(value: string): string[] {
  return parseCidr(value)
    ? []
    : ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
}

/** True when `inner`'s address lies in `outer`'s network (same family). */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  if (outer.bytes.length !== inner.bytes.length) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((outer.bytes[byte] ?? 0) & mask) !== ((inner.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}
