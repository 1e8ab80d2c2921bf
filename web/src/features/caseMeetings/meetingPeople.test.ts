import type { MeetingAttendee, MeetingPeople } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { agencyOfAccount, colleagueOptions, ownerPersonOptions, peopleReferenceErrors } from './meetingPeople';

const ids = {
  chiangrai: '00000000-0000-4000-8000-000000000001',
  shelter: '00000000-0000-4000-8000-000000000002',
  ngo: '00000000-0000-4000-8000-000000000003',
  nok: '00000000-0000-4000-8000-000000000011',
  chai: '00000000-0000-4000-8000-000000000012',
  mali: '00000000-0000-4000-8000-000000000021',
};
const people: MeetingPeople = {
  agencies: [
    {
      id: ids.chiangrai,
      name: 'PSDHS Chiang Rai',
      accounts: [
        { id: ids.nok, displayName: 'Nok Wongsakul', roles: [{ key: 'case_manager', name: 'Case manager' }] },
        { id: ids.chai, displayName: 'Chai Boonmee', roles: [] },
      ],
    },
    { id: ids.shelter, name: 'Shelter', accounts: [{ id: ids.mali, displayName: 'Mali Srisuk', roles: [] }] },
    { id: ids.ngo, name: 'NGO', accounts: [] },
  ],
};
const describeAccount = (account: { displayName: string; roles: { name: string }[] }) =>
  [account.displayName, ...account.roles.map((role) => role.name)].join(' · ');
const attendee = (userId: string | null): MeetingAttendee => ({
  id: '00000000-0000-4000-8000-0000000000ff',
  userId,
  name: 'x',
  agency: null,
  organisation: null,
  role: null,
  attendance: 'invited',
});

describe('people of a meeting in the forms', () => {
  it('offers colleagues by agency, without those already attending nor agencies with no one left', () => {
    const options = colleagueOptions(people, [attendee(ids.mali), attendee(null)], describeAccount);
    expect(options).toEqual([
      {
        group: 'PSDHS Chiang Rai',
        items: [
          { value: ids.nok, label: 'Nok Wongsakul · Case manager' },
          { value: ids.chai, label: 'Chai Boonmee' },
        ],
      },
    ]);
    expect(colleagueOptions(undefined, [], describeAccount)).toEqual([]);
  });

  it("finds a chosen colleague's agency, and offers as action owners only the chosen agency's people", () => {
    expect(agencyOfAccount(people, ids.mali)).toBe(ids.shelter);
    expect(agencyOfAccount(people, ids.ngo)).toBeNull();
    expect(ownerPersonOptions(people, ids.shelter, describeAccount)).toEqual([{ value: ids.mali, label: 'Mali Srisuk' }]);
    expect(ownerPersonOptions(people, null, describeAccount)).toEqual([]);
  });

  it("takes only the server's invalid references on person and agency fields", () => {
    expect(
      peopleReferenceErrors([
        { path: 'ownerUserId', code: 'invalid_reference', message: 'Not a person of that agency.' },
        { path: 'caseId', code: 'invalid_reference', message: 'No such case' },
        { path: 'ownerAgencyId', code: 'too_small', message: 'x' },
        { path: 'agencyId', code: 'invalid_reference', message: 'x' },
      ]),
    ).toEqual(['ownerUserId', 'agencyId']);
  });
});
