import { caseCreateSchema, caseDetailSchema, caseListQuerySchema, caseSummarySchema, pageOf } from '@seamless/contracts';
import { z } from 'zod';

export const caseListSchema = { tags: ['cases'], querystring: caseListQuerySchema.strict(), response: { 200: pageOf(caseSummarySchema) } };
export const caseGetSchema = { tags: ['cases'], params: z.object({ id: z.string().uuid() }).strict(), response: { 200: caseDetailSchema } };
export const caseCreateRouteSchema = { tags: ['cases'], body: caseCreateSchema, response: { 201: caseDetailSchema } };
