import type { JsonPath } from '../model/json';
import { continueOpen, scanLine, type LineToken, type ScannedLine } from './scan-line';

/** A node of a document's outline: the root, a mapping key, a sequence item, or a bare scalar. */
export interface OutlineNode {
  type: 'root' | 'key' | 'item' | 'scalar';
  /** 0-based line in the chunk. */
  line: number;
  /** Column of the key, dash or scalar (-1 for the root). */
  column: number;
  /** The token that made the node (undefined for the root and for sequence items). */
  token: LineToken | undefined;
  parent: OutlineNode | undefined;
  children: OutlineNode[];
  /** For a sequence item: its index among the sequence's items; otherwise -1. */
  index: number;
  /** The last line that belongs to the node (its own line, or its deepest descendant's). */
  lastLine: number;
}

/** A document's outline and its lines. */
export interface Outline {
  root: OutlineNode;
  /** The chunk's lines, without line terminators. */
  lines: string[];
  /** The nodes that start on each line, outermost first. */
  nodesByLine: OutlineNode[][];
  /** Lines that are the text of a block scalar, or continue a flow collection or quoted scalar. */
  textLines: Set<number>;
}

function createNode(
  type: OutlineNode['type'],
  line: number,
  column: number,
  token: LineToken | undefined,
  parent: OutlineNode | undefined,
): OutlineNode {
  return { type, line, column, token, parent, children: [], index: -1, lastLine: line };
}

/** True when a key's value is written on the lines below it (a nested mapping or sequence). */
function opensCollection(node: OutlineNode): boolean {
  return node.type === 'key' && node.token?.type === 'key' && node.token.value === undefined;
}

/** The index of a node's last sequence-item child, or -1. */
function lastItemIndex(node: OutlineNode): number {
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = node.children[i];
    if (child?.type === 'item') return child.index;
  }
  return -1;
}

/** The column more indented lines must exceed to be a block scalar's text, or undefined. */
function blockScalarIndent(tokens: LineToken[]): number | undefined {
  const last = tokens[tokens.length - 1];
  if (!last || last.type === 'dash' || !last.blockScalar) return undefined;
  if (last.type === 'key') return last.column;
  const dash = tokens[tokens.length - 2];
  return dash ? dash.column : last.column - 1;
}

/**
 * Builds the outline of one document's block YAML from indentation alone,
 * so that it has a shape while lines are half typed. `replace` substitutes
 * the scan of some lines (the cursor line, with a placeholder where a key is
 * about to be typed).
 */
export function buildOutline(text: string, replace?: ReadonlyMap<number, ScannedLine>): Outline {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  const root = createNode('root', 0, -1, undefined, undefined);
  const stack: OutlineNode[] = [root];
  const nodesByLine: OutlineNode[][] = lines.map(() => []);
  const textLines = new Set<number>();
  let open: ScannedLine['open'];
  let blockIndent: number | undefined;

  lines.forEach((line, lineIndex) => {
    const replacement = replace?.get(lineIndex);
    if (open) {
      textLines.add(lineIndex);
      open = continueOpen(line, open);
      return;
    }
    if (blockIndent !== undefined) {
      const indent = replacement ? (replacement.tokens[0]?.column ?? -1) : line.search(/[^ ]/);
      const blank = replacement ? replacement.tokens.length === 0 : line.trim() === '';
      if (blank || indent > blockIndent) {
        textLines.add(lineIndex);
        return;
      }
    }
    blockIndent = undefined;
    const scanned = replacement ?? scanLine(line);
    if (scanned.tokens.length === 0) return;
    for (const token of scanned.tokens) {
      while (stack.length > 1) {
        const top = stack[stack.length - 1];
        if (!top || top.column < token.column) break;
        // `ports:` followed by `- port: 80` at the same column: the sequence is the key's value.
        const compactSequence =
          token.type === 'dash' &&
          top.column === token.column &&
          top.line < lineIndex &&
          opensCollection(top);
        if (compactSequence) break;
        stack.pop();
      }
      const parent = stack[stack.length - 1] ?? root;
      const type = token.type === 'dash' ? 'item' : token.type;
      const node = createNode(
        type,
        lineIndex,
        token.column,
        type === 'item' ? undefined : token,
        parent,
      );
      if (type === 'item') node.index = lastItemIndex(parent) + 1;
      parent.children.push(node);
      stack.push(node);
      nodesByLine[lineIndex]?.push(node);
    }
    for (const node of stack) node.lastLine = lineIndex;
    open = scanned.open;
    blockIndent = blockScalarIndent(scanned.tokens);
  });
  return { root, lines, nodesByLine, textLines };
}

/** The JSON path of a node: keys and item indexes from the root (a bare scalar adds nothing). */
export function pathOf(node: OutlineNode): JsonPath {
  const path: (string | number)[] = [];
  for (let current: OutlineNode | undefined = node; current; current = current.parent) {
    if (current.type === 'key' && current.token?.type === 'key') path.push(current.token.name);
    else if (current.type === 'item') path.push(current.index);
  }
  return path.reverse();
}

/** The keys of the mapping a node holds (a key's nested mapping, an item's mapping, the root's). */
export function keyChildren(node: OutlineNode): OutlineNode[] {
  return node.children.filter((child) => child.type === 'key');
}

/** A direct key child by name. */
export function findKey(node: OutlineNode, name: string): OutlineNode | undefined {
  return node.children.find(
    (child) => child.type === 'key' && child.token?.type === 'key' && child.token.name === name,
  );
}

/** The scalar value written after a key child (`kind: Service` → `Service`), if any. */
export function keyValue(node: OutlineNode, name: string): string | undefined {
  const token = findKey(node, name)?.token;
  return token?.type === 'key' ? token.value?.text : undefined;
}
