import {
  caseCreateSchema,
  caseDetailSchema,
  caseListQuerySchema,
  caseSummarySchema,
  caseUpdateSchema,
  pageOf,
  personUpdateSchema,
  victimContextSchema,
  victimContextUpdateSchema,
} from '@seamless/contracts';
import { z } from 'zod';

export const caseIdParams = z.object({ id: z.string().uuid() }).strict();

export const caseListSchema = { tags: ['cases'], querystring: caseListQuerySchema.strict(), response: { 200: pageOf(caseSummarySchema) } };
export const caseGetSchema = { tags: ['cases'], params: caseIdParams, response: { 200: caseDetailSchema } };
export const caseCreateRouteSchema = { tags: ['cases'], body: caseCreateSchema, response: { 201: caseDetailSchema } };
export const caseUpdateRouteSchema = { tags: ['cases'], params: caseIdParams, body: caseUpdateSchema, response: { 200: caseDetailSchema } };
export const personUpdateRouteSchema = {
  tags: ['cases'],
  params: caseIdParams,
  body: personUpdateSchema,
  response: { 200: caseDetailSchema },
};
export const victimContextRouteSchema = {
  tags: ['cases'],
  params: caseIdParams,
  body: victimContextUpdateSchema,
  response: { 200: victimContextSchema },
};
