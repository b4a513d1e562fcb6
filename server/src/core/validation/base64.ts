/**
 * Go's `encoding/base64` StdEncoding decoder, which the API server uses for
 * every `[]byte` field (Secret `data`, ConfigMap `binaryData`): the standard
 * alphabet, '=' padding required, '\r' and '\n' skipped anywhere, nothing else
 * (not even a space) allowed. Mirrors `decodeQuantum` so the reported offset
 * is the one in Go's "illegal base64 data at input byte N".
 */

/** The outcome of decoding: the decoded length, or Go's error offset. */
export type Base64Result = { ok: true; bytes: number } | { ok: false; offset: number };

const ALPHABET = /[A-Za-z0-9+/]/;

function isNewline(char: string | undefined): boolean {
  return char === '\n' || char === '\r';
}

/** Decodes like Go's `base64.StdEncoding.DecodeString`, returning only the length. */
export function decodeBase64(input: string): Base64Result {
  let si = 0;
  let bytes = 0;
  while (si < input.length) {
    let j = 0;
    let dlen = 4;
    let end = false;
    while (j < 4) {
      if (si === input.length) {
        if (j === 0) return { ok: true, bytes };
        // Padding is required: a short final quantum is an error.
        return { ok: false, offset: si - j };
      }
      const char = input[si] ?? '';
      si++;
      if (ALPHABET.test(char)) {
        j++;
        continue;
      }
      if (isNewline(char)) continue;
      if (char !== '=') return { ok: false, offset: si - 1 };
      // '=' padding: only after two or three symbols of a quantum.
      if (j === 0 || j === 1) return { ok: false, offset: si - 1 };
      if (j === 2) {
        while (si < input.length && isNewline(input[si])) si++;
        if (si === input.length) return { ok: false, offset: input.length };
        if (input[si] !== '=') return { ok: false, offset: si - 1 };
        si++;
      }
      while (si < input.length && isNewline(input[si])) si++;
      if (si < input.length) return { ok: false, offset: si };
      dlen = j;
      end = true;
      break;
    }
    bytes += dlen === 4 ? 3 : dlen - 1;
    if (end) return { ok: true, bytes };
  }
  return { ok: true, bytes };
}

const SYMBOLS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 text that `decodeBase64` accepts into its bytes; undefined when Go would reject it. */
export function decodeBase64Bytes(input: string): Uint8Array | undefined {
  const result = decodeBase64(input);
  if (!result.ok) return undefined;
  const out = new Uint8Array(result.bytes);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of input) {
    const value = SYMBOLS.indexOf(char);
    if (value === -1) continue; // newlines and padding
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (index < out.length) out[index++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** Decodes UTF-8 bytes to text as Go's encoding/json reads them (invalid sequences become U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const first = bytes[i] ?? 0;
    let length = 0;
    let codePoint = 0;
    if (first < 0x80) {
      length = 1;
      codePoint = first;
    } else if (first >= 0xc2 && first <= 0xdf) {
      length = 2;
      codePoint = first & 0x1f;
    } else if (first >= 0xe0 && first <= 0xef) {
      length = 3;
      codePoint = first & 0x0f;
    } else if (first >= 0xf0 && first <= 0xf4) {
      length = 4;
      codePoint = first & 0x07;
    }
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) valid = false;
      else codePoint = (codePoint << 6) | (next & 0x3f);
    }
    const min = [0, 0, 0x80, 0x800, 0x10000][length] ?? 0;
    if (
      valid &&
      (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
    )
      valid = false;
    if (valid) {
      out += String.fromCodePoint(codePoint);
      i += length;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}
