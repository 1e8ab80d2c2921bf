import { type Interview, interviewInputSchema } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../lib/validation';
import {
  existingInterviewValues,
  interpreterHoldsCompletion,
  interviewCandidate,
  latestPrescreening,
  newInterviewValues,
  suggestedIndicators,
} from './interviewForm';

describe('the interview form', () => {
  it('ticks the indicators the pre-screening suggests, under their own element, once each', () => {
    expect(
      suggestedIndicators({
        answers: {
          deceived_about_job: 'yes',
          recruited_by_broker: 'yes',
          documents_withheld: 'yes',
          confined: 'no',
          not_a_question: 'yes',
        },
      }),
    ).toEqual({ act: ['recruitment'], means: ['deception', 'fraud', 'document_retention'], purpose: [] });
    expect(suggestedIndicators(null)).toEqual({ act: [], means: [], purpose: [] });
  });

  it('takes the latest pre-screening', () => {
    const older = { id: 'a', answers: {}, outcome: 'no_indication' as const, conductedByName: 'x', conductedAt: '2026-01-01T00:00:00Z' };
    const newer = { ...older, id: 'b', conductedAt: '2026-02-01T00:00:00Z' };
    expect(latestPrescreening([older, newer])?.id).toBe('b');
    expect(latestPrescreening([])).toBeNull();
  });

  it('holds the interview as a draft while an interpreter is only requested', () => {
    const request = (status: 'requested' | 'provided' | 'cancelled') => ({ status }) as Interview['interpreterRequests'][number];
    const interview = (status: 'draft' | 'completed', requests: Interview['interpreterRequests']) =>
      ({ status, interpreterRequests: requests }) as Interview;
    expect(interpreterHoldsCompletion({ interpreterLanguage: 'my' }, null)).toBe(true);
    expect(interpreterHoldsCompletion({ interpreterLanguage: null }, null)).toBe(false);
    expect(interpreterHoldsCompletion({ interpreterLanguage: null }, interview('draft', [request('provided'), request('requested')]))).toBe(
      true,
    );
    expect(interpreterHoldsCompletion({ interpreterLanguage: null }, interview('draft', [request('provided'), request('cancelled')]))).toBe(
      false,
    );
    expect(interpreterHoldsCompletion({ interpreterLanguage: null }, interview('completed', [request('requested')]))).toBe(false);
  });

  it('sends indicators in the catalogue order and a valid body', () => {
    const values = {
      ...newInterviewValues('th_mdt', '2026-03-01', { act: [], means: [], purpose: [] }),
      means: ['fraud', 'threat'],
      completed: true,
    };
    const candidate = interviewCandidate(values, true);
    expect(candidate.indicators.means).toEqual(['threat', 'fraud']);
    expect(candidate.status).toBe('completed');
    expect(validate(interviewInputSchema, candidate).ok).toBe(true);
  });

  it('leaves the account out for a reader without the identity section, so it is kept rather than erased', () => {
    const values = { ...newInterviewValues('th_mdt', '2026-03-01', { act: [], means: [], purpose: [] }), account: '' };
    expect('account' in interviewCandidate(values, false)).toBe(false);
    expect(interviewCandidate(values, true).account).toBeNull();
  });

  it('edits an interview as recorded, falling back to the country procedure for an unknown one', () => {
    const interview: Interview = {
      id: '00000000-0000-4000-8000-000000000001',
      procedure: 'retired_procedure',
      stepsCompleted: ['pre_screening'],
      conductedOn: '2026-02-02',
      place: null,
      language: 'my',
      conductedByName: 'Nok',
      agencyName: 'PSDHS',
      participantAgencies: [{ id: '00000000-0000-4000-8000-000000000009', name: 'ATPD' }],
      indicators: { act: ['recruitment'], means: [], purpose: ['forced_labour'] },
      childAtTime: true,
      account: null,
      status: 'completed',
      interpreterRequests: [],
      version: 3,
      updatedAt: '2026-02-02T00:00:00Z',
    };
    expect(existingInterviewValues(interview, 'th_mdt')).toMatchObject({
      procedure: 'th_mdt',
      language: 'my',
      participantAgencyIds: ['00000000-0000-4000-8000-000000000009'],
      act: ['recruitment'],
      purpose: ['forced_labour'],
      completed: true,
      interpreterLanguage: null,
    });
  });
});
