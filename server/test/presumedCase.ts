import { addDays, isoDay } from '../src/commands/openCase.js';
import { openedDaysAgo } from './caseOpening.js';
import type { ApiClient, TestApp } from './harness.js';

const daysAgo = (days: number) => addDays(isoDay(new Date()), -days);

/**
 * A case of the Chiang Rai office, opened a month ago, with its completed interview three days
 * ago and a Presumed decision yesterday — the least a victim certificate can be issued on.
 */
export async function presumedCase(
  t: Pick<TestApp, 'database'>,
  worker: ApiClient,
  agencies: { chiangrai: string; atpd: string },
  person: Record<string, unknown>,
): Promise<{ id: string; reference: string }> {
  const created = await worker.post('/api/cases', {
    person: { gender: 'Feminine', ...person },
    intake: { channel: 'border_screening', urgency: 'routine' },
    locale: 'en',
  });
  if (created.status !== 201) throw new Error(`case not opened: ${JSON.stringify(created.body)}`);
  const { id, version, reference } = created.body as { id: string; version: number; reference: string };
  await openedDaysAgo(t, id, 30);
  const interview = await worker.post(`/api/cases/${id}/interviews`, {
    conductedOn: daysAgo(3),
    place: 'Mae Sai',
    language: 'my',
    participantAgencyIds: [agencies.atpd],
    stepsCompleted: ['pre_screening'],
    indicators: { act: ['recruitment'], means: ['deception'], purpose: ['forced_labour'] },
    account: 'Promised factory work, held at the border.',
    status: 'completed',
  });
  if (interview.status !== 201) throw new Error(`interview not recorded: ${JSON.stringify(interview.body)}`);
  const decided = await worker.post(`/api/cases/${id}/trafficking-status`, {
    toStatus: 'Presumed',
    decidingAgencyId: agencies.chiangrai,
    decidedOn: daysAgo(1),
    decidedByName: 'Provincial MDT, Chiang Rai',
    reasons: 'Recruitment by deception for forced labour.',
    caseVersion: version,
  });
  if (decided.status !== 201) throw new Error(`decision not recorded: ${JSON.stringify(decided.body)}`);
  return { id, reference };
}
