import { meetingInputSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { meetingBody, meetingFormValues } from './meetingForm';

describe('meeting form', () => {
  it('starts a new meeting a week from today, in person, and the schema asks for its title', () => {
    const values = meetingFormValues(null, '2026-12-05');
    expect(values).toMatchObject({ date: '2026-12-12', time: '09:00', mode: 'in_person' });
    const result = meetingInputSchema.safeParse(meetingBody(values));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['title']);
  });

  it('keeps only what the mode uses: no link in a room, no place online', () => {
    const values = { ...meetingFormValues(null, '2026-12-05'), title: 'CMM', place: ' Room 2 ', onlineLink: 'https://meet.example.org/x' };
    expect(meetingBody(values)).toMatchObject({ place: 'Room 2', onlineLink: null });
    expect(meetingBody({ ...values, mode: 'online' })).toMatchObject({ place: null, onlineLink: 'https://meet.example.org/x' });
    expect(meetingBody({ ...values, mode: 'hybrid' })).toMatchObject({ place: 'Room 2', onlineLink: 'https://meet.example.org/x' });
    expect(meetingInputSchema.safeParse(meetingBody({ ...values, mode: 'hybrid' })).success).toBe(true);
  });

  it('a time that is not on the clock is refused by the same schema as the server', () => {
    const values = { ...meetingFormValues(null, '2026-12-05'), title: 'CMM', time: '24:30' };
    const result = meetingInputSchema.safeParse(meetingBody(values));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['time']);
  });
});
