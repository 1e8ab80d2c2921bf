import { CASE_EVENT_KINDS, CASE_INVOLVEMENTS, CONSENT_REFUSALS, type Consent, RECORD_SECTIONS } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import en from '../../locales/en/caseRecord.json';
import { agencyLabel } from './agencyLabel';
import { fileNameFromDisposition } from './api';
import { CASE_TABS, tabFromHash } from './caseTabs';
import { writableSections } from './common/sections';
import { RECORD_FIELD_CODES } from './common/useRecordFieldErrors';
import { consentGap, consentState } from './consent/consentCheck';
import { fileProblem, formatBytes } from './notes/files';
import { consentRefusalOf, isConflict, statusRefusalOf } from './problems';
import { certifiableDecisionId, competentFunctions, decidingAgencies, decisionInterviews, nextStatuses } from './statusDecision';
import { entryChange } from './timeline/entryChange';

const problem = (status: number, code: ApiProblem['code'], errors: { path: string; code: string }[] = []) =>
  new ApiProblem({
    type: `urn:seamless:problem:${code}`,
    title: code,
    status,
    code,
    errors: errors.map((error) => ({ ...error, message: 'English text' })),
  });

function lookup(path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), en);
}

describe('the case-record catalogue', () => {
  const required: Record<string, readonly string[]> = {
    'caseRecord.tabs': CASE_TABS,
    'caseRecord.section': RECORD_SECTIONS,
    'caseRecord.involvement': CASE_INVOLVEMENTS,
    'caseRecord.access.how': CASE_INVOLVEMENTS,
    'caseRecord.event': CASE_EVENT_KINDS,
    'caseRecord.share.refusal': CONSENT_REFUSALS,
    'caseRecord.fieldError': RECORD_FIELD_CODES,
    'caseRecord.prescreening.outcomes': ['refer_to_identification', 'no_indication'],
    'caseRecord.interpreter.status': ['requested', 'provided', 'unavailable', 'cancelled'],
    'caseRecord.interview.status': ['draft', 'completed'],
    'caseRecord.consent.state': ['active', 'withdrawn', 'expired'],
  };

  it.each(Object.entries(required))('labels every value of %s', (prefix, values) => {
    expect(values.filter((value) => typeof lookup(`${prefix}.${value}`) !== 'string')).toEqual([]);
  });
});

describe('tabFromHash', () => {
  it('reads a known tab with or without the hash sign', () => {
    expect(tabFromHash('#identification')).toBe('identification');
    expect(tabFromHash('consent')).toBe('consent');
  });

  it('falls back to the overview for anything else', () => {
    expect(tabFromHash(undefined)).toBe('overview');
    expect(tabFromHash('')).toBe('overview');
    expect(tabFromHash('#admin')).toBe('overview');
    expect(tabFromHash('#Identification')).toBe('overview');
  });
});

