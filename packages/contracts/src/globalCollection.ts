/**
 * The export for global data collections such as the Counter Trafficking Data Collaborative
 * (DESIGN.md §2 step 9, §4 Publication): one row per identified victim with coarse
 * quasi-identifiers only, k-anonymised. The period is whole years because the collections date a
 * victim by her year of registration, and a period of months would date her more finely.
 */
import { z } from 'zod';
import { isoDate } from './plausibility.js';
import { periodShapeOf } from './statistics.js';

export const GLOBAL_COLLECTION_FORMATS = ['csv', 'xlsx'] as const;
export type GlobalCollectionFormat = (typeof GLOBAL_COLLECTION_FORMATS)[number];

/**
 * Every class of the file holds at least k persons. Never below the threshold under which a
 * published count is hidden (DESIGN.md §4: 5); CTDC itself publishes with k = 11.
 */
export const GLOBAL_COLLECTION_K = { minimum: 5, default: 10, maximum: 100 } as const;

/** Longer runs add nothing a collection asks for and only widen what one request reads. */
export const GLOBAL_COLLECTION_LONGEST_RUN_OF_YEARS = 10;

export const globalCollectionQuerySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    k: z.coerce.number().int().min(GLOBAL_COLLECTION_K.minimum).max(GLOBAL_COLLECTION_K.maximum).default(GLOBAL_COLLECTION_K.default),
    format: z.enum(GLOBAL_COLLECTION_FORMATS).default('csv'),
  })
  .strict()
  .superRefine((query, ctx) => {
    if (query.from > query.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends before it starts.' });
    else if (!query.from.endsWith('-01-01')) ctx.addIssue({ code: 'custom', path: ['from'], message: 'The period starts on 1 January.' });
    else if (periodShapeOf(query.from, query.to) !== 'years')
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period ends on 31 December: whole years only.' });
    else if (Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4)) >= GLOBAL_COLLECTION_LONGEST_RUN_OF_YEARS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${GLOBAL_COLLECTION_LONGEST_RUN_OF_YEARS} years.` });
  });
export type GlobalCollectionQuery = z.infer<typeof globalCollectionQuerySchema>;
