import {
  identificationRecordSchema,
  interpreterRequestInputSchema,
  interpreterRequestSchema,
  interpreterRequestUpdateSchema,
  interviewInputSchema,
  interviewSchema,
  interviewUpdateSchema,
  prescreeningInputSchema,
  prescreeningSchema,
  SUPPORTED_LOCALES,
  statusDecisionInputSchema,
  statusDecisionSchema,
} from '@seamless/contracts';
import { z } from 'zod';
import { caseIdParams } from '../cases/schema.js';

const tags = ['identification'];
const interviewParams = z.object({ id: z.string().uuid(), interviewId: z.string().uuid() }).strict();
const interpreterRequestParams = z.object({ id: z.string().uuid(), requestId: z.string().uuid() }).strict();

/** The decision as recorded, with the case version it produced so the next decision can follow it. */
export const statusDecisionResultSchema = statusDecisionSchema.extend({ caseVersion: z.number().int() });

export const identificationGetSchema = { tags, params: caseIdParams, response: { 200: identificationRecordSchema } };
export const prescreeningCreateSchema = {
  tags,
  params: caseIdParams,
  body: prescreeningInputSchema,
  response: { 201: prescreeningSchema },
};
export const interviewCreateRouteSchema = { tags, params: caseIdParams, body: interviewInputSchema, response: { 201: interviewSchema } };
export const interviewUpdateRouteSchema = {
  tags,
  params: interviewParams,
  body: interviewUpdateSchema,
  response: { 200: interviewSchema },
};
export const interpreterRequestCreateSchema = {
  tags,
  params: interviewParams,
  body: interpreterRequestInputSchema,
  response: { 201: interpreterRequestSchema },
};
export const interpreterRequestUpdateRouteSchema = {
  tags,
  params: interpreterRequestParams,
  body: interpreterRequestUpdateSchema,
  response: { 200: interpreterRequestSchema },
};
export const statusDecisionRouteSchema = {
  tags,
  params: caseIdParams,
  body: statusDecisionInputSchema,
  response: { 201: statusDecisionResultSchema },
};
export const certificateRouteSchema = {
  tags,
  params: caseIdParams,
  querystring: z
    .object({
      /** A Presumed or Identified decision still in force; the latest decision when left out. */
      decisionId: z.string().uuid().optional(),
      /** The certificate's language, chosen at download; the person's language when left out. */
      locale: z.enum(SUPPORTED_LOCALES).optional(),
    })
    .strict(),
};
