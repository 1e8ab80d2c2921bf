import {
  breakGlassGrantSchema,
  breakGlassInputSchema,
  caseShareInputSchema,
  caseShareSchema,
  consentInputSchema,
  consentSchema,
  consentWithdrawSchema,
  pageOf,
  pageQuerySchema,
} from '@seamless/contracts';
import { z } from 'zod';

const caseParams = z.object({ id: z.string().uuid() }).strict();
const consentParams = z.object({ id: z.string().uuid(), consentId: z.string().uuid() }).strict();
const shareParams = z.object({ id: z.string().uuid(), agencyId: z.string().uuid() }).strict();

export const consentListRouteSchema = {
  tags: ['consent'],
  params: caseParams,
  response: { 200: z.object({ items: z.array(consentSchema) }) },
};
export const consentCreateRouteSchema = {
  tags: ['consent'],
  params: caseParams,
  body: consentInputSchema,
  response: { 201: consentSchema },
};
export const consentWithdrawRouteSchema = {
  tags: ['consent'],
  params: consentParams,
  body: consentWithdrawSchema,
  response: { 200: consentSchema },
};

export const shareListRouteSchema = {
  tags: ['consent'],
  params: caseParams,
  response: { 200: z.object({ items: z.array(caseShareSchema) }) },
};
export const shareCreateRouteSchema = {
  tags: ['consent'],
  params: caseParams,
  body: caseShareInputSchema,
  response: { 200: caseShareSchema },
};
export const shareDeleteRouteSchema = { tags: ['consent'], params: shareParams };

export const breakGlassRouteSchema = {
  tags: ['consent'],
  params: caseParams,
  body: breakGlassInputSchema,
  response: { 201: breakGlassGrantSchema },
};
export const breakGlassListRouteSchema = {
  tags: ['audit'],
  querystring: pageQuerySchema
    .pick({ page: true, pageSize: true })
    .extend({
      active: z
        .enum(['true', 'false'])
        .transform((value) => value === 'true')
        .optional(),
    })
    .strict(),
  response: { 200: pageOf(breakGlassGrantSchema) },
};
