import type { FieldError, MeetingDetail, MeetingMode } from '@seamless/contracts';

export interface MeetingFormValues {
  title: string;
  date: string;
  time: string;
  mode: MeetingMode;
  place: string;
  onlineLink: string;
  invitedAgencyIds: string[];
  partner: string;
}

/** A new meeting starts next week at nine, in person; an existing one as it stands. */
export function meetingFormValues(meeting: MeetingDetail | null, today: string): MeetingFormValues {
  if (!meeting) {
    const nextWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    return { title: '', date: nextWeek, time: '09:00', mode: 'in_person', place: '', onlineLink: '', invitedAgencyIds: [], partner: '' };
  }
  return {
    title: meeting.title,
    date: meeting.date,
    time: meeting.time,
    mode: meeting.mode,
    place: meeting.place ?? '',
    onlineLink: meeting.onlineLink ?? '',
    invitedAgencyIds: meeting.invitedAgencies.map((agency) => agency.id),
    partner: meeting.partner ?? '',
  };
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The request body: a place for meetings in a room, a link for meetings online, both for hybrid ones. */
export function meetingBody(values: MeetingFormValues) {
  return {
    title: values.title,
    date: values.date,
    time: values.time,
    mode: values.mode,
    place: values.mode === 'online' ? null : blankToNull(values.place),
    onlineLink: values.mode === 'in_person' ? null : blankToNull(values.onlineLink),
    invitedAgencyIds: values.invitedAgencyIds,
    partner: blankToNull(values.partner),
  };
}

const WORDED_FIELDS = ['onlineLink', 'date'] as const;
export type MeetingWordedField = (typeof WORDED_FIELDS)[number];

/**
 * A link that is not a web link, or a day outside the range a meeting is held in, is refused with
 * an English message or a generic code: these fields get the meeting form's own sentence.
 */
export function meetingRefusedFields(errors: readonly FieldError[]): MeetingWordedField[] {
  const fields = errors
    .filter((error) => error.code !== 'invalid_type')
    .map((error) => error.path)
    .filter((path): path is MeetingWordedField => (WORDED_FIELDS as readonly string[]).includes(path));
  return [...new Set(fields)];
}
