// Expands VS Code snippet syntax the way the editor first inserts it: every tab stop shows
// its default. Used by the tests to check that the contributed snippets expand to valid
// manifests. Grammar: https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar
//
//   $1 ${1}            tab stop: the default of placeholder 1 (from anywhere in the snippet)
//   ${1:default}       placeholder, may nest (${2:$1}, ${3:a ${4:b}})
//   ${1|one,two|}      choice: the first option
//   $0                 final cursor position: empty
//   $NAME ${NAME:x}    variable: its default (or empty); variables are not resolved
//   \$ \} \\           escapes (and \, \| inside a choice)
//
// Transforms (${1/regex/format/}) are rejected rather than expanded wrongly.

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | {
      readonly kind: 'tabstop';
      readonly index: number;
      /** The placeholder's own default; undefined for a bare `$1` / `${1}`. */
      readonly children: readonly SnippetNode[] | undefined;
    }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | {
      readonly kind: 'variable';
      readonly name: string;
      readonly children: readonly SnippetNode[] | undefined;
    };

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    return this.parseSequence(false);
  }

  /** Reads nodes up to the end of input, or (nested) up to an unescaped `}` left unread. */
  private parseSequence(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos += 1;
        }
      } else if (ch === '}' && nested) {
        break;
      } else if (ch === '$') {
        const start = this.pos;
        const node = this.parseDollar();
        if (node === undefined) {
          this.pos = start + 1;
          text += '$';
        } else {
          flush();
          nodes.push(node);
        }
      } else {
        text += ch;
        this.pos += 1;
      }
    }
    flush();
    return nodes;
  }

  /** Parses a construct starting at `$`; undefined (position unspecified) if it is plain text. */
  private parseDollar(): SnippetNode | undefined {
    this.pos += 1; // '$'
    const index = this.readInt();
    if (index !== undefined) return { kind: 'tabstop', index, children: undefined };
    const name = this.readName();
    if (name !== undefined) return { kind: 'variable', name, children: undefined };
    if (this.src[this.pos] !== '{') return undefined;
    this.pos += 1;

    const braceIndex = this.readInt();
    if (braceIndex !== undefined) {
      const ch = this.src[this.pos];
      if (ch === '}') {
        this.pos += 1;
        return { kind: 'tabstop', index: braceIndex, children: undefined };
      }
      if (ch === ':') {
        this.pos += 1;
        const children = this.parseSequence(true);
        if (!this.accept('}')) return undefined;
        return { kind: 'tabstop', index: braceIndex, children };
      }
      if (ch === '|') {
        this.pos += 1;
        const options = this.readChoiceOptions();
        return options === undefined ? undefined : { kind: 'choice', index: braceIndex, options };
      }
      if (ch === '/') throw new Error(`snippet transforms are not supported: ${this.context()}`);
      return undefined;
    }

    const braceName = this.readName();
    if (braceName !== undefined) {
      const ch = this.src[this.pos];
      if (ch === '}') {
        this.pos += 1;
        return { kind: 'variable', name: braceName, children: undefined };
      }
      if (ch === ':') {
        this.pos += 1;
        const children = this.parseSequence(true);
        if (!this.accept('}')) return undefined;
        return { kind: 'variable', name: braceName, children };
      }
      if (ch === '/') throw new Error(`snippet transforms are not supported: ${this.context()}`);
    }
    return undefined;
  }

  /** Options of `${n|a,b|}` after the first `|`, consuming the closing `|}`. */
  private readChoiceOptions(): string[] | undefined {
    const options: string[] = [];
    let option = '';
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos];
      if (ch === '\\') {
        const next = this.src[this.pos + 1];
        if (next === ',' || next === '|' || next === '\\') {
          option += next;
          this.pos += 2;
          continue;
        }
        option += ch;
        this.pos += 1;
      } else if (ch === ',') {
        options.push(option);
        option = '';
        this.pos += 1;
      } else if (ch === '|') {
        if (this.src[this.pos + 1] !== '}') return undefined;
        options.push(option);
        this.pos += 2;
        return options;
      } else {
        option += ch;
        this.pos += 1;
      }
    }
    return undefined;
  }

  private readInt(): number | undefined {
    const match = /^[0-9]+/.exec(this.src.slice(this.pos));
    if (match === null) return undefined;
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private readName(): string | undefined {
    const match = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(this.src.slice(this.pos));
    if (match === null) return undefined;
    this.pos += match[0].length;
    return match[0];
  }

  private accept(ch: string): boolean {
    if (this.src[this.pos] !== ch) return false;
    this.pos += 1;
    return true;
  }

  private context(): string {
    return JSON.stringify(this.src.slice(Math.max(0, this.pos - 20), this.pos + 20));
  }
}

/** A snippet body as VS Code reads it: an array of lines is joined with `\n`. */
export function snippetSource(body: readonly string[] | string): string {
  return typeof body === 'string' ? body : body.join('\n');
}

export function parseSnippet(body: readonly string[] | string): SnippetNode[] {
  return new Parser(snippetSource(body)).parse();
}

/** Every node of the tree, depth first, in document order. */
export function walkSnippet(nodes: readonly SnippetNode[]): SnippetNode[] {
  const out: SnippetNode[] = [];
  const visit = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      out.push(node);
      if ((node.kind === 'tabstop' || node.kind === 'variable') && node.children !== undefined) {
        visit(node.children);
      }
    }
  };
  visit(nodes);
  return out;
}

/**
 * Expands a snippet as inserted, with `values` standing in for what the user typed into a
 * tab stop (every occurrence of that index shows the same text, as in the editor).
 */
export function expandSnippet(
  body: readonly string[] | string,
  values: ReadonlyMap<number, string> = new Map(),
): string {
  const nodes = parseSnippet(body);

  // As in VS Code: the first placeholder of an index that has a value defines it for all.
  const defaults = new Map<number, SnippetNode>();
  for (const node of walkSnippet(nodes)) {
    if (node.kind !== 'choice' && node.kind !== 'tabstop') continue;
    if (node.kind === 'tabstop' && (node.children ?? []).length === 0) continue;
    if (!defaults.has(node.index)) defaults.set(node.index, node);
  }

  const expanding = new Set<number>();
  const expandList = (list: readonly SnippetNode[]): string => list.map(expandNode).join('');
  const expandNode = (node: SnippetNode): string => {
    switch (node.kind) {
      case 'text':
        return node.value;
      case 'variable':
        return node.children === undefined ? '' : expandList(node.children);
      case 'choice':
        return values.get(node.index) ?? node.options[0] ?? '';
      case 'tabstop': {
        const typed = values.get(node.index);
        if (typed !== undefined) return typed;
        if (node.children !== undefined) return expandList(node.children);
        const source = defaults.get(node.index);
        if (source === undefined || expanding.has(node.index)) return '';
        expanding.add(node.index);
        try {
          return expandNode(source);
        } finally {
          expanding.delete(node.index);
        }
      }
    }
  };
  return expandList(nodes);
}

/** The text VS Code inserts before the user types anything. */
export function expandSnippetDefaults(body: string[] | string): string {
  return expandSnippet(body);
}
