import { type CellValue, isBlankCell, type SheetRow } from './cells.js';

/*
 * A CSV has no second sheet, so an export's metadata follows its rows: one empty row, then one
 * row per pair whose only cell reads `# key: value`. Whoever edits the file and uploads it
 * again should not see those rows come back as data.
 */
const MARK = '# ';

export const metadataCell = (key: string, value: string): string => `${MARK}${key}: ${value}`;

const isMetadataRow = (cells: readonly CellValue[]): boolean => {
  const [first, ...others] = cells;
  return typeof first === 'string' && first.startsWith(MARK) && others.every(isBlankCell);
};

/**
 * The rows worth reading: no empty rows (the numbers of later rows stay as they were), and no
 * metadata block when one ends the file after an empty row. Rows that look like metadata are
 * held back until a data row shows they were not the end of the file.
 */
export async function* dataRows(rows: AsyncIterable<SheetRow>): AsyncGenerator<SheetRow> {
  let afterEmptyRow = false;
  let heldBack: SheetRow[] = [];
  for await (const row of rows) {
    if (row.cells.every(isBlankCell)) {
      afterEmptyRow = true;
      continue;
    }
    if (isMetadataRow(row.cells) && (afterEmptyRow || heldBack.length > 0)) {
      heldBack.push(row);
      continue;
    }
    yield* heldBack;
    heldBack = [];
    afterEmptyRow = false;
    yield row;
  }
}
