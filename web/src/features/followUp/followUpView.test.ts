import type { FollowUp, FollowUpVisit } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { complianceRate, followUpStage, openVisits, stepParts } from './followUpView';

const visit = (id: string, status: FollowUpVisit['status'], scheduledOn: string | null, sequence: number | null = 1): FollowUpVisit => ({
  id,
  sequence,
  scheduledOn,
  originallyScheduledOn: null,
  rescheduleReason: null,
  status,
  actualOn: null,
  mode: null,
  visitingAgencyId: null,
  visitingAgencyName: null,
  visitorName: null,
  findings: null,
  situation: null,
  nextSteps: null,
  assessmentId: null,
  version: 1,
});

const followUp = (visits: FollowUpVisit[], status: FollowUp['status'] = 'active'): FollowUp => ({
  id: 'f',
  status,
  startOn: '2026-01-01',
  policyId: 'p',
  policyName: 'Policy',
  steps: [{ everyMonths: 1, times: 3 }],
  defaultMode: 'in_person',
  graceDays: 7,
  closedOn: null,
  closureReason: null,
  closureNote: null,
  reopenReason: null,
  visits,
  compliance: { dueSoFar: 4, done: 3, missed: 1, unscheduled: 0 },
});

describe('follow-up view', () => {
  it('names the stage by the newest follow-up', () => {
    expect(followUpStage({ followUps: [] })).toBe('none');
    expect(followUpStage({ followUps: [followUp([], 'closed'), followUp([])] })).toBe('closed');
  });

  it('lists open planned visits missed first, then due, then upcoming by date; made, cancelled and unplanned ones are left out', () => {
    const visits = [
      visit('later', 'upcoming', '2026-09-01'),
      visit('sooner', 'upcoming', '2026-06-01'),
      visit('due', 'due', '2026-05-01'),
      visit('missed', 'missed', '2026-04-01'),
      visit('done', 'done', '2026-03-01'),
      visit('cancelled', 'cancelled', '2026-02-01'),
      visit('call', 'done', null, null),
    ];
    expect(openVisits(followUp(visits)).map((v) => v.id)).toEqual(['missed', 'due', 'sooner', 'later']);
  });

  it('reads a policy step and a compliance rate', () => {
    expect(stepParts({ everyMonths: 3, untilMonths: 12 })).toEqual({ every: 3, times: null, until: 12 });
    expect(complianceRate(followUp([]))).toBe(75);
    expect(complianceRate({ compliance: { dueSoFar: 0, done: 0, missed: 0, unscheduled: 2 } })).toBeNull();
  });
});
