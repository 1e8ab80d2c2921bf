import { posix } from 'node:path';

/*
 * The few facts read straight from a workbook's XML parts, before exceljs streams the sheet.
 * The parts are machine-written and small (except the shared strings, handled in pieces), so
 * patterns suffice; element names may carry a namespace prefix (`x:sheet`) in files written by
 * some libraries.
 */

const ENTITY = /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML writes characters XML cannot hold (a carriage return, say) as `_x000D_`. */
const OOXML_ESCAPE = /_x([0-9a-f]{4})_/gi;

export const decodeXmlText = (text: string): string =>
  text
    .replace(ENTITY, (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) =>
      hex || decimal
        ? String.fromCodePoint(Number.parseInt(hex ?? decimal ?? '', hex ? 16 : 10))
        : (NAMED_ENTITIES[name?.toLowerCase() ?? ''] ?? ''),
    )
    .replace(OOXML_ESCAPE, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));

const elements = (xml: string, name: string): string[] => xml.match(new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>`, 'g')) ?? [];

const attribute = (element: string, name: string): string | undefined => {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(element);
  return match ? decodeXmlText(match[1] ?? match[2] ?? '') : undefined;
};

export type WorkbookLayout = {
  /** Zip path of the first worksheet in tab order (chart sheets skipped, hidden ones only when all are). */
  firstWorksheet: string;
  /** Dates count from 1904 (old Mac workbooks) instead of 1900. */
  date1904: boolean;
};

/** Reads `xl/workbook.xml` and its relationships; null when they name no worksheet. */
export function workbookLayout(workbookXml: string, relationshipsXml: string): WorkbookLayout | null {
  const targets = new Map<string, string>();
  for (const relationship of elements(relationshipsXml, 'Relationship')) {
    const id = attribute(relationship, 'Id');
    const target = attribute(relationship, 'Target');
    if (id && target && attribute(relationship, 'Type')?.endsWith('/worksheet')) targets.set(id, target);
  }
  const worksheets = elements(workbookXml, 'sheet').flatMap((sheet) => {
    const target = targets.get(attribute(sheet, '[\\w.-]+:id') ?? '');
    return target ? [{ target, hidden: (attribute(sheet, 'state') ?? 'visible') !== 'visible' }] : [];
  });
  const first = worksheets.find((sheet) => !sheet.hidden) ?? worksheets[0];
  if (!first) return null;
  const workbookProperties = elements(workbookXml, 'workbookPr')[0] ?? '';
  return {
    firstWorksheet: first.target.startsWith('/') ? first.target.slice(1) : posix.normalize(`xl/${first.target}`),
    date1904: ['1', 'true'].includes(attribute(workbookProperties, 'date1904') ?? ''),
  };
}
