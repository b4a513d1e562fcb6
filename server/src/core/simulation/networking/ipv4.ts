/**
 * IPv4 addresses as 32-bit unsigned numbers, and CIDR blocks. The cluster
 * file's serviceCIDR is IPv4 (cluster-schema.ts), so this is all the service
 * IP allocator needs.
 */

/** An IPv4 CIDR block: its network address and prefix length. */
export interface Ipv4Cidr {
  /** The network address as an unsigned 32-bit number (host bits cleared). */
  network: number;
  bits: number;
  /** How many addresses the block holds (2^(32-bits)). */
  size: number;
}

/** Parses `10.96.0.1` into an unsigned 32-bit number, or undefined when it is not a dotted quad. */
export function parseIpv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Formats an unsigned 32-bit number as a dotted quad. */
export function formatIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Parses `10.96.0.0/12` (host bits are cleared, as net.ParseCIDR does), or undefined. */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,2}$/.test(bitsText)) return undefined;
  const bits = Number(bitsText);
  if (bits > 32) return undefined;
  const size = 2 ** (32 - bits);
  return { network: address - (address % size), bits, size };
}

/** True when the address lies inside the block. */
export function cidrContains(cidr: Ipv4Cidr, address: number): boolean {
  return address >= cidr.network && address < cidr.network + cidr.size;
}
