import {
  CROSS_BORDER_REFERRAL_STATUSES,
  crossBorderReferralAnswerSchema,
  crossBorderReferralInputSchema,
  crossBorderReferralOutcomeSchema,
  crossBorderReferralSchema,
  crossBorderReferralSummarySchema,
  crossBorderReferralWithdrawSchema,
  REPATRIATION_SIDES,
} from '@seamless/contracts';
import { z } from 'zod';

const idParams = z.object({ id: z.string().uuid() }).strict();
const summaries = z.object({ items: z.array(crossBorderReferralSummarySchema) });
const tags = ['cross-border referrals'];

export const crossBorderReferralListRouteSchema = {
  tags,
  querystring: z
    .object({ side: z.enum(REPATRIATION_SIDES).optional(), status: z.enum(CROSS_BORDER_REFERRAL_STATUSES).optional() })
    .strict(),
  response: { 200: summaries },
};
export const crossBorderReferralGetRouteSchema = { tags, params: idParams, response: { 200: crossBorderReferralSchema } };
export const caseCrossBorderReferralListRouteSchema = { tags, params: idParams, response: { 200: summaries } };
export const crossBorderReferralSendRouteSchema = {
  tags,
  params: idParams,
  body: crossBorderReferralInputSchema,
  response: { 201: crossBorderReferralSchema },
};
const step = <T extends z.ZodType>(body: T) => ({ tags, params: idParams, body, response: { 200: crossBorderReferralSchema } });
export const crossBorderReferralAnswerRouteSchema = step(crossBorderReferralAnswerSchema);
export const crossBorderReferralOutcomeRouteSchema = step(crossBorderReferralOutcomeSchema);
export const crossBorderReferralWithdrawRouteSchema = step(crossBorderReferralWithdrawSchema);
