import {
  caseFollowUpSchema,
  followUpCloseSchema,
  followUpPolicyInputSchema,
  followUpPolicySchema,
  followUpPolicyUpdateSchema,
  followUpPreviewQuerySchema,
  followUpPreviewSchema,
  followUpReopenSchema,
  followUpRescheduleSchema,
  followUpStartSchema,
  followUpVisitRecordSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const caseParams = z.object({ id: z.string().uuid() }).strict();
const visitParams = z.object({ id: z.string().uuid(), visitId: z.string().uuid() }).strict();
const policyParams = z.object({ id: z.string().uuid() }).strict();

export const followUpGetRouteSchema = { tags: ['follow-up'], params: caseParams, response: { 200: caseFollowUpSchema } };
export const followUpPreviewRouteSchema = {
  tags: ['follow-up'],
  params: caseParams,
  querystring: followUpPreviewQuerySchema,
  response: { 200: followUpPreviewSchema },
};
export const followUpStartRouteSchema = {
  tags: ['follow-up'],
  params: caseParams,
  body: followUpStartSchema,
  response: { 201: caseFollowUpSchema },
};
export const followUpVisitRouteSchema = {
  tags: ['follow-up'],
  params: caseParams,
  body: followUpVisitRecordSchema,
  response: { 201: caseFollowUpSchema },
};
export const followUpRescheduleRouteSchema = {
  tags: ['follow-up'],
  params: visitParams,
  body: followUpRescheduleSchema,
  response: { 200: caseFollowUpSchema },
};
export const followUpCloseRouteSchema = {
  tags: ['follow-up'],
  params: caseParams,
  body: followUpCloseSchema,
  response: { 200: caseFollowUpSchema },
};
export const followUpReopenRouteSchema = {
  tags: ['follow-up'],
  params: caseParams,
  body: followUpReopenSchema,
  response: { 200: caseFollowUpSchema },
};

export const policyListRouteSchema = {
  tags: ['follow-up'],
  response: { 200: z.object({ items: z.array(followUpPolicySchema) }) },
};
export const policyCreateRouteSchema = {
  tags: ['follow-up'],
  body: followUpPolicyInputSchema,
  response: { 201: followUpPolicySchema },
};
export const policyUpdateRouteSchema = {
  tags: ['follow-up'],
  params: policyParams,
  body: followUpPolicyUpdateSchema,
  response: { 200: followUpPolicySchema },
};
