import type { CaseDetail, CaseSummary } from '@seamless/contracts';
import type { KeyRing } from '../crypto/keyRing.js';
import type { cases, persons } from '../db/schema/index.js';
import type { Actor } from '../policies/actor.js';
import { type CaseInvolvement, canCase, canReadSection } from '../policies/case.js';

type CaseRow = typeof cases.$inferSelect;
type PersonRow = typeof persons.$inferSelect;

export type CaseView = { kase: CaseRow; person: PersonRow; ownerAgencyName: string; involvement: CaseInvolvement };

/** The name to show: romanised name with identity access, the pseudonym otherwise or in pseudonym mode. */
function displayNameOf(view: CaseView, actor: Actor, keyRing: KeyRing): string {
  if (actor.pseudonymMode || !canReadSection(actor, 'identity', view.involvement)) return view.person.pseudonym;
  const parts = [keyRing.decrypt(view.person.givenNameEnc), keyRing.decrypt(view.person.familyNameEnc)].filter(Boolean);
  return parts.join(' ') || view.person.pseudonym;
}

export function presentCaseSummary(view: CaseView, actor: Actor, keyRing: KeyRing): CaseSummary {
  const { kase, person } = view;
  return {
    id: kase.id,
    reference: kase.reference,
    status: kase.status,
    traffickingStatus: kase.traffickingStatus,
    ownerAgencyId: kase.ownerAgencyId,
    ownerAgencyName: view.ownerAgencyName,
    personId: person.id,
    displayName: displayNameOf(view, actor, keyRing),
    gender: person.gender,
    ageAtIntake: kase.ageAtIntake,
    citizenship: person.citizenship,
    openedAt: kase.openedAt.toISOString(),
    updatedAt: kase.updatedAt.toISOString(),
  };
}

/** Sections are included only when the role and the agency's involvement both open them. */
export function presentCaseDetail(view: CaseView, actor: Actor, keyRing: KeyRing): CaseDetail {
  const readIdentity = canReadSection(actor, 'identity', view.involvement);
  const { person } = view;
  return {
    ...presentCaseSummary(view, actor, keyRing),
    version: view.kase.version,
    sections: readIdentity
      ? {
          identity: {
            givenName: keyRing.decrypt(person.givenNameEnc),
            familyName: keyRing.decrypt(person.familyNameEnc),
            nameAsWritten: keyRing.decrypt(person.nameAsWrittenEnc),
            birthDate: keyRing.decrypt(person.birthDateEnc),
            documentNumber: keyRing.decrypt(person.documentNumberEnc),
            phone: keyRing.decrypt(person.phoneEnc),
          },
        }
      : {},
    abilities: { update: canCase(actor, 'update', view.involvement), readIdentity },
  };
}
