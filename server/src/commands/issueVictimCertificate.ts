import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  documentLanguageOf,
  INDICATOR_ELEMENTS,
  isLocale,
  type Locale,
  PROCEDURE_KEYS,
  type ProcedureKey,
  procedureForCountry,
} from '@seamless/contracts';
import { desc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { personIdentityValue } from '../db/cipherPlace.js';
import { agencies, identificationInterviews, traffickingStatusDecisions } from '../db/schema/index.js';
import { renderVictimCertificate } from '../documents/victimCertificate.js';
import type { CaseContext } from '../http/caseContext.js';
import { AppError, fieldError } from '../http/problem.js';
import { recordCaseEvent } from './recordCaseEvent.js';

/**
 * Indicator and procedure names on the certificate are the ones caseworkers see on screen: the
 * web app's catalogues are the single source, read from the repository and kept per process.
 */
const CATALOGUE_DIR = fileURLToPath(new URL('../../../web/src/locales', import.meta.url));
const catalogues = new Map<Locale, Record<string, unknown>>();

function catalogue(locale: Locale): Record<string, unknown> {
  let entries = catalogues.get(locale);
  if (!entries) {
    const file = path.join(CATALOGUE_DIR, locale, 'identification.json');
    const parsed = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
    entries = (parsed.identification as Record<string, unknown> | undefined) ?? {};
    catalogues.set(locale, entries);
  }
  return entries;
}

/** The label in the certificate's language, else English (the reference catalogue), else the key. */
export function identificationLabel(locale: Locale, keys: readonly string[]): string {
  for (const lng of [locale, 'en'] as const) {
    let node: unknown = catalogue(lng);
    for (const key of keys) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (typeof node === 'string' && node.trim()) return node;
  }
  return keys.at(-1)!;
}

const CERTIFIABLE = ['Presumed', 'Identified'] as const;
type CertifiableStatus = (typeof CERTIFIABLE)[number];
const isCertifiable = (status: string): status is CertifiableStatus => (CERTIFIABLE as readonly string[]).includes(status);

const refused = (code: string, message: string) =>
  new AppError(422, 'identification_refused', message, [{ path: 'decisionId', code, message }]);

export type IssueVictimCertificateProps = {
  context: CaseContext;
  keyRing: KeyRing;
  /** The decision to certify; the decision in force (the latest) when left out. */
  decisionId?: string;
  /** The certificate's language, chosen at download; the person's language (documentLanguageOf) when left out. */
  locale?: Locale;
  now?: Date;
};

/**
 * Prints the certificate of a Presumed or Identified decision that is still in force — a
 * decision later overturned (not a victim, reopened) certifies nothing any more. The caller has
 * checked the document policy (policies/caseDocument.ts): the certificate names the person.
 */
export async function issueVictimCertificate({ context, keyRing, decisionId, locale, now = new Date() }: IssueVictimCertificateProps) {
  const { tx, actor, view, audit } = context;
  const decisions = await tx
    .select({ decision: traffickingStatusDecisions, agencyName: agencies.name, agencyLocalName: agencies.localName })
    .from(traffickingStatusDecisions)
    .innerJoin(agencies, eq(agencies.id, traffickingStatusDecisions.decidingAgencyId))
    .where(eq(traffickingStatusDecisions.caseId, view.kase.id))
    .orderBy(desc(traffickingStatusDecisions.recordedAt), desc(traffickingStatusDecisions.id));
  const inForce = decisions[0];
  if (decisionId) {
    if (!decisions.some((row) => row.decision.id === decisionId)) {
      throw fieldError(422, 'invalid_reference', 'decisionId', 'No such decision on this case.');
    }
    if (inForce!.decision.id !== decisionId) throw refused('decision_superseded', 'A later decision replaced this one.');
  }
  const certificateNumber = inForce?.decision.certificateNumber;
  if (!inForce || !isCertifiable(inForce.decision.toStatus) || !certificateNumber) {
    throw refused('no_decision_to_certify', 'Only a presumed or identified status in force is certified.');
  }
  const { decision } = inForce;
  const status = decision.toStatus as CertifiableStatus;

  const [interview] = decision.interviewId
    ? await tx
        .select({ procedure: identificationInterviews.procedure })
        .from(identificationInterviews)
        .where(eq(identificationInterviews.id, decision.interviewId))
    : [];
  const procedureKey: ProcedureKey = (PROCEDURE_KEYS as readonly string[]).includes(interview?.procedure ?? '')
    ? (interview!.procedure as ProcedureKey)
    : procedureForCountry(view.kase.countryCode).key;
  const { person } = view;
  const language: Locale = locale ?? documentLanguageOf(person, isLocale(view.kase.locale) ? view.kase.locale : 'en').locale;
  const indicators = decision.indicators ?? { act: [], means: [], purpose: [] };
  const labels = Object.fromEntries(
    INDICATOR_ELEMENTS.map((element) => [element, indicators[element].map((key) => identificationLabel(language, ['indicator', key]))]),
  ) as Record<(typeof INDICATOR_ELEMENTS)[number], string[]>;
  const givenName = personIdentityValue(keyRing, person, 'givenNameEnc');
  const familyName = personIdentityValue(keyRing, person, 'familyNameEnc');

  const pdf = await renderVictimCertificate({
    locale: language,
    certificateNumber,
    caseReference: view.kase.reference,
    countryCode: view.kase.countryCode,
    // The certificate attests the deciding agency's decision; its authorised officer signs it.
    issuingAgency: { name: inForce.agencyName, localName: inForce.agencyLocalName },
    person: {
      name: [givenName, familyName].filter(Boolean).join(' ') || person.pseudonym,
      nameAsWritten: personIdentityValue(keyRing, person, 'nameAsWrittenEnc'),
      birthDate: personIdentityValue(keyRing, person, 'birthDateEnc'),
      estimatedBirthYear: person.birthYearEstimated ? person.birthYear : null,
      gender: person.gender,
      citizenship: person.citizenship,
    },
    decision: {
      status,
      decidedOn: decision.decidedOn,
      decidingOrganisation: inForce.agencyName,
      decidedBy: decision.decidedByName,
      procedure: identificationLabel(language, ['procedure', procedureKey, 'name']),
      reasons: decision.reasons,
    },
    indicators: labels,
    issuedAt: now,
  });
  await recordCaseEvent(tx, actor, view.kase.id, 'certificate.issued', { decisionId: decision.id, status, locale: language });
  await recordAudit(tx, audit, {
    action: 'case.certificate_issued',
    resourceType: 'case',
    resourceId: view.kase.id,
    details: { decisionId: decision.id, certificateNumber, status, locale: language, localeChosen: locale !== undefined },
  });
  // The language is in the name: one certificate may be downloaded in several languages.
  return { pdf, fileName: `certificate-${view.kase.reference}-${language}.pdf` };
}
