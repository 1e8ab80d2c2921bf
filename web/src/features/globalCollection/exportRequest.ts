import {
  GLOBAL_COLLECTION_K,
  GLOBAL_COLLECTION_LONGEST_RUN_OF_YEARS,
  type GlobalCollectionFormat,
  type GlobalCollectionQuery,
  globalCollectionQuerySchema,
} from '@seamless/contracts';
import { validate } from '../../lib/validation';

/** What the page holds: whole years, and k as typed (empty while the field is cleared). */
export interface GlobalCollectionDraft {
  fromYear: number;
  toYear: number;
  k: number | string;
}

/** Last year, the latest whole one, with the default k. */
export function defaultDraft(today: string): GlobalCollectionDraft {
  const lastYear = Number(today.slice(0, 4)) - 1;
  return { fromYear: lastYear, toYear: lastYear, k: GLOBAL_COLLECTION_K.default };
}

/** The years offered, latest first: this one and as many before it as one export may span. */
export const yearChoices = (today: string): number[] =>
  Array.from({ length: GLOBAL_COLLECTION_LONGEST_RUN_OF_YEARS }, (_, index) => Number(today.slice(0, 4)) - index);

/** The draft checked by the server's own schema, as the query of one download. */
export function exportQuery(draft: GlobalCollectionDraft, format: GlobalCollectionFormat) {
  return validate(globalCollectionQuerySchema, {
    from: `${draft.fromYear}-01-01`,
    to: `${draft.toYear}-12-31`,
    k: String(draft.k).trim(),
    format,
  });
}

export const exportPath = (query: GlobalCollectionQuery) =>
  `/api/statistics/global-collection?${new URLSearchParams({ from: query.from, to: query.to, k: String(query.k), format: query.format })}`;
