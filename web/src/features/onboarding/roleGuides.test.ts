import { BUILT_IN_ROLES } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import en from '../../locales/en/onboarding.json';
import { GUIDE_ROLES, GUIDE_SLUGS, guideRoleFor, ROLE_GUIDES, roleOfSlug, screenshotName } from './roleGuides';

describe('role guides', () => {
  it('has a guide for each role the issue names, with 3 to 6 steps', () => {
    for (const role of GUIDE_ROLES) {
      expect(ROLE_GUIDES[role].length, role).toBeGreaterThanOrEqual(3);
      expect(ROLE_GUIDES[role].length, role).toBeLessThanOrEqual(6);
    }
  });

  it('writes every step of every role in the catalogue', () => {
    const missing = GUIDE_ROLES.flatMap((role) =>
      ROLE_GUIDES[role]
        .filter((step) => {
          const text = (en.onboarding.role[role].steps as Record<string, { title?: string; body?: string }>)[step.key];
          return typeof text?.title !== 'string' || typeof text?.body !== 'string';
        })
        .map((step) => `${role}.${step.key}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives each guide its own address and finds it back', () => {
    expect(new Set(Object.values(GUIDE_SLUGS)).size).toBe(GUIDE_ROLES.length);
    for (const role of GUIDE_ROLES) expect(roleOfSlug(GUIDE_SLUGS[role])).toBe(role);
    expect(roleOfSlug('nobody')).toBeNull();
    expect(screenshotName('case_manager', { key: 'caseload', to: '/cases' })).toBe('guide-social-worker-caseload.png');
  });

  it("picks the guide of a user's first role that has one, and a related guide for the others", () => {
    expect(guideRoleFor(['hotline_operator'])).toBe('hotline_operator');
    expect(guideRoleFor(['case_manager', 'data_officer'])).toBe('case_manager');
    expect(guideRoleFor(['system_admin'])).toBe('agency_admin');
    expect(guideRoleFor(['specialist_psychosocial'])).toBe('case_manager');
    expect(guideRoleFor(['a_custom_role'])).toBeNull();
    expect(BUILT_IN_ROLES.filter((role) => guideRoleFor([role]) === null)).toEqual([]);
  });
});
