import { GLOBAL_COLLECTION_K, type GlobalCollectionFormat } from '@seamless/contracts';
import type { CellValue, SheetMetadata } from '../../htcds/sheet/cells.js';
import { writeSheet } from '../../htcds/sheet/writeSheet.js';
import { type Anonymisation, MAX_SUPPRESSED_SHARE, personRows } from './anonymise.js';
import { COLLECTION_COLUMNS } from './collectionRow.js';
import { LEVEL_NAMES, QUASI_IDENTIFIERS } from './hierarchies.js';

/** Where the rows come from: the instance that counted them and its country. */
export type CollectionSource = { instanceName: string; instanceId: string; countryCode: string };

/**
 * The persons suppressed, as a band as wide as k: "fewer than 10", "10 to 19"… The rows are
 * counted in the file, so the exact number of suppressed persons would give the exact number
 * identified and, between years or as records are added, the size of a class under k. A band of
 * width k never says more of a suppressed class than the suppression rule does ("fewer than k").
 * Rounding to the nearest 10 instead would write 0 for 1 to 4 suppressed and misstate coverage.
 */
export function suppressedBand(persons: number): string {
  const lower = Math.floor(persons / GLOBAL_COLLECTION_K) * GLOBAL_COLLECTION_K;
  return lower === 0 ? `fewer than ${GLOBAL_COLLECTION_K}` : `${lower} to ${lower + GLOBAL_COLLECTION_K - 1}`;
}

/**
 * The file is read by a global collection's analysts, in English as the collections publish,
 * like the HTCDS export; the interface that asks for it is translated.
 */
export function collectionMetadata(anonymisation: Anonymisation, year: number, source: CollectionSource, exportedAt: Date): SheetMetadata {
  const { generalisation, classes, suppressedPersons } = anonymisation;
  const k = GLOBAL_COLLECTION_K;
  const limit = `${MAX_SUPPRESSED_SHARE * 100}%`;
  return [
    ['Dataset', 'Identified victims of trafficking in persons, one row per person, k-anonymised for global data collections'],
    ['Source', `${source.instanceName} (${source.instanceId}), country ${source.countryCode}`],
    ['Year', `${year}, by the first identification decision of each person in it`],
    ['k', `${k}: every combination of values in a row is shared by at least ${k} rows`],
    ['Generalisation', QUASI_IDENTIFIERS.map((name) => `${name}: ${LEVEL_NAMES[name][generalisation[name]]}`).join('; ')],
    [
      'Suppression',
      anonymisation.withinLimit
        ? `classes of fewer than ${k} persons removed, at most ${limit} of the persons`
        : `classes of fewer than ${k} persons removed; no generalisation kept this under ${limit} of the persons`,
    ],
    ['Persons suppressed', suppressedBand(suppressedPersons)],
    // Exact, as anyone counting the rows would find: it lets the collection check it read them all.
    ['Rows', String(classes.reduce((sum, each) => sum + each.persons, 0))],
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
