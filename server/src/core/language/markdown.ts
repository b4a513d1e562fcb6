/** Inline code that survives backticks in the text. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A Kubernetes OpenAPI description as Markdown. The texts are already close
 * to Markdown (`*` lists, backticks, ``` blocks); only `<` and `>` outside
 * code are escaped, so placeholders like `<nodeIP>` or `<quantity>` are not
 * taken for HTML and dropped.
 */
export function descriptionMarkdown(description: string): string {
  return description
    .split(/(```[\s\S]*?```|`[^`\n]*`)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[<>]/g, (ch) => `\\${ch}`)))
    .join('');
}