describe('status decisions', () => {
  it('offers the next step only: potential → presumed → identified, or not a victim', () => {
    expect(nextStatuses('Potential')).toEqual(['Presumed', 'NotAVictim']);
    expect(nextStatuses('Presumed')).toEqual(['Identified', 'NotAVictim']);
    expect(nextStatuses('Identified')).toEqual([]);
    expect(nextStatuses('NotAVictim')).toEqual(['Potential']);
    expect(nextStatuses('Potential')).not.toContain('Identified');
  });

  const procedure = { decidingAgencyFunctions: ['police', 'prosecutor'] as const, preliminaryAgencyFunctions: ['ngo', 'police'] as const };

  it('lets only deciding agencies identify, and preliminary or deciding ones presume', () => {
    expect(competentFunctions(procedure, 'Identified')).toEqual(['police', 'prosecutor']);
    expect(competentFunctions(procedure, 'Presumed')).toEqual(['ngo', 'police', 'prosecutor']);
    expect(competentFunctions(procedure, 'NotAVictim')).toBeNull();
    expect(competentFunctions(procedure, null)).toBeNull();
  });

  it('lists competent agencies, those of the case country first', () => {
    const agency = (id: string, agencyFunction: 'police' | 'ngo' | 'shelter', countryCode: string) => ({
      id,
      name: id,
      localName: null,
      acronym: null,
      agencyFunction,
      countryCode,
      province: null,
    });
    const all = [agency('kh-police', 'police', 'KH'), agency('th-shelter', 'shelter', 'TH'), agency('th-police', 'police', 'TH')];
    expect(decidingAgencies(all, ['police'], 'TH').map((item) => item.id)).toEqual(['th-police', 'kh-police']);
    expect(decidingAgencies(all, null, 'TH')).toHaveLength(3);
  });

  it('certifies only the decision in force, when it presumed or identified the person', () => {
    const presumed = { id: 'p', toStatus: 'Presumed' as const, recordedAt: '2026-01-01T10:00:00Z' };
    const identified = { id: 'i', toStatus: 'Identified' as const, recordedAt: '2026-01-05T10:00:00Z' };
    const notVictim = { id: 'n', toStatus: 'NotAVictim' as const, recordedAt: '2026-01-06T10:00:00Z' };
    expect(certifiableDecisionId([presumed], 'Presumed')).toBe('p');
    expect(certifiableDecisionId([presumed, identified], 'Identified')).toBe('i');
    expect(certifiableDecisionId([identified, presumed], 'Identified')).toBe('i');
    expect(certifiableDecisionId([presumed, notVictim], 'NotAVictim')).toBeNull();
    expect(certifiableDecisionId([], 'Potential')).toBeNull();
    // The list was read before a newer decision: nothing is offered rather than a superseded certificate.
    expect(certifiableDecisionId([presumed], 'Identified')).toBeNull();
  });

  it('rests a decision on completed interviews only, latest first', () => {
    const interviews = [
      { id: 'old', status: 'completed' as const, conductedOn: '2026-01-01', updatedAt: '2026-01-01T00:00:00Z' },
      { id: 'draft', status: 'draft' as const, conductedOn: '2026-03-01', updatedAt: '2026-03-01T00:00:00Z' },
      { id: 'new', status: 'completed' as const, conductedOn: '2026-02-01', updatedAt: '2026-02-01T00:00:00Z' },
    ];
    expect(decisionInterviews(interviews).map((interview) => interview.id)).toEqual(['new', 'old']);
  });
});

describe('problems', () => {
  it('recognises a conflict only from a 409 conflict problem', () => {
    expect(isConflict(problem(409, 'conflict'))).toBe(true);
    expect(isConflict(problem(422, 'validation_failed'))).toBe(false);
    expect(isConflict(new Error('conflict'))).toBe(false);
  });

  it('says why a share was refused from the field error code', () => {
    expect(consentRefusalOf(problem(422, 'consent_required', [{ path: 'consentId', code: 'section_not_covered' }]))).toBe(
      'section_not_covered',
    );
    expect(consentRefusalOf(problem(422, 'consent_required', [{ path: 'consentId', code: 'something_new' }]))).toBe('no_consent');
    expect(consentRefusalOf(problem(422, 'validation_failed', [{ path: 'consentId', code: 'agency_not_covered' }]))).toBeNull();
    expect(consentRefusalOf(null)).toBeNull();
  });

  it('says why the identification rules refused a decision', () => {
    expect(statusRefusalOf(problem(422, 'identification_refused', [{ path: 'interviewId', code: 'elements_missing' }]))).toBe(
      'elements_missing',
    );
    expect(statusRefusalOf(problem(422, 'identification_refused', [{ path: 'decidedOn', code: 'before_interview' }]))).toBeNull();
    expect(statusRefusalOf(problem(409, 'conflict'))).toBeNull();
  });
});

