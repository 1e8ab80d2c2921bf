import {
  ALL_INDICATORS,
  ageAtDate,
  allowedStatusTransitions,
  decideTraffickingStatus,
  EXPLOITATION_TYPES,
  elementsMet,
  IDENTIFICATION_PROCEDURES,
  INDICATORS,
  indicatorElement,
  isAllowedStatusTransition,
  isChild,
  PRESCREENING_QUESTIONS,
  PRESCREENING_SUGGESTS,
  PROCEDURE_KEYS,
  PURPOSE_TO_EXPLOITATION_TYPE,
  procedureForCountry,
  TRAFFICKING_STATUSES,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';

const full = { act: ['recruitment'], means: ['deception'], purpose: ['forced_labour'] };
const noMeans = { act: ['transportation'], means: [], purpose: ['sexual_exploitation'] };
const thailand = procedureForCountry('TH');

describe('indicators', () => {
  it('are unique across the three elements', () => {
    expect(new Set(ALL_INDICATORS).size).toBe(ALL_INDICATORS.length);
  });

  it('cover the five acts of the Palermo Protocol and the regional purposes', () => {
    expect(INDICATORS.act).toEqual(['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt']);
    for (const purpose of [
      'forced_marriage',
      'forced_begging',
      'surrogacy',
      'forced_criminality_scam',
      'online_sexual_exploitation',
      'fishing_vessel',
      'debt_bondage',
    ]) {
      expect(indicatorElement(purpose)).toBe('purpose');
    }
    expect(indicatorElement('document_retention')).toBe('means');
    expect(indicatorElement('nonsense')).toBeNull();
  });

  it('map every purpose to an exploitation type of the vocabulary', () => {
    for (const purpose of INDICATORS.purpose) {
      expect(EXPLOITATION_TYPES).toContain(PURPOSE_TO_EXPLOITATION_TYPE[purpose]);
    }
  });

  it('suggest only known indicators from the pre-screening answers', () => {
    for (const question of PRESCREENING_QUESTIONS) {
      for (const indicator of PRESCREENING_SUGGESTS[question]) expect(indicatorElement(indicator)).not.toBeNull();
    }
  });
});

describe('isChild and ageAtDate', () => {
  it('treats under-18s at the time as children', () => {
    expect(isChild(17)).toBe(true);
    expect(isChild(0)).toBe(true);
    expect(isChild(18)).toBe(false);
    expect(isChild(null)).toBe(false);
    expect(isChild(undefined)).toBe(false);
    expect(isChild(Number.NaN)).toBe(false);
  });

  it('computes the age on the day of the event', () => {
    expect(ageAtDate('2006-05-10', '2024-05-09')).toBe(17);
    expect(ageAtDate('2006-05-10', '2024-05-10')).toBe(18);
    expect(ageAtDate('2006-05-10', '2005-01-01')).toBeNull();
    expect(ageAtDate(null, '2024-01-01')).toBeNull();
  });
});

describe('elementsMet', () => {
  it('requires act, means and purpose for an adult', () => {
    const result = elementsMet(noMeans, false);
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual(['means']);
    expect(result.present).toEqual(['act', 'purpose']);
    expect(elementsMet(full, false).complete).toBe(true);
  });

  it('waives the means for a child (Palermo Protocol art. 3(c))', () => {
    const result = elementsMet(noMeans, true);
    expect(result.complete).toBe(true);
    expect(result.meansWaived).toBe(true);
    expect(result.required).toEqual(['act', 'purpose']);
  });

  it('still requires act and purpose for a child', () => {
    expect(elementsMet({ act: [], means: [], purpose: ['forced_begging'] }, true).missing).toEqual(['act']);
  });

  it('does not count indicators filed under the wrong element', () => {
    const result = elementsMet({ act: ['forced_labour'], means: ['threat'], purpose: ['forced_labour'] }, false);
    expect(result.missing).toEqual(['act']);
    expect(result.unknown).toEqual([{ element: 'act', indicator: 'forced_labour' }]);
  });
});

describe('status transitions', () => {
  it('follow potential → presumed → identified, with not-a-victim and reopening', () => {
    expect(allowedStatusTransitions.Potential).toEqual(['Presumed', 'NotAVictim']);
    expect(allowedStatusTransitions.Presumed).toEqual(['Identified', 'NotAVictim']);
    expect(allowedStatusTransitions.Identified).toEqual([]);
    expect(allowedStatusTransitions.NotAVictim).toEqual(['Potential']);
    expect(isAllowedStatusTransition('Presumed', 'Potential')).toBe(false);
  });

  it('cover every status', () => {
    expect(Object.keys(allowedStatusTransitions).sort()).toEqual([...TRAFFICKING_STATUSES].sort());
  });
});

describe('decideTraffickingStatus', () => {
  const base = { indicators: full, ageAtTime: 25, deciderFunction: 'police' as const, procedure: thailand };

  it('lets the Thai inquiry officer (police) identify an adult with all three elements', () => {
    expect(decideTraffickingStatus({ ...base, from: 'Presumed', to: 'Identified' })).toMatchObject({ ok: true, child: false });
  });

  it('refuses identification of an adult without means, but accepts it for a child', () => {
    expect(decideTraffickingStatus({ ...base, indicators: noMeans, from: 'Presumed', to: 'Identified' })).toMatchObject({
      ok: false,
      code: 'elements_missing',
    });
    expect(decideTraffickingStatus({ ...base, indicators: noMeans, ageAtTime: 16, from: 'Presumed', to: 'Identified' })).toMatchObject({
      ok: true,
      child: true,
    });
  });

  it('refuses identification by an agency the procedure does not name', () => {
    expect(decideTraffickingStatus({ ...base, deciderFunction: 'ngo', from: 'Presumed', to: 'Identified' })).toMatchObject({
      ok: false,
      code: 'agency_not_competent',
    });
    // …but an NGO may record a presumed status
    expect(decideTraffickingStatus({ ...base, deciderFunction: 'ngo', from: 'Potential', to: 'Presumed' })).toMatchObject({ ok: true });
  });

  it('keeps an identification unless an admin corrects it with a reason', () => {
    expect(decideTraffickingStatus({ ...base, from: 'Identified', to: 'NotAVictim', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'transition_not_allowed',
    });
    expect(decideTraffickingStatus({ ...base, from: 'Identified', to: 'Presumed', adminCorrection: true })).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(
      decideTraffickingStatus({ ...base, from: 'Identified', to: 'Presumed', adminCorrection: true, reason: 'Entered on the wrong case' }),
    ).toMatchObject({ ok: true });
  });

  it('needs a reason to decide that a person is not a victim, and allows reopening', () => {
    expect(decideTraffickingStatus({ ...base, from: 'Potential', to: 'NotAVictim' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(
      decideTraffickingStatus({ ...base, from: 'Potential', to: 'NotAVictim', reason: 'Voluntary migrant, no exploitation' }),
    ).toMatchObject({
      ok: true,
    });
    expect(decideTraffickingStatus({ ...base, from: 'NotAVictim', to: 'Potential' })).toMatchObject({ ok: true });
  });

  it('refuses a presumed status without any indicator, unknown indicators and no-op changes', () => {
    expect(
      decideTraffickingStatus({ ...base, indicators: { act: [], means: [], purpose: [] }, from: 'Potential', to: 'Presumed' }),
    ).toMatchObject({ ok: false, code: 'no_indicators' });
    expect(
      decideTraffickingStatus({ ...base, indicators: { ...full, means: ['mind_reading'] }, from: 'Potential', to: 'Presumed' }),
    ).toMatchObject({ ok: false, code: 'unknown_indicator' });
    expect(decideTraffickingStatus({ ...base, from: 'Presumed', to: 'Presumed' })).toMatchObject({ ok: false, code: 'same_status' });
  });

  it('follows Cambodia: the ministry presumes, only police/prosecutor/court identify', () => {
    const cambodia = procedureForCountry('KH');
    expect(
      decideTraffickingStatus({ ...base, procedure: cambodia, deciderFunction: 'ministry', from: 'Potential', to: 'Presumed' }),
    ).toMatchObject({ ok: true });
    expect(
      decideTraffickingStatus({ ...base, procedure: cambodia, deciderFunction: 'ministry', from: 'Presumed', to: 'Identified' }),
    ).toMatchObject({ ok: false, code: 'agency_not_competent' });
    expect(
      decideTraffickingStatus({ ...base, procedure: cambodia, deciderFunction: 'court', from: 'Presumed', to: 'Identified' }),
    ).toMatchObject({ ok: true });
  });
});

describe('identification procedures', () => {
  it('exist for the five countries and a generic fallback', () => {
    expect(procedureForCountry('TH').key).toBe('th_mdt');
    expect(procedureForCountry('kh').key).toBe('kh_two_stage');
    expect(procedureForCountry('LA').key).toBe('la_four_step');
    expect(procedureForCountry('VN').key).toBe('vn_circular_01');
    expect(procedureForCountry('MM').key).toBe('mm_dsw_police');
    expect(procedureForCountry('CN').key).toBe('generic');
    expect(procedureForCountry(null).key).toBe('generic');
  });

  it('give Thailand a 45-day reflection period decided by the inquiry officer', () => {
    expect(thailand.reflectionPeriodDays).toBe(45);
    expect(thailand.decidingAgencyFunctions).toContain('police');
    expect(thailand.steps).toContain('inquiry_officer_decision');
  });

  it('give Lao PDR the four interview steps in order', () => {
    expect(IDENTIFICATION_PROCEDURES.la_four_step.steps.slice(0, 4)).toEqual([
      'pre_interview_assessment',
      'interview_preparation',
      'information_gathering_interview',
      'interview_summary_three_elements',
    ]);
  });

  it('issue a victim certificate in Viet Nam', () => {
    expect(IDENTIFICATION_PROCEDURES.vn_circular_01.issuesVictimCertificate).toBe(true);
  });

  it('use unique snake_case step keys', () => {
    for (const key of PROCEDURE_KEYS) {
      const { steps } = IDENTIFICATION_PROCEDURES[key];
      expect(new Set(steps).size).toBe(steps.length);
      for (const step of steps) expect(step).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });
});
