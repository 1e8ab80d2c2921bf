import { describe, expect, it } from 'vitest';
import { readImportedCase } from './importedCase.js';
import type { CellValue } from './sheet/cells.js';
import { createValueResolver } from './values/index.js';

const TODAY = '2026-01-15';
const read = (cells: Record<string, CellValue>) =>
  readImportedCase(new Map(Object.entries({ prs_FirstName: 'Mali', ...cells })), createValueResolver(), TODAY);

describe('the HTCDS care columns of a row', () => {
  it('holds a closure reason of ours written in any of our languages and casing, and keeps other words as written', () => {
    for (const written of ['lost_contact', 'CONTACT LOST', 'ขาดการติดต่อ', '失去联系', 'Mất liên lạc']) {
      const { importedCase } = read({ cas_ReasonForCaseClosure: written });
      expect(importedCase?.kase.closureReason, written).toBe('lost_contact');
      expect(importedCase?.kept, written).toEqual({});
    }
    const sentence = 'She moved back to Kengtung and no longer wants visits.';
    const { importedCase, issues } = read({ cas_ReasonForCaseClosure: sentence });
    expect(issues).toEqual([]);
    expect(importedCase?.kase.closureReason).toBeNull();
    expect(importedCase?.kept).toEqual({ cas_ReasonForCaseClosure: sentence });
  });

  it('reads the consent checkbox and the deciding organisation, refusing what is neither', () => {
    expect(read({ con_Consent: 'Yes' }).importedCase?.consentGiven).toBe(true);
    expect(read({ con_Consent: false }).importedCase?.consentGiven).toBe(false);
    expect(read({}).importedCase?.consentGiven).toBeNull();
    expect(read({ con_Consent: 'perhaps' }).issues).toEqual([expect.objectContaining({ column: 'con_Consent', code: 'not_a_boolean' })]);
    expect(read({ vic_TraffickingStatusDecisionMakingOrg: 'Court or prosecution' }).importedCase?.decisionMakingOrg).toBe(
      'CourtOrProsecution',
    );
    expect(read({ vic_TraffickingStatusDecisionMakingOrg: 'Village chief' }).issues).toEqual([
      expect.objectContaining({ column: 'vic_TraffickingStatusDecisionMakingOrg', code: 'unknown_value' }),
    ]);
  });

  it('makes a referral of the fields once its organisation is named, and keeps them as written otherwise', () => {
    const { importedCase } = read({
      cas_ReferringOrganisation: 'Mae Sai Police Station',
      cas_IncomingReferralDate: '2025-03-01',
      cas_ReasonForIncomingReferral: 'Additional services required',
      cas_OutgoingReferralDetails: 'Asked for a shelter near her sister.',
    });
    expect(importedCase?.referrals).toEqual([
      {
        direction: 'incoming',
        organisation: 'Mae Sai Police Station',
        caseWorker: null,
        reason: 'AdditionalServicesRequired',
        details: null,
        referredOn: '2025-03-01',
      },
    ]);
    expect(importedCase?.kept).toEqual({ cas_OutgoingReferralDetails: 'Asked for a shelter near her sister.' });
  });

  it('keeps an unknown value of a column kept as written instead of refusing the row, and checks typed ones', () => {
    const { importedCase, issues } = read({
      prs_MaritalStatus: 'Engaged',
      vic_ExploitationWebsitesAndApps: 'Facebook;Zalo',
      prs_Deceased: 'No',
    });
    expect(issues).toEqual([]);
    expect(importedCase?.kept).toEqual({
      prs_MaritalStatus: 'Engaged',
      vic_ExploitationWebsitesAndApps: 'Facebook;Zalo',
      prs_Deceased: false,
    });
    expect(read({ spl_PlannedEndDate: '31/02/2025' }).issues).toEqual([
      expect.objectContaining({ column: 'spl_PlannedEndDate', code: 'not_a_date' }),
    ]);
  });
});
