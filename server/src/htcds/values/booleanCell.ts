import { type CellParse, type CellValue, cellText, parsed, refused } from './cellValue.js';
import { matchKey } from './matchKey.js';

/**
 * Yes and no as people write them in a sheet: spreadsheet booleans, 1/0, check marks, and the
 * words of our eight languages (including the polite forms: Khmer ចាស, Lao ເຈົ້າ, Burmese ဟုတ်ကဲ့).
 * Compared by matchKey, so case and spacing do not matter.
 */
const YES = [
  'true',
  'yes',
  'y',
  '1',
  '✓',
  '✔',
  '☑',
  '✅',
  'ใช่',
  'จริง',
  'បាទ',
  'ចាស',
  'បាទ/ចាស',
  'ពិត',
  'ແມ່ນ',
  'ເຈົ້າ',
  'ဟုတ်',
  'ဟုတ်ကဲ့',
  'có',
  'đúng',
  '是',
  '是的',
  '对',
  'はい',
];
const NO = [
  'false',
  'no',
  'n',
  '0',
  '✗',
  '✘',
  '☐',
  '❌',
  'ไม่ใช่',
  'ไม่',
  'เท็จ',
  'ទេ',
  'មិនពិត',
  'ບໍ່',
  'ບໍ່ແມ່ນ',
  'မဟုတ်',
  'မဟုတ်ဘူး',
  'không',
  'sai',
  '否',
  '不是',
  '不对',
  'いいえ',
];

const ANSWERS: ReadonlyMap<string, boolean> = new Map([
  ...YES.map((word) => [matchKey(word), true] as const),
  ...NO.map((word) => [matchKey(word), false] as const),
]);

/** A yes/no column's cell, or null when empty. */
export function parseBooleanCell(cell: CellValue): CellParse<boolean | null> {
  if (cell === null) return parsed(null);
  if (typeof cell === 'boolean') return parsed(cell);
  const written = cellText(cell);
  if (!written) return parsed(null);
  const answer = ANSWERS.get(matchKey(written));
  return answer === undefined ? refused('not_a_boolean', { value: written }) : parsed(answer);
}
