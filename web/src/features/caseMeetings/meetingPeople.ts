import type { FieldError, MeetingAttendee, MeetingPeople } from '@seamless/contracts';

type Account = MeetingPeople['agencies'][number]['accounts'][number];
type Option = { value: string; label: string };
/** How an account reads in a list: its name and, where it helps tell people apart, its roles. */
export type DescribeAccount = (account: Account) => string;

/** Colleagues not yet recorded as attending, grouped by agency; agencies with no one left are left out. */
export function colleagueOptions(
  people: MeetingPeople | undefined,
  attendees: readonly MeetingAttendee[],
  describe: DescribeAccount,
): { group: string; items: Option[] }[] {
  const attending = new Set(attendees.map((attendee) => attendee.userId).filter(Boolean));
  return (people?.agencies ?? [])
    .map((agency) => ({
      group: agency.name,
      items: agency.accounts
        .filter((account) => !attending.has(account.id))
        .map((account) => ({ value: account.id, label: describe(account) })),
    }))
    .filter((group) => group.items.length > 0);
}

/** The agency an offered account belongs to, which the server asks for with the account. */
export function agencyOfAccount(people: MeetingPeople | undefined, userId: string): string | null {
  return people?.agencies.find((agency) => agency.accounts.some((account) => account.id === userId))?.id ?? null;
}

/** The people of the agency chosen as an action's owner. */
export function ownerPersonOptions(people: MeetingPeople | undefined, agencyId: string | null, describe: DescribeAccount): Option[] {
  const agency = people?.agencies.find((candidate) => candidate.id === agencyId);
  return (agency?.accounts ?? []).map((account) => ({ value: account.id, label: describe(account) }));
}

const PEOPLE_FIELDS = ['agencyId', 'userId', 'ownerAgencyId', 'ownerUserId'] as const;
export type PeopleField = (typeof PEOPLE_FIELDS)[number];

/**
 * The server names a person or agency outside the meeting (or no longer active) as
 * `invalid_reference` on its field, with an English message: these fields get the catalogue's.
 */
export function peopleReferenceErrors(errors: readonly FieldError[]): PeopleField[] {
  return errors
    .filter((error) => error.code === 'invalid_reference')
    .map((error) => error.path)
    .filter((path): path is PeopleField => (PEOPLE_FIELDS as readonly string[]).includes(path));
}
