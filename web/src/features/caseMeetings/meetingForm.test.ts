import { meetingInputSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/caseMeetings.json';
import th from '../../locales/th/caseMeetings.json';
import { meetingBody, meetingFormValues, meetingRefusedFields } from './meetingForm';

/** Meetings are held around now, so the form starts from the real day. */
const today = new Date().toISOString().slice(0, 10);
const inAWeek = new Date(Date.parse(`${today}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);

describe('meeting form', () => {
  it('starts a new meeting a week from today, in person, and the schema asks for its title', () => {
    const values = meetingFormValues(null, today);
    expect(values).toMatchObject({ date: inAWeek, time: '09:00', mode: 'in_person' });
    const result = meetingInputSchema.safeParse(meetingBody(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['title']);
  });

  it('keeps only what the mode uses: no link in a room, no place online', () => {
    const values = { ...meetingFormValues(null, today), title: 'CMM', place: ' Room 2 ', onlineLink: 'https://meet.example.org/x' };
    expect(meetingBody(values)).toMatchObject({ place: 'Room 2', onlineLink: null });
    expect(meetingBody({ ...values, mode: 'online' })).toMatchObject({ place: null, onlineLink: 'https://meet.example.org/x' });
    expect(meetingBody({ ...values, mode: 'hybrid' })).toMatchObject({ place: 'Room 2', onlineLink: 'https://meet.example.org/x' });
    expect(meetingInputSchema.safeParse(meetingBody({ ...values, mode: 'hybrid' })).success).toBe(true);
  });

  it('a time that is not on the clock is refused by the same schema as the server', () => {
    const values = { ...meetingFormValues(null, today), title: 'CMM', time: '24:30' };
    const result = meetingInputSchema.safeParse(meetingBody(values));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['time']);
  });

  it('refuses a link that is not a web link and a day far from now, each field worded by the form in the reader language', () => {
    const values = { ...meetingFormValues(null, today), title: 'CMM', mode: 'online' as const };
    const paths = (body: object) => meetingInputSchema.safeParse(body).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(paths(meetingBody({ ...values, onlineLink: 'javascript:alert(1)' }))).toEqual(['onlineLink']);
    expect(paths(meetingBody({ ...values, onlineLink: 'file:///etc/passwd' }))).toEqual(['onlineLink']);
    expect(paths(meetingBody({ ...values, onlineLink: 'http://meet.example.org/room' }))).toEqual([]);
    expect(paths(meetingBody({ ...values, date: '1900-01-01' }))).toEqual(['date']);

    const refused = meetingInputSchema.safeParse(meetingBody({ ...values, onlineLink: 'javascript:alert(1)', date: '1900-01-01' }));
    const errors = (refused.error?.issues ?? []).map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message }));
    expect(meetingRefusedFields(errors).sort()).toEqual(['date', 'onlineLink']);
    // A missing value keeps the generic "required" sentence; other fields are not the form's to word.
    expect(
      meetingRefusedFields([
        { path: 'date', code: 'invalid_type', message: 'x' },
        { path: 'title', code: 'too_small', message: 'x' },
      ]),
    ).toEqual([]);
    expect(en.caseMeetings.fields.refused.onlineLink).toContain('https://');
    expect(th.caseMeetings.fields.refused.onlineLink).toContain('https://');
    expect(th.caseMeetings.fields.refused.date).not.toBe(en.caseMeetings.fields.refused.date);
  });
});
