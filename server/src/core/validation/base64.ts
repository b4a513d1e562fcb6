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
