/**
 * Splits a request URL into the parts routing looks at. The core has no URL
 * class (no DOM, no Node), and routing needs little: scheme, host, port and
 * the path as nginx matches it ($uri: percent-decoded, `//` merged,
 * `.`/`..` resolved; the query string is not part of it).
 */

/** A URL's routing parts. */
export interface ParsedUrl {
  scheme: string;
  /** Lower-case, without brackets or a trailing dot. */
  host: string;
  port: number;
  /** True when the port was written in the URL. */
  explicitPort: boolean;
  /** The normalized path, starting with `/`. */
  path: string;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** nginx's URI normalization: decode, merge slashes, resolve `.` and `..`. */
export function normalizePath(raw: string): string {
  const decoded = decode(raw);
  const out: string[] = [];
  const parts = decoded.split('/');
  for (const part of parts.slice(1)) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  const trailing = parts.length > 1 && /\/\.{0,2}$/.test(decoded) && out.length > 0;
  return `/${out.join('/')}${trailing ? '/' : ''}`;
}

/** Parses `http://host:port/path?query`; a URL without a scheme is read as http. Undefined when it is not one. */
export function parseUrl(text: string): ParsedUrl | undefined {
  let rest = text.trim();
  if (rest === '') return undefined;
  let scheme = 'http';
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = (schemeMatch[1] ?? 'http').toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  const end = rest.search(/[/?#]/);
  let authority = end === -1 ? rest : rest.slice(0, end);
  const after = end === -1 ? '' : rest.slice(end);
  const at = authority.lastIndexOf('@');
  if (at !== -1) authority = authority.slice(at + 1);
  let host: string;
  let portText: string | undefined;
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close === -1) return undefined;
    host = authority.slice(1, close);
    const tail = authority.slice(close + 1);
    if (tail !== '' && !tail.startsWith(':')) return undefined;
    portText = tail === '' ? undefined : tail.slice(1);
  } else {
    const colon = authority.lastIndexOf(':');
    host = colon === -1 ? authority : authority.slice(0, colon);
    portText = colon === -1 ? undefined : authority.slice(colon + 1);
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (host === '' || /\s/.test(host)) return undefined;
  let port = DEFAULT_PORTS[scheme];
  if (portText !== undefined && portText !== '') {
    if (!/^\d{1,5}$/.test(portText)) return undefined;
    port = Number(portText);
    if (port < 1 || port > 65535) return undefined;
  }
  if (port === undefined) return undefined;
  const pathEnd = after.search(/[?#]/);
  const rawPath = pathEnd === -1 ? after : after.slice(0, pathEnd);
  return {
    scheme,
    host,
    port,
    explicitPort: portText !== undefined && portText !== '',
    path: normalizePath(rawPath === '' ? '/' : rawPath),
  };
}
