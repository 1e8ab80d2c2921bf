import {
  deliverySchema,
  federationOverviewSchema,
  instanceDocumentSchema,
  keyRotationResultSchema,
  PACKET_KINDS,
  PACKET_STATUSES,
  packetImportResultSchema,
  packetRejectionSchema,
  pageOf,
  pageQuerySchema,
  partnerRegistrationSchema,
  partnerSchema,
  partnerStatusChangeSchema,
  RECEIPT_OUTCOMES,
} from '@seamless/contracts';
import { z } from 'zod';
import { noRequestBody } from '../noRequestBody.js';

const tags = ['federation'];
const partnerParams = z.object({ id: z.string().uuid() }).strict();
const packetParams = z.object({ packetId: z.string().uuid() }).strict();

export const identityRouteSchema = { tags, response: { 200: instanceDocumentSchema } };

/** A sealed packet is a JWE compact serialisation: five base64url parts. */
export const inboxRouteSchema = {
  tags,
  body: z.object({ packet: z.string().min(1).max(30_000_000) }).strict(),
  response: {
    200: z.object({ packetId: z.string().uuid(), outcome: z.enum(RECEIPT_OUTCOMES), receipt: z.string() }),
  },
};

export const overviewRouteSchema = { tags, response: { 200: federationOverviewSchema } };
/** No body: the new keys are drawn here, never chosen by the caller. */
export const keyRotationRouteSchema = { tags, body: noRequestBody, response: { 200: keyRotationResultSchema } };
export const partnerRegisterRouteSchema = { tags, body: partnerRegistrationSchema, response: { 201: partnerSchema } };
export const partnerStatusRouteSchema = { tags, params: partnerParams, body: partnerStatusChangeSchema, response: { 200: partnerSchema } };
export const partnerChoicesRouteSchema = {
  tags,
  response: { 200: z.object({ items: z.array(z.object({ id: z.string().uuid(), name: z.string(), country: z.string() })) }) },
};
export const deliveriesRouteSchema = {
  tags,
  querystring: pageQuerySchema
    .pick({ page: true, pageSize: true })
    .extend({
      direction: z.enum(['outgoing', 'incoming']).default('outgoing'),
      status: z.enum(PACKET_STATUSES).optional(),
      kind: z.enum(PACKET_KINDS).optional(),
    })
    .strict(),
  response: { 200: pageOf(deliverySchema) },
};
export const rejectionsRouteSchema = { tags, response: { 200: z.object({ items: z.array(packetRejectionSchema) }) } };
export const retryRouteSchema = { tags, params: packetParams, response: { 200: deliverySchema } };
export const packetFileRouteSchema = { tags, params: packetParams };
export const importRouteSchema = {
  tags,
  body: z.object({ content: z.string().min(1).max(30_000_000) }).strict(),
  response: { 200: packetImportResultSchema },
};
