import { TZDate } from '@date-fns/tz';
import { differenceInCalendarDays } from 'date-fns';
import { addCalendarDays, localToday } from '../followUp/schedule.js';

export { addCalendarDays, localToday };

/** A calendar day as a date at UTC midnight, so that no clock (server's or country's) shifts it. */
const utcDay = (isoDay: string) => new TZDate(`${isoDay}T00:00:00Z`, 'UTC');

/** Days from `today` to `until` (negative once past): both calendar days in the case's country. */
export const daysLeft = (today: string, until: string) => differenceInCalendarDays(utcDay(until), utcDay(today));

/** Days left at `now` for a period ending on `until` in the country's calendar. */
export const daysLeftAt = (countryCode: string, now: Date, until: string) => daysLeft(localToday(countryCode, now), until);
