import type { TaskCaseGroup } from '@seamless/contracts';

/** How soon a person needs the worker, by the earliest thing due on her case. */
export const URGENCY_BANDS = ['overdue', 'today', 'week', 'later'] as const;
export type UrgencyBand = (typeof URGENCY_BANDS)[number];

/** The calendar day `days` after an ISO day, as an ISO day (no time zone can shift it). */
function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function urgencyOf(dueOn: string, today: string): UrgencyBand {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  if (dueOn <= addDays(today, 6)) return 'week';
  return 'later';
}

/** The reader's own day, not UTC's: a task due today in Bangkok is due today after 17:00 too. */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface UrgencyGroup {
  band: UrgencyBand;
  people: TaskCaseGroup[];
}

const firstDue = (group: TaskCaseGroup) => group.tasks[0]?.dueOn ?? '';

/**
 * One entry per person, placed by her most pressing item and with her items soonest first;
 * the bands in order of urgency, empty ones left out.
 */
export function groupByUrgency(groups: readonly TaskCaseGroup[], today: string): UrgencyGroup[] {
  const bands = new Map<UrgencyBand, TaskCaseGroup[]>();
  for (const group of groups) {
    const tasks = [...group.tasks].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    const first = tasks[0];
    if (!first) continue;
    const band = urgencyOf(first.dueOn, today);
    bands.set(band, [...(bands.get(band) ?? []), { ...group, tasks }]);
  }
  return URGENCY_BANDS.flatMap((band) => {
    const people = bands.get(band);
    return people ? [{ band, people: people.sort((a, b) => firstDue(a).localeCompare(firstDue(b))) }] : [];
  });
}
