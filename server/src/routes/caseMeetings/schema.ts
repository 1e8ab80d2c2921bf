import {
  agendaItemInputSchema,
  agendaItemUpdateSchema,
  meetingActionInputSchema,
  meetingActionUpdateSchema,
  meetingAttendeeInputSchema,
  meetingAttendeeUpdateSchema,
  meetingDecisionInputSchema,
  meetingDetailSchema,
  meetingFollowUpSchema,
  meetingInputSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingPeopleSchema,
  meetingUpdateSchema,
  minutesQuerySchema,
} from '@seamless/contracts';
import { z } from 'zod';

const meetingParams = z.object({ id: z.string().uuid() }).strict();
const itemParams = z.object({ id: z.string().uuid(), itemId: z.string().uuid() }).strict();
const attendeeParams = z.object({ id: z.string().uuid(), attendeeId: z.string().uuid() }).strict();
const actionParams = z.object({ id: z.string().uuid(), actionId: z.string().uuid() }).strict();
const tags = ['meetings'];

export const meetingListRouteSchema = { tags, querystring: meetingListQuerySchema, response: { 200: meetingListSchema } };
export const meetingCreateRouteSchema = { tags, body: meetingInputSchema, response: { 201: meetingDetailSchema } };
export const meetingReadRouteSchema = { tags, params: meetingParams, response: { 200: meetingDetailSchema } };
export const meetingPeopleRouteSchema = { tags, params: meetingParams, response: { 200: meetingPeopleSchema } };
export const meetingUpdateRouteSchema = { tags, params: meetingParams, body: meetingUpdateSchema, response: { 200: meetingDetailSchema } };
export const meetingFollowUpRouteSchema = {
  tags,
  params: meetingParams,
  body: meetingFollowUpSchema,
  response: { 201: meetingDetailSchema },
};
export const attendeeCreateRouteSchema = {
  tags,
  params: meetingParams,
  body: meetingAttendeeInputSchema,
  response: { 201: meetingDetailSchema },
};
export const attendeeUpdateRouteSchema = {
  tags,
  params: attendeeParams,
  body: meetingAttendeeUpdateSchema,
  response: { 200: meetingDetailSchema },
};
export const attendeeDeleteRouteSchema = { tags, params: attendeeParams, response: { 200: meetingDetailSchema } };
export const itemCreateRouteSchema = { tags, params: meetingParams, body: agendaItemInputSchema, response: { 201: meetingDetailSchema } };
export const itemUpdateRouteSchema = { tags, params: itemParams, body: agendaItemUpdateSchema, response: { 200: meetingDetailSchema } };
export const decisionCreateRouteSchema = {
  tags,
  params: itemParams,
  body: meetingDecisionInputSchema,
  response: { 201: meetingDetailSchema },
};
export const actionCreateRouteSchema = {
  tags,
  params: itemParams,
  body: meetingActionInputSchema,
  response: { 201: meetingDetailSchema },
};
export const actionUpdateRouteSchema = {
  tags,
  params: actionParams,
  body: meetingActionUpdateSchema,
  response: { 200: meetingDetailSchema },
};
export const minutesRouteSchema = { tags, params: meetingParams, querystring: minutesQuerySchema };
