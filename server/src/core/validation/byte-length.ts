/**
 * Byte counts as the API server takes them: Go's `len(string)` is the length
 * of the UTF-8 encoding, and `len([]byte)` of a base64 field is the length of
 * the decoded bytes (see `base64.ts`).
 */

/** The length of a string's UTF-8 encoding (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8ByteLength(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    } else {
      bytes += 3;
    }
  }
  return bytes;
}
