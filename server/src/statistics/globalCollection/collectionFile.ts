import type { GlobalCollectionFormat } from '@seamless/contracts';
import type { CellValue, SheetMetadata } from '../../htcds/sheet/cells.js';
import { writeSheet } from '../../htcds/sheet/writeSheet.js';
import { type Anonymisation, MAX_SUPPRESSED_SHARE, personRows } from './anonymise.js';
import { COLLECTION_COLUMNS } from './collectionRow.js';
import { LEVEL_NAMES, QUASI_IDENTIFIERS } from './hierarchies.js';

/** Where the rows come from: the instance that counted them and its country. */
export type CollectionSource = { instanceName: string; instanceId: string; countryCode: string };

/**
 * The file is read by a global collection's analysts, in English as the collections publish,
 * like the HTCDS export; the interface that asks for it is translated.
 */
export function collectionMetadata(
  anonymisation: Anonymisation,
  period: { from: string; to: string },
  source: CollectionSource,
  exportedAt: Date,
): SheetMetadata {
  const { k, generalisation, totalPersons, suppressedPersons } = anonymisation;
  const limit = `${MAX_SUPPRESSED_SHARE * 100}%`;
  return [
    ['Dataset', 'Identified victims of trafficking in persons, one row per person, k-anonymised for global data collections'],
    ['Source', `${source.instanceName} (${source.instanceId}), country ${source.countryCode}`],
    ['Period', `${period.from} to ${period.to}, by the first identification decision of each person in it`],
    ['k', `${k}: every combination of values in a row is shared by at least ${k} rows`],
    ['Generalisation', QUASI_IDENTIFIERS.map((name) => `${name}: ${LEVEL_NAMES[name][generalisation[name]]}`).join('; ')],
    [
      'Suppression',
      anonymisation.withinLimit
        ? `classes of fewer than ${k} persons removed, at most ${limit} of the persons`
        : `classes of fewer than ${k} persons removed; no generalisation kept this under ${limit} of the persons`,
    ],
    ['Persons identified', String(totalPersons)],
    ['Rows suppressed', String(suppressedPersons)],
    ['Rows', String(totalPersons - suppressedPersons)],
    ['Empty cells', 'unknown, or generalised away as stated above'],
    ['Exported on', exportedAt.toISOString().slice(0, 10)],
    [
      'Attribution',
      'Values from the Human Trafficking Case Data Standard (HTCDS) by IOM, licensed under CC BY 4.0; IOM does not endorse Seamless.',
    ],
  ];
}

function* fileRows(anonymisation: Anonymisation): Generator<CellValue[]> {
  yield [...COLLECTION_COLUMNS];
  yield* personRows(anonymisation);
}

export function writeCollectionFile(
  anonymisation: Anonymisation,
  metadata: SheetMetadata,
  format: GlobalCollectionFormat,
  out: NodeJS.WritableStream,
): Promise<void> {
  return writeSheet(fileRows(anonymisation), out, { format, sheetName: 'Victims', metadata, metadataSheetName: 'About' });
}
