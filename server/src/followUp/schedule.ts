import { TZDate } from '@date-fns/tz';
import { COUNTRY_TIME_ZONES, type FollowUpCompliance, type FollowUpStep, type FollowUpVisitStatus } from '@seamless/contracts';
import { addDays, addMonths, format } from 'date-fns';

const ISO_DAY = 'yyyy-MM-dd';
/** A schedule is never longer than this, whatever a policy says. */
const MAX_VISITS = 120;

/** Where "today" is for a case: the calendar date in the country's zone at `now` (23:30 UTC is already tomorrow in Bangkok). */
export function localToday(countryCode: string, now: Date): string {
  return format(new TZDate(now, COUNTRY_TIME_ZONES[countryCode] ?? 'UTC'), ISO_DAY);
}

/** A local date as midnight of that day, so that calendar arithmetic ignores every clock. */
function calendarDay(isoDay: string): TZDate {
  const [year, month, day] = isoDay.split('-').map(Number);
  return new TZDate(year!, month! - 1, day!, 'UTC');
}

export const addCalendarDays = (isoDay: string, days: number) => format(addDays(calendarDay(isoDay), days), ISO_DAY);

/** Months after the start at which a policy's visits fall, stretch after stretch. */
export function visitMonthOffsets(steps: readonly FollowUpStep[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const step of steps) {
    const more = (count: number) => (step.times !== undefined ? count < step.times : at + step.everyMonths <= (step.untilMonths ?? 0));
    for (let count = 0; more(count) && offsets.length < MAX_VISITS; count += 1) {
      at += step.everyMonths;
      offsets.push(at);
    }
  }
  return offsets;
}

/**
 * Visit dates from the start: each counted in calendar months from the start itself, not from
 * the visit before, so that 31 January gives 28/29 February and then 31 March again.
 */
export function followUpDates(startOn: string, steps: readonly FollowUpStep[]): string[] {
  const start = calendarDay(startOn);
  return visitMonthOffsets(steps).map((months) => format(addMonths(start, months), ISO_DAY));
}

export type ScheduledVisitState = {
  scheduledOn: string | null;
  actualOn: string | null;
  cancelled: boolean;
};

/** Done once recorded; missed when not recorded within the grace days after its date. */
export function visitStatus(visit: ScheduledVisitState, today: string, graceDays: number): FollowUpVisitStatus {
  if (visit.actualOn) return 'done';
  if (visit.cancelled) return 'cancelled';
  if (!visit.scheduledOn || visit.scheduledOn > today) return 'upcoming';
  return addCalendarDays(visit.scheduledOn, graceDays) < today ? 'missed' : 'due';
}

/** Visits whose day has come, how many were made, how many were missed, and those outside the plan. */
export function followUpCompliance(
  visits: readonly (ScheduledVisitState & { sequence: number | null })[],
  today: string,
  graceDays: number,
): FollowUpCompliance {
  const scheduled = visits.filter((visit) => visit.sequence !== null && !visit.cancelled);
  const statuses = scheduled.map((visit) => visitStatus(visit, today, graceDays));
  return {
    dueSoFar: scheduled.filter((visit) => visit.actualOn || (visit.scheduledOn !== null && visit.scheduledOn <= today)).length,
    done: statuses.filter((status) => status === 'done').length,
    missed: statuses.filter((status) => status === 'missed').length,
    unscheduled: visits.filter((visit) => visit.sequence === null).length,
  };
}
