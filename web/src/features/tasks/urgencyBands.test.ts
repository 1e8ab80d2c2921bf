import type { CaseTask, TaskCaseGroup } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { groupByUrgency, localToday, urgencyOf } from './urgencyBands';

const task = (caseId: string, dueOn: string, kind: CaseTask['kind'] = 'identification_deadline'): CaseTask => ({
  id: `${caseId}-${dueOn}-${kind}`,
  caseId,
  caseReference: `TH-${caseId}`,
  kind,
  title: null,
  dueOn,
  overdue: false,
  assigneeUserId: null,
  doneAt: null,
});
const person = (caseId: string, ...tasks: CaseTask[]): TaskCaseGroup => ({
  caseId,
  caseReference: `TH-${caseId}`,
  displayName: `Person ${caseId}`,
  overdue: 0,
  tasks,
});

describe('urgency', () => {
  it('puts a day in overdue, today, this week (six days on) or later', () => {
    expect(urgencyOf('2026-03-09', '2026-03-10')).toBe('overdue');
    expect(urgencyOf('2026-03-10', '2026-03-10')).toBe('today');
    expect(urgencyOf('2026-03-16', '2026-03-10')).toBe('week');
    expect(urgencyOf('2026-03-17', '2026-03-10')).toBe('later');
    expect(urgencyOf('2026-01-02', '2025-12-30')).toBe('week');
  });

  it('keeps one entry per person, in the band of her most pressing item, with her items soonest first', () => {
    const bands = groupByUrgency(
      [
        person('a', task('a', '2026-04-30'), task('a', '2026-03-12', 'follow_up_visit')),
        person('b', task('b', '2026-03-01')),
        person('c', task('c', '2026-05-01')),
        person('d', task('d', '2026-03-11')),
      ],
      '2026-03-10',
    );
    expect(bands.map(({ band, people }) => [band, people.map((p) => p.caseId)])).toEqual([
      ['overdue', ['b']],
      ['week', ['d', 'a']],
      ['later', ['c']],
    ]);
    expect(bands[1]?.people[1]?.tasks.map((item) => item.dueOn)).toEqual(['2026-03-12', '2026-04-30']);
  });

  it('takes today from the reader’s clock, not UTC', () => {
    expect(localToday(new Date(2026, 2, 10, 23, 30))).toBe('2026-03-10');
  });
});
