import {
  careActionUpdateSchema,
  carePlanInputSchema,
  carePlanSchema,
  careServiceInputSchema,
  careServiceSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const caseParams = z.object({ id: z.string().uuid() }).strict();
const actionParams = z.object({ id: z.string().uuid(), actionId: z.string().uuid() }).strict();

export const carePlanReadRouteSchema = {
  tags: ['care'],
  params: caseParams,
  querystring: z.object({ version: z.coerce.number().int().min(1).optional() }).strict(),
  response: { 200: carePlanSchema },
};
export const carePlanReviseRouteSchema = {
  tags: ['care'],
  params: caseParams,
  body: carePlanInputSchema,
  response: { 201: carePlanSchema },
};
export const careActionUpdateRouteSchema = {
  tags: ['care'],
  params: actionParams,
  body: careActionUpdateSchema,
  response: { 200: carePlanSchema },
};
export const careServiceCreateRouteSchema = {
  tags: ['care'],
  params: caseParams,
  body: careServiceInputSchema,
  response: { 201: careServiceSchema },
};
