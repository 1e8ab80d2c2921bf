import type {
  AgencyDirectoryEntry,
  AgendaItemInput,
  AgendaItemUpdate,
  Locale,
  MeetingActionInput,
  MeetingAttendance,
  MeetingAttendeeInput,
  MeetingDetail,
  MeetingFollowUpInput,
  MeetingInput,
  MeetingPeople,
  MeetingSummary,
  MeetingUpdate,
} from '@seamless/contracts';
import { api, apiFetch } from '../../api/client';

export type MeetingWhen = 'upcoming' | 'past';

const meetingPath = (id: string, rest = '') => `/api/meetings/${encodeURIComponent(id)}${rest}`;

/** Saves a fetched file; a refusal arrives as a problem and is shown instead of saved. */
async function saveDownload(path: string, fallbackName: string) {
  const response = await apiFetch('GET', path, { headers: { accept: '*/*' } });
  const url = URL.createObjectURL(await response.blob());
  const disposition = /filename="?([^";]+)"?/i.exec(response.headers.get('content-disposition') ?? '');
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = disposition?.[1] ?? fallbackName;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const meetingApi = {
  agencies: () => api.get<{ items: AgencyDirectoryEntry[] }>('/api/agencies'),
  list: (when: MeetingWhen, caseId?: string) => api.get<{ items: MeetingSummary[] }>('/api/meetings', { query: { when, caseId } }),
  detail: (id: string) => api.get<MeetingDetail>(meetingPath(id)),
  people: (id: string) => api.get<MeetingPeople>(meetingPath(id, '/people')),
  create: (body: MeetingInput) => api.post<MeetingDetail>('/api/meetings', body),
  update: (id: string, body: MeetingUpdate) => api.patch<MeetingDetail>(meetingPath(id), body),
  followUp: (id: string, body: MeetingFollowUpInput) => api.post<MeetingDetail>(meetingPath(id, '/follow-up'), body),
  addAttendee: (id: string, body: MeetingAttendeeInput) => api.post<MeetingDetail>(meetingPath(id, '/attendees'), body),
  setAttendance: (id: string, attendeeId: string, attendance: MeetingAttendance) =>
    api.patch<MeetingDetail>(meetingPath(id, `/attendees/${encodeURIComponent(attendeeId)}`), { attendance }),
  removeAttendee: (id: string, attendeeId: string) =>
    api.delete<MeetingDetail>(meetingPath(id, `/attendees/${encodeURIComponent(attendeeId)}`)),
  addItem: (id: string, body: AgendaItemInput) => api.post<MeetingDetail>(meetingPath(id, '/items'), body),
  updateItem: (id: string, itemId: string, body: AgendaItemUpdate) =>
    api.patch<MeetingDetail>(meetingPath(id, `/items/${encodeURIComponent(itemId)}`), body),
  addDecision: (id: string, itemId: string, text: string) =>
    api.post<MeetingDetail>(meetingPath(id, `/items/${encodeURIComponent(itemId)}/decisions`), { text }),
  addAction: (id: string, itemId: string, body: MeetingActionInput) =>
    api.post<MeetingDetail>(meetingPath(id, `/items/${encodeURIComponent(itemId)}/actions`), body),
  setActionStatus: (id: string, actionId: string, status: 'open' | 'done' | 'cancelled') =>
    api.patch<MeetingDetail>(meetingPath(id, `/actions/${encodeURIComponent(actionId)}`), { status }),
  downloadMinutes: (id: string, locale: Locale) => saveDownload(`${meetingPath(id, '/minutes.pdf')}?locale=${locale}`, 'minutes.pdf'),
};
