import type { Notification } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { arrivalsByKind } from './arrivals';

const notice = (
  id: string,
  kind: Notification['kind'],
  caseReference: string | null,
  caseId: string | null = caseReference && `case-${id}`,
) => ({
  id,
  kind,
  caseId,
  caseReference,
  subjectId: null,
  dueOn: null,
  createdAt: '2026-03-10T08:00:00Z',
  readAt: null,
});

describe('what arrived since the last visit', () => {
  it('counts the unread notices by kind, newest kind first, and names only the cases the reader may open', () => {
    const arrivals = arrivalsByKind([
      notice('1', 'referral_received', 'TH-2026-AAA'),
      notice('2', 'task_due', 'TH-2026-BBB'),
      notice('3', 'referral_received', null, 'case-not-shared'),
      notice('4', 'directory_contact_unverified', null),
    ]);
    expect(arrivals).toEqual([
      { kind: 'referral_received', count: 2, cases: [{ id: '1', caseId: 'case-1', caseReference: 'TH-2026-AAA' }] },
      { kind: 'task_due', count: 1, cases: [{ id: '2', caseId: 'case-2', caseReference: 'TH-2026-BBB' }] },
      { kind: 'directory_contact_unverified', count: 1, cases: [] },
    ]);
  });

  it('counts the cases assigned to her, with their references to open', () => {
    const arrivals = arrivalsByKind([
      notice('5', 'case_assigned', 'TH-2026-CCC'),
      notice('6', 'task_due', 'TH-2026-CCC'),
      notice('7', 'case_assigned', 'TH-2026-DDD'),
    ]);
    expect(arrivals[0]).toEqual({
      kind: 'case_assigned',
      count: 2,
      cases: [
        { id: '5', caseId: 'case-5', caseReference: 'TH-2026-CCC' },
        { id: '7', caseId: 'case-7', caseReference: 'TH-2026-DDD' },
      ],
    });
  });
});
