import { type GlobalCollectionQuery, latestEndedYear } from '@seamless/contracts';

/** Recent years are what the collections ask for; an older one can still be taken through the API. */
const YEARS_OFFERED = 10;

/**
 * The years offered, latest first: the latest that has ended and the ones before it. Each passes
 * the server's schema, which takes the same latest year, so the page has nothing left to check.
 */
export const yearChoices = (now: Date = new Date()): number[] =>
  Array.from({ length: YEARS_OFFERED }, (_, index) => latestEndedYear(now) - index);

export const exportPath = (query: GlobalCollectionQuery) =>
  `/api/statistics/global-collection?${new URLSearchParams({ year: String(query.year), format: query.format })}`;
