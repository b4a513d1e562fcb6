/** `a, b, c and 2 more`: a short list of names for a message. */
export function listNames(names: readonly string[], limit = 3): string {
  const shown = names.slice(0, limit).join(', ');
  return names.length > limit ? `${shown} and ${names.length - limit} more` : shown;
}
