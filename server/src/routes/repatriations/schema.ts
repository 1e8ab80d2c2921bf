import {
  bilateralMeetingInputSchema,
  familyAssessmentInputSchema,
  followUpReportInputSchema,
  handoverPlanInputSchema,
  handoverSignatureInputSchema,
  meetingMinutesInputSchema,
  meetingNotesInputSchema,
  openRepatriatedCaseInputSchema,
  REPATRIATION_SIDES,
  REPATRIATION_STATUSES,
  repatriationDecisionInputSchema,
  repatriationRequestInputSchema,
  repatriationSchema,
  repatriationSummarySchema,
  repatriationWithdrawInputSchema,
  verificationInputSchema,
} from '@seamless/contracts';
import { z } from 'zod';

const idParams = z.object({ id: z.string().uuid() }).strict();
const summaries = z.object({ items: z.array(repatriationSummarySchema) });
const tags = ['repatriations'];

export const repatriationListRouteSchema = {
  tags,
  querystring: z.object({ side: z.enum(REPATRIATION_SIDES).optional(), status: z.enum(REPATRIATION_STATUSES).optional() }).strict(),
  response: { 200: summaries },
};
export const repatriationGetRouteSchema = { tags, params: idParams, response: { 200: repatriationSchema } };
export const repatriationFileRouteSchema = {
  tags,
  params: z.object({ id: z.string().uuid(), index: z.coerce.number().int().min(0).max(9) }).strict(),
};
export const caseRepatriationListRouteSchema = { tags, params: idParams, response: { 200: summaries } };
export const repatriationRequestRouteSchema = {
  tags,
  params: idParams,
  body: repatriationRequestInputSchema,
  response: { 201: repatriationSchema },
};
const step = <T extends z.ZodType>(body: T) => ({ tags, params: idParams, body, response: { 200: repatriationSchema } });
export const verificationRouteSchema = step(verificationInputSchema);
export const familyAssessmentRouteSchema = step(familyAssessmentInputSchema);
export const decisionRouteSchema = step(repatriationDecisionInputSchema);
export const handoverPlanRouteSchema = step(handoverPlanInputSchema);
export const handoverSignatureRouteSchema = step(handoverSignatureInputSchema);
export const openCaseRouteSchema = step(openRepatriatedCaseInputSchema);
export const followUpReportRouteSchema = step(followUpReportInputSchema);
export const withdrawRouteSchema = step(repatriationWithdrawInputSchema);
export const meetingScheduleRouteSchema = step(bilateralMeetingInputSchema);
const meetingParams = z.object({ id: z.string().uuid(), meetingId: z.string().uuid() }).strict();
export const meetingMinutesRouteSchema = {
  tags,
  params: meetingParams,
  body: meetingMinutesInputSchema,
  response: { 200: repatriationSchema },
};
export const meetingNotesRouteSchema = {
  tags,
  params: meetingParams,
  body: meetingNotesInputSchema,
  response: { 200: repatriationSchema },
};
