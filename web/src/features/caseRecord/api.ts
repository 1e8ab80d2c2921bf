import type {
  AgencyDirectoryEntry,
  Attachment,
  breakGlassInputSchema,
  CaseComment,
  CaseDetail,
  CaseShare,
  CaseTimelineEntry,
  Consent,
  caseCommentInputSchema,
  caseShareInputSchema,
  caseUpdateSchema,
  consentInputSchema,
  consentWithdrawSchema,
  IdentificationRecord,
  InterpreterRequest,
  Interview,
  interpreterRequestInputSchema,
  interpreterRequestUpdateSchema,
  interviewInputSchema,
  interviewUpdateSchema,
  Locale,
  Page,
  Perpetrator,
  Prescreening,
  perpetratorInputSchema,
  personUpdateSchema,
  prescreeningInputSchema,
  RecordSection,
  StatusDecisionRecord,
  statusDecisionInputSchema,
  TraffickingEvent,
  traffickingEventInputSchema,
  VictimContext,
  victimContextUpdateSchema,
} from '@seamless/contracts';
import { api, apiRequest, CSRF_COOKIE, CSRF_HEADER, readCookie } from '../../api/client';
import { NetworkError, problemFromResponse } from '../../api/problem';
import type { RequestBody } from '../../api/types';

export type CaseUpdateBody = RequestBody<typeof caseUpdateSchema>;
export type PersonUpdateBody = RequestBody<typeof personUpdateSchema>;
export type VictimContextBody = RequestBody<typeof victimContextUpdateSchema>;
export type TraffickingEventBody = RequestBody<typeof traffickingEventInputSchema>;
export type PerpetratorBody = RequestBody<typeof perpetratorInputSchema>;
export type PrescreeningBody = RequestBody<typeof prescreeningInputSchema>;
export type InterviewBody = RequestBody<typeof interviewInputSchema>;
export type InterviewUpdateBody = RequestBody<typeof interviewUpdateSchema>;
export type InterpreterRequestBody = RequestBody<typeof interpreterRequestInputSchema>;
export type InterpreterUpdateBody = RequestBody<typeof interpreterRequestUpdateSchema>;
export type StatusDecisionBody = RequestBody<typeof statusDecisionInputSchema>;
export type ConsentBody = RequestBody<typeof consentInputSchema>;
export type ConsentWithdrawBody = RequestBody<typeof consentWithdrawSchema>;
export type ShareBody = RequestBody<typeof caseShareInputSchema>;
export type BreakGlassBody = RequestBody<typeof breakGlassInputSchema>;
export type CommentBody = RequestBody<typeof caseCommentInputSchema>;

export const COMMENT_PAGE_SIZE = 20;
export const TIMELINE_PAGE_SIZE = 30;

const casePath = (caseId: string, ...parts: string[]) =>
  ['/api/cases', caseId, ...parts].map((part, index) => (index === 0 ? part : encodeURIComponent(part))).join('/');

function csrfHeaders(): Headers {
  const headers = new Headers({ accept: 'application/json, application/problem+json' });
  const token = readCookie(CSRF_COOKIE, typeof document === 'undefined' ? '' : document.cookie);
  if (token) headers.set(CSRF_HEADER, token);
  return headers;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (error) {
    throw new NetworkError(error);
  }
  if (!response.ok) throw await problemFromResponse(response);
  return response;
}

