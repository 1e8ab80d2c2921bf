import {
  externalReferralInputSchema,
  pageOf,
  pageQuerySchema,
  REFERRAL_BOXES,
  REFERRAL_STATUSES,
  referralCloseSchema,
  referralDeclineSchema,
  referralInputSchema,
  referralOutcomeSchema,
  referralSchema,
  transferInputSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const caseParams = z.object({ id: z.string().uuid() }).strict();
const referralParams = z.object({ id: z.string().uuid() }).strict();
const referralList = z.object({ items: z.array(referralSchema) });

export const caseReferralListRouteSchema = { tags: ['referrals'], params: caseParams, response: { 200: referralList } };
export const referralCreateRouteSchema = {
  tags: ['referrals'],
  params: caseParams,
  body: referralInputSchema,
  response: { 201: referralSchema },
};
export const transferCreateRouteSchema = {
  tags: ['referrals'],
  params: caseParams,
  body: transferInputSchema,
  response: { 201: referralSchema },
};
export const externalReferralRouteSchema = {
  tags: ['referrals'],
  params: caseParams,
  body: externalReferralInputSchema,
  response: { 201: referralSchema },
};

export const referralInboxRouteSchema = {
  tags: ['referrals'],
  querystring: pageQuerySchema
    .pick({ page: true, pageSize: true })
    .extend({ box: z.enum(REFERRAL_BOXES).default('incoming'), status: z.enum(REFERRAL_STATUSES).optional() })
    .strict(),
  response: { 200: pageOf(referralSchema) },
};

export const referralAcceptRouteSchema = { tags: ['referrals'], params: referralParams, response: { 200: referralSchema } };
export const referralWithdrawRouteSchema = referralAcceptRouteSchema;
export const referralDeclineRouteSchema = {
  tags: ['referrals'],
  params: referralParams,
  body: referralDeclineSchema,
  response: { 200: referralSchema },
};
export const referralCompleteRouteSchema = {
  tags: ['referrals'],
  params: referralParams,
  body: referralOutcomeSchema,
  response: { 200: referralSchema },
};
export const referralCloseRouteSchema = {
  tags: ['referrals'],
  params: referralParams,
  body: referralCloseSchema,
  response: { 200: referralSchema },
};
