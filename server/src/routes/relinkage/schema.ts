import {
  pageOf,
  relinkageCandidateSchema,
  relinkageDecisionSchema,
  relinkageListQuerySchema,
  relinkageRunRequestedSchema,
  relinkageRunSchema,
} from '@seamless/contracts';
import { z } from 'zod';
import { noRequestBody } from '../noRequestBody.js';

const idParams = z.object({ id: z.string().uuid() }).strict();

export const relinkageListRouteSchema = {
  tags: ['persons'],
  querystring: relinkageListQuerySchema,
  response: { 200: pageOf(relinkageCandidateSchema) },
};
export const relinkageDecisionRouteSchema = {
  tags: ['persons'],
  params: idParams,
  body: relinkageDecisionSchema,
  response: { 200: relinkageCandidateSchema },
};
export const relinkageRunListRouteSchema = { tags: ['admin'], response: { 200: z.object({ items: z.array(relinkageRunSchema) }) } };
export const relinkageRunRequestRouteSchema = {
  tags: ['admin'],
  body: noRequestBody,
  response: { 202: relinkageRunRequestedSchema },
};