describe('consentGap', () => {
  const consent = (overrides: Partial<Consent> = {}) => ({
    active: true,
    withdrawnAt: null,
    purpose: 'services' as Consent['purpose'],
    sections: ['identity'] as Consent['sections'],
    agencies: [{ id: 'ngo', name: 'NGO' }],
    countries: [] as string[],
    ...overrides,
  });
  const intent = { agency: { id: 'ngo', countryCode: 'TH' }, caseCountry: 'TH', sections: ['identity'] as Consent['sections'] };

  it('finds nothing missing when the consent covers the agency, sections, country and purpose', () => {
    expect(consentGap(consent(), intent)).toBeNull();
    expect(consentGap(consent({ agencies: [] }), { ...intent, agency: { id: 'other', countryCode: 'TH' } })).toBeNull();
    expect(consentGap(consent(), { ...intent, sections: [] })).toBeNull();
  });

  it('names each gap', () => {
    expect(consentGap(null, intent)).toBe('no_consent');
    expect(consentGap(consent({ withdrawnAt: '2026-01-01T00:00:00Z', active: false }), intent)).toBe('consent_withdrawn');
    expect(consentGap(consent({ active: false }), intent)).toBe('consent_expired');
    expect(consentGap(consent({ purpose: 'statistics_research' }), intent)).toBe('purpose_not_covered');
    expect(consentGap(consent(), { ...intent, agency: { id: 'police', countryCode: 'TH' } })).toBe('agency_not_covered');
    expect(consentGap(consent(), { ...intent, sections: ['identity', 'medical'] })).toBe('section_not_covered');
    expect(consentGap(consent({ agencies: [] }), { ...intent, agency: { id: 'kh', countryCode: 'KH' } })).toBe('country_not_covered');
    expect(consentGap(consent({ agencies: [], countries: ['KH'] }), { ...intent, agency: { id: 'kh', countryCode: 'KH' } })).toBeNull();
  });

  it('shows a consent as withdrawn, active or expired', () => {
    expect(consentState({ active: false, withdrawnAt: '2026-01-01T00:00:00Z' })).toBe('withdrawn');
    expect(consentState({ active: true, withdrawnAt: null })).toBe('active');
    expect(consentState({ active: false, withdrawnAt: null })).toBe('expired');
  });
});

describe('helpers', () => {
  it('names an agency in the reader’s language when it is at home there', () => {
    const police = { name: 'Anti-Trafficking in Persons Division', localName: 'กองบังคับการปราบปราม', acronym: 'ATPD', countryCode: 'TH' };
    expect(agencyLabel(police, 'th')).toBe('กองบังคับการปราบปราม (ATPD)');
    expect(agencyLabel(police, 'en')).toBe('Anti-Trafficking in Persons Division (ATPD)');
    expect(agencyLabel(police, 'km')).toBe('Anti-Trafficking in Persons Division (ATPD)');
    expect(agencyLabel({ ...police, acronym: null, localName: null }, 'th')).toBe('Anti-Trafficking in Persons Division');
    expect(agencyLabel({ ...police, name: 'ATPD office' }, 'en')).toBe('ATPD office');
  });

  it('reads the file name of a download, encoded or plain', () => {
    expect(fileNameFromDisposition('attachment; filename="x.pdf"; filename*=UTF-8\'\'%E0%B8%81.pdf', 'f.pdf')).toBe('ก.pdf');
    expect(fileNameFromDisposition('attachment; filename="certificate-TH-1.pdf"', 'f.pdf')).toBe('certificate-TH-1.pdf');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%B8", 'f.pdf')).toBe('f.pdf');
    expect(fileNameFromDisposition(null, 'f.pdf')).toBe('f.pdf');
  });

  it('lets notes and files go to the general record and the sections the reader may open', () => {
    expect(writableSections({ sections: ['identity', 'shelter'] })).toEqual(['general', 'identity', 'shelter']);
    expect(writableSections({ sections: [] })).toEqual(['general']);
  });

  it('checks a file before it is sent', () => {
    expect(fileProblem(null)).toBe('missing');
    expect(fileProblem({ size: 11 * 1024 * 1024, type: 'application/pdf' })).toBe('too_large');
    expect(fileProblem({ size: 10, type: 'application/zip' })).toBe('type');
    expect(fileProblem({ size: 10, type: 'image/png' })).toBeNull();
    // Some systems report no type: the server's sniffing decides.
    expect(fileProblem({ size: 10, type: '' })).toBeNull();
  });

  it('formats sizes in the reader’s numbers', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(2048, 'en')).toBe('2 kB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
  });
});

describe('entryChange', () => {
  it('shows the status a decision or a status change moved between', () => {
    expect(entryChange('trafficking_status.decided', { from: 'Potential', to: 'Presumed', decisionId: 'x' })).toEqual({
      kind: 'traffickingStatus',
      from: 'Potential',
      to: 'Presumed',
    });
    expect(entryChange('case.status_changed', { from: 'Active', to: 'Closed', closureReason: 'other' })).toEqual({
      kind: 'caseStatus',
      from: 'Active',
      to: 'Closed',
    });
  });

  it('shows nothing for other entries or unknown values', () => {
    expect(entryChange('case.opened', { from: 'Potential', to: 'Presumed' })).toBeNull();
    expect(entryChange('trafficking_status.decided', { from: 'Potential', to: 'Victimised' })).toBeNull();
    expect(entryChange('case.status_changed', {})).toBeNull();
  });
});
