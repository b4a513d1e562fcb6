import {
  Range,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  type Range as RangeLike,
} from 'vscode';
import type { Range as ReportRange } from '../../../server/src/core/text/range';

/**
 * Shows `range` of `uri` in a text editor: the editor already showing the file if there is one,
 * else the column of the last active text editor (never the panel's own column), else the first.
 * A one-line range is selected (a diagnostic, a key); for a longer one (a document) the cursor is
 * put at its start and the range scrolled into view.
 */
export async function revealInEditor(
  uriText: string,
  reportRange: ReportRange,
  preferredColumn: ViewColumn | undefined,
  panelColumn: ViewColumn | undefined,
): Promise<void> {
  const uri = Uri.parse(uriText, true);
  const range = new Range(
    reportRange.start.line,
    reportRange.start.character,
    reportRange.end.line,
    reportRange.end.character,
  );
  const visible = window.visibleTextEditors.find(
    (editor) => editor.document.uri.toString() === uri.toString(),
  );
  let column = visible?.viewColumn ?? preferredColumn ?? ViewColumn.One;
  if (column === panelColumn) column = ViewColumn.Beside;
  const selection: RangeLike = range.isSingleLine ? range : new Range(range.start, range.start);
  const editor = await window.showTextDocument(uri, { viewColumn: column, selection });
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}
