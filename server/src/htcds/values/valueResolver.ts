import { type HtcdsColumn, type HtcdsIssueCode, TRAFFICKING_STATUS_TO_HTCDS } from '@seamless/contracts';
import { catalogueLabels } from './catalogueLabels.js';
import { type CellParse, type CellValue, cellText, parsed, refused } from './cellValue.js';
import { countryOfCode, countryTable } from './countryNames.js';
import { addLabel } from './labelForms.js';
import { buildLanguageTable, canonicalLanguageCode } from './languageNames.js';
import { matchKey } from './matchKey.js';
import { MATCH_STRENGTHS, MatchTable } from './matchTable.js';

export type ValueResolver = {
  /** One picklist/country/language value by its value name (case/space/underscore-insensitive) or by its label in any of the 8 languages. */
  resolve(column: HtcdsColumn, raw: string): CellParse<string>;
  /** A multiselect/countries/languages cell: values separated by ';' (',' when no ';' and the whole does not resolve), duplicates dropped, order kept. */
  resolveMany(column: HtcdsColumn, cell: CellValue): CellParse<string[]>;
  resolveOne(column: HtcdsColumn, cell: CellValue): CellParse<string | null>;
};

/**
 * `vic_TraffickingStatus` holds the HTCDS statuses; sheets written by our own people often hold
 * ours (Presumed, or its label), which say the same thing in finer steps.
 */
const TRAFFICKING_STATUS_COLUMN = 'vic_TraffickingStatus';

/** Distinct cells remembered per column: a sheet repeats the same few values thousands of times. */
const REMEMBERED_CELLS = 10_000;

/** Splits a list cell: ';' as HTCDS writes lists, and line breaks (Alt+Enter in a spreadsheet cell). */
const LIST_SEPARATOR = /[;\n\r]/;

/** Written as codes are printed ('THA', 'NGA'): read as a code before any name. */
const PRINTED_CODE = /^[A-Z]{2,3}$/;

/** One column's vocabulary: how values are written, what a miss is called, and cells resolved before. */
type Vocabulary = {
  table: MatchTable;
  failure: Extract<HtcdsIssueCode, 'unknown_value' | 'not_a_country' | 'not_a_language'>;
  /** The value of a standard code in any of its forms (country alpha-3, ISO 639-2/3), found by rule. */
  byCode?: (written: string) => string | undefined;
  resolved: Map<string, CellParse<string>>;
};

const vocabularies = new WeakMap<HtcdsColumn, Vocabulary>();

const resolver: ValueResolver = { resolve, resolveMany, resolveOne };

/** The resolver of picklist, country and language cells; its tables are built once per process, at first use of each column. */
export function createValueResolver(): ValueResolver {
  return resolver;
}

function resolve(column: HtcdsColumn, raw: string): CellParse<string> {
  const vocabulary = vocabularyOf(column);
  const known = vocabulary.resolved.get(raw);
  if (known) return known;
  const result = Object.freeze(lookUp(vocabulary, raw.trim()));
  if (vocabulary.resolved.size >= REMEMBERED_CELLS) vocabulary.resolved.clear();
  vocabulary.resolved.set(raw, result);
  return result;
}

function lookUp({ table, failure, byCode }: Vocabulary, written: string): CellParse<string> {
  const code = byCode?.(written);
  if (code && PRINTED_CODE.test(written)) return parsed(code);
  const key = matchKey(written);
  const match = table.find(key);
  if (match && !match.ambiguous) return parsed(match.value);
  if (code && !match) return parsed(code);
  // An ambiguous label does not decide between its values; the first is offered for a person to confirm.
  const suggestion = match?.value ?? table.closest(key);
  return refused(failure, suggestion ? { value: written, suggestion } : { value: written });
}

function resolveOne(column: HtcdsColumn, cell: CellValue): CellParse<string | null> {
  const written = cellText(cell);
  if (!written) return parsed(null);
  return resolve(column, written);
}

function resolveMany(column: HtcdsColumn, cell: CellValue): CellParse<string[]> {
  const written = cellText(cell);
  if (!written) return parsed([]);
  if (LIST_SEPARATOR.test(written)) return resolveAll(column, written.split(LIST_SEPARATOR));
  const whole = resolve(column, written);
  if (whole.ok) return parsed([whole.value]);
  return written.includes(',') ? resolveAll(column, written.split(',')) : whole;
}

/** Every item of a list, in order and once each; the first item that does not resolve refuses the cell. */
function resolveAll(column: HtcdsColumn, items: readonly string[]): CellParse<string[]> {
  const values = new Set<string>();
  for (const item of items) {
    if (!item.trim()) continue;
    const result = resolve(column, item);
    if (!result.ok) return result;
    values.add(result.value);
  }
  return parsed([...values]);
}

function vocabularyOf(column: HtcdsColumn): Vocabulary {
  let vocabulary = vocabularies.get(column);
  if (!vocabulary) {
    vocabulary = buildVocabulary(column);
    vocabularies.set(column, vocabulary);
  }
  return vocabulary;
}

function buildVocabulary(column: HtcdsColumn): Vocabulary {
  const resolved = new Map<string, CellParse<string>>();
  switch (column.kind) {
    case 'country':
    case 'countries':
      return { table: countryTable(), failure: 'not_a_country', byCode: countryOfCode, resolved };
    case 'language':
    case 'languages': {
      const codes = new Set(column.values ?? []);
      const byCode = (written: string) => {
        const code = canonicalLanguageCode(written);
        return code && codes.has(code) ? code : undefined;
      };
      return { table: buildLanguageTable([...codes], column.vocabulary), failure: 'not_a_language', byCode, resolved };
    }
    case 'picklist':
    case 'multiselect':
      return { table: buildPicklistTable(column), failure: 'unknown_value', resolved };
    default:
      throw new Error(`HTCDS column ${column.name} (${column.kind}) has no vocabulary`);
  }
}

/** A picklist's value names and their labels in the web catalogues. */
function buildPicklistTable(column: HtcdsColumn): MatchTable {
  const table = new MatchTable();
  const values = new Set(column.values ?? []);
  for (const value of values) table.add(value, value, MATCH_STRENGTHS.name);
  addCatalogueLabels(table, column.vocabulary, (name) => (values.has(name) ? name : undefined));
  if (column.name === TRAFFICKING_STATUS_COLUMN) {
    const ours: Record<string, string> = TRAFFICKING_STATUS_TO_HTCDS;
    for (const [status, htcds] of Object.entries(ours)) table.add(status, htcds, MATCH_STRENGTHS.name);
    addCatalogueLabels(table, 'traffickingStatus', (status) => ours[status]);
  }
  return table;
}

function addCatalogueLabels(table: MatchTable, vocabulary: string | undefined, valueNamed: (name: string) => string | undefined): void {
  if (!vocabulary) return;
  for (const { locale, labels } of catalogueLabels(vocabulary)) {
    for (const [name, label] of labels) {
      const value = valueNamed(name);
      if (value) addLabel(table, label, value, locale);
    }
  }
}
