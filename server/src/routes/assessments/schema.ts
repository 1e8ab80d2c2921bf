import {
  assessmentInputSchema,
  assessmentInstrumentInputSchema,
  assessmentInstrumentSchema,
  assessmentInstrumentUpdateSchema,
  assessmentListSchema,
  assessmentSchema,
  assessmentTrendSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const caseParams = z.object({ id: z.string().uuid() }).strict();

export const instrumentListRouteSchema = { tags: ['care'], response: { 200: z.object({ items: z.array(assessmentInstrumentSchema) }) } };
export const instrumentCreateRouteSchema = {
  tags: ['admin'],
  body: assessmentInstrumentInputSchema,
  response: { 201: assessmentInstrumentSchema },
};
export const instrumentUpdateRouteSchema = {
  tags: ['admin'],
  params: caseParams,
  body: assessmentInstrumentUpdateSchema,
  response: { 200: assessmentInstrumentSchema },
};
export const assessmentListRouteSchema = {
  tags: ['care'],
  params: caseParams,
  response: { 200: assessmentListSchema },
};
export const assessmentCreateRouteSchema = {
  tags: ['care'],
  params: caseParams,
  body: assessmentInputSchema,
  response: { 201: assessmentSchema },
};
export const assessmentTrendRouteSchema = { tags: ['care'], params: caseParams, response: { 200: assessmentTrendSchema } };