/** The file name the server chose (`filename*=UTF-8''…` wins over the plain form), else the fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // A malformed escape: the plain form below, or the fallback, still names the file.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Fetches a protected file and hands it to the browser as a download. Going through fetch rather
 * than a plain link lets a refusal (no identity access, no decision) show as a message instead of
 * saving the problem document as a file.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await send(path, { method: 'GET', headers: { accept: '*/*' } });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileNameFromDisposition(response.headers.get('content-disposition'), fallbackName);
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const caseRecordApi = {
  detail: (caseId: string) => api.get<CaseDetail>(casePath(caseId)),
  update: (caseId: string, body: CaseUpdateBody) => api.patch<CaseDetail>(casePath(caseId), body),
  updatePerson: (caseId: string, body: PersonUpdateBody) => api.patch<CaseDetail>(casePath(caseId, 'person'), body),
  saveVictimContext: (caseId: string, body: VictimContextBody) =>
    apiRequest<VictimContext>('PUT', casePath(caseId, 'victim-context'), { body }),

  events: (caseId: string) => api.get<{ items: TraffickingEvent[] }>(casePath(caseId, 'events')),
  addEvent: (caseId: string, body: TraffickingEventBody) => api.post<TraffickingEvent>(casePath(caseId, 'events'), body),
  removeEvent: (caseId: string, eventId: string) => api.delete(casePath(caseId, 'events', eventId)),
  perpetrators: (caseId: string) => api.get<{ items: Perpetrator[] }>(casePath(caseId, 'perpetrators')),
  addPerpetrator: (caseId: string, body: PerpetratorBody) => api.post<Perpetrator>(casePath(caseId, 'perpetrators'), body),
  removePerpetrator: (caseId: string, perpetratorId: string) => api.delete(casePath(caseId, 'perpetrators', perpetratorId)),

  identification: (caseId: string) => api.get<IdentificationRecord>(casePath(caseId, 'identification')),
  addPrescreening: (caseId: string, body: PrescreeningBody) => api.post<Prescreening>(casePath(caseId, 'prescreenings'), body),
  addInterview: (caseId: string, body: InterviewBody) => api.post<Interview>(casePath(caseId, 'interviews'), body),
  updateInterview: (caseId: string, interviewId: string, body: InterviewUpdateBody) =>
    api.patch<Interview>(casePath(caseId, 'interviews', interviewId), body),
  requestInterpreter: (caseId: string, interviewId: string, body: InterpreterRequestBody) =>
    api.post<InterpreterRequest>(casePath(caseId, 'interviews', interviewId, 'interpreter-requests'), body),
  updateInterpreterRequest: (caseId: string, requestId: string, body: InterpreterUpdateBody) =>
    api.patch<InterpreterRequest>(casePath(caseId, 'interpreter-requests', requestId), body),
  decideStatus: (caseId: string, body: StatusDecisionBody) => api.post<StatusDecisionRecord>(casePath(caseId, 'trafficking-status'), body),
  downloadCertificate: (caseId: string, decisionId: string, reference: string, locale: Locale) =>
    download(
      `${casePath(caseId, 'certificate')}?decisionId=${encodeURIComponent(decisionId)}&locale=${locale}`,
      `certificate-${reference}-${locale}.pdf`,
    ),

  consents: (caseId: string) => api.get<{ items: Consent[] }>(casePath(caseId, 'consents')),
  addConsent: (caseId: string, body: ConsentBody) => api.post<Consent>(casePath(caseId, 'consents'), body),
  withdrawConsent: (caseId: string, consentId: string, body: ConsentWithdrawBody) =>
    api.post<Consent>(casePath(caseId, 'consents', consentId, 'withdraw'), body),
  shares: (caseId: string) => api.get<{ items: CaseShare[] }>(casePath(caseId, 'shares')),
  share: (caseId: string, body: ShareBody) => api.post<CaseShare>(casePath(caseId, 'shares'), body),
  unshare: (caseId: string, agencyId: string) => api.delete(casePath(caseId, 'shares', agencyId)),
  breakGlass: (caseId: string, body: BreakGlassBody) => api.post<unknown>(casePath(caseId, 'break-glass'), body),

  comments: (caseId: string, page: number) =>
    api.get<Page<CaseComment>>(casePath(caseId, 'comments'), { query: { page, pageSize: COMMENT_PAGE_SIZE } }),
  addComment: (caseId: string, body: CommentBody) => api.post<CaseComment>(casePath(caseId, 'comments'), body),
  attachments: (caseId: string) => api.get<{ items: Attachment[] }>(casePath(caseId, 'attachments')),
  upload: async (caseId: string, file: File, section: RecordSection): Promise<Attachment> => {
    const form = new FormData();
    // The section first: a streaming multipart reader sees it before the file's bytes.
    form.append('section', section);
    form.append('file', file, file.name);
    const response = await send(casePath(caseId, 'attachments'), { method: 'POST', headers: csrfHeaders(), body: form });
    return (await response.json()) as Attachment;
  },
  downloadAttachment: (caseId: string, attachment: Pick<Attachment, 'id' | 'fileName'>) =>
    download(casePath(caseId, 'attachments', attachment.id), attachment.fileName),

  timeline: (caseId: string, page: number) =>
    api.get<Page<CaseTimelineEntry>>(casePath(caseId, 'timeline'), { query: { page, pageSize: TIMELINE_PAGE_SIZE } }),

  /** Another record of the same person joins this one (an administrator can undo it). */
  mergePerson: (personId: string, mergedPersonId: string) =>
    api.post<unknown>(`/api/persons/${encodeURIComponent(personId)}/merge`, { mergedPersonId }),

  agencies: () => api.get<{ items: AgencyDirectoryEntry[] }>('/api/agencies'),
};
