import type {
  bilateralMeetingInputSchema,
  familyAssessmentInputSchema,
  followUpReportInputSchema,
  handoverPlanInputSchema,
  handoverSignatureInputSchema,
  meetingMinutesInputSchema,
  meetingNotesInputSchema,
  openRepatriatedCaseInputSchema,
  Repatriation,
  RepatriationAction,
  RepatriationRequestInput,
  RepatriationSide,
  RepatriationStatus,
  RepatriationSummary,
  repatriationDecisionInputSchema,
  repatriationWithdrawInputSchema,
  verificationInputSchema,
} from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';
import { download } from '../caseRecord/api';

/** An active partner instance a repatriation can be sent to. */
export interface PartnerChoice {
  id: string;
  name: string;
  country: string;
}

/** One next step of a repatriation, with the body its endpoint takes. */
export type RepatriationStep =
  | { action: 'verify'; body: RequestBody<typeof verificationInputSchema> }
  | { action: 'assess_family'; body: RequestBody<typeof familyAssessmentInputSchema> }
  | { action: 'decide'; body: RequestBody<typeof repatriationDecisionInputSchema> }
  | { action: 'plan_handover'; body: RequestBody<typeof handoverPlanInputSchema> }
  | { action: 'sign_handover'; body: RequestBody<typeof handoverSignatureInputSchema> }
  | { action: 'open_case'; body: RequestBody<typeof openRepatriatedCaseInputSchema> }
  | { action: 'report_follow_up'; body: RequestBody<typeof followUpReportInputSchema> }
  | { action: 'withdraw'; body: RequestBody<typeof repatriationWithdrawInputSchema> }
  | { action: 'schedule_meeting'; body: RequestBody<typeof bilateralMeetingInputSchema> }
  | { action: 'record_meeting'; meetingId: string; body: RequestBody<typeof meetingMinutesInputSchema> };

export type MeetingNotesBody = RequestBody<typeof meetingNotesInputSchema>;

const STEP_PATHS: Record<Exclude<RepatriationAction, 'record_meeting'>, string> = {
  verify: 'verification',
  assess_family: 'family-assessment',
  decide: 'decision',
  plan_handover: 'handover-plan',
  sign_handover: 'handover-signature',
  open_case: 'open-case',
  report_follow_up: 'follow-up-reports',
  withdraw: 'withdraw',
  schedule_meeting: 'meetings',
};

const repatriationPath = (id: string, ...parts: string[]) =>
  ['/api/repatriations', id, ...parts].map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join('/');
/** What was agreed belongs to one meeting; every other step to the repatriation itself. */
const stepPath = (id: string, step: RepatriationStep) =>
  step.action === 'record_meeting'
    ? repatriationPath(id, 'meetings', step.meetingId, 'minutes')
    : repatriationPath(id, STEP_PATHS[step.action]);
const caseRepatriationsPath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/repatriations`;

export const repatriationApi = {
  partners: () => api.get<{ items: PartnerChoice[] }>('/api/federation/partners'),
  list: (side: RepatriationSide, status: RepatriationStatus | null) =>
    api.get<{ items: RepatriationSummary[] }>('/api/repatriations', { query: { side, status } }),
  detail: (id: string) => api.get<Repatriation>(repatriationPath(id)),
  ofCase: (caseId: string) => api.get<{ items: RepatriationSummary[] }>(caseRepatriationsPath(caseId)),
  request: (caseId: string, body: RepatriationRequestInput) => api.post<Repatriation>(caseRepatriationsPath(caseId), body),
  step: (id: string, step: RepatriationStep) => api.post<Repatriation>(stepPath(id, step), step.body),
  /** This side's own notes of a meeting: kept here, never sent. */
  meetingNotes: (id: string, meetingId: string, body: MeetingNotesBody) =>
    api.post<Repatriation>(repatriationPath(id, 'meetings', meetingId, 'notes'), body),
  /** A file that came with the request, for a reader whose role opens its section. */
  downloadFile: (id: string, file: { index: number; fileName: string }) =>
    download(repatriationPath(id, 'files', String(file.index)), file.fileName),
};
