import {
  pageOf,
  pageQuerySchema,
  personMatchQuerySchema,
  personMatchResponseSchema,
  personMergeRequestDecisionSchema,
  personMergeRequestListQuerySchema,
  personMergeRequestSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const idParams = z.object({ id: z.string().uuid() }).strict();

/** A merge as admins and the caseworker who made it see it: ids and counts, never names. */
export const personMergeSchema = z.object({
  id: z.string().uuid(),
  survivorId: z.string().uuid(),
  mergedId: z.string().uuid(),
  moved: z.object({
    cases: z.number().int(),
    names: z.number().int(),
    documents: z.number().int(),
    contacts: z.number().int(),
  }),
  mergedByName: z.string(),
  mergedAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneByName: z.string().nullable(),
});
export type PersonMerge = z.infer<typeof personMergeSchema>;
export const personMergeInputSchema = z.object({ mergedPersonId: z.string().uuid() }).strict();

export const personMatchRouteSchema = { tags: ['persons'], body: personMatchQuerySchema, response: { 200: personMatchResponseSchema } };
export const personMergeRouteSchema = {
  tags: ['persons'],
  params: idParams,
  body: personMergeInputSchema,
  // 202: the merge needs the other agencies' decision and was filed as a request.
  response: { 201: personMergeSchema, 202: personMergeRequestSchema },
};
export const personMergeRequestListRouteSchema = {
  tags: ['persons'],
  querystring: personMergeRequestListQuerySchema,
  response: { 200: pageOf(personMergeRequestSchema) },
};
export const personMergeRequestDecisionRouteSchema = {
  tags: ['persons'],
  params: idParams,
  body: personMergeRequestDecisionSchema,
  response: { 200: personMergeRequestSchema },
};
export const personMergeListRouteSchema = {
  tags: ['admin'],
  querystring: pageQuerySchema.pick({ page: true, pageSize: true }).strict(),
  response: { 200: pageOf(personMergeSchema) },
};
export const personUnmergeRouteSchema = { tags: ['admin'], params: idParams, response: { 200: personMergeSchema } };
