/**
 * A cheap text scan for the "Simulate" CodeLens: where the Kubernetes documents of a YAML file
 * start. Not a parse: it runs on every CodeLens request, so it only looks at line starts.
 *
 * Pure: no `vscode` import.
 */

// A document separator: `---` at the start of a line, alone or followed by a space or comment.
const SEPARATOR = /^---(?:[ \t].*)?$/;
// A top-level `kind:` key, quoted or not (nested `kind:` keys are indented).
const TOP_LEVEL_KIND = /^["']?kind["']?[ \t]*:/;
// Lines a CodeLens should not sit on: blank, comment, directive, document end marker.
const NOT_CONTENT = /^(?:[ \t]*(?:#.*)?|%.*|\.\.\.[ \t]*)$/;

/**
 * The 0-based lines of the Kubernetes documents of `text`: for each document (it starts at line 0
 * or after a `---` line) that has a top-level `kind:`, its first line of content.
 */
export function findKubernetesDocumentLines(text: string): number[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: number[] = [];
  let firstContent: number | undefined;
  let hasKind = false;
  const close = (): void => {
    if (hasKind && firstContent !== undefined) found.push(firstContent);
    firstContent = undefined;
    hasKind = false;
  };
  lines.forEach((line, index) => {
    if (SEPARATOR.test(line)) {
      close();
      return;
    }
    if (firstContent === undefined && !NOT_CONTENT.test(line)) firstContent = index;
    if (!hasKind && TOP_LEVEL_KIND.test(line)) hasKind = true;
  });
  close();
  return found;
}
