import { type PacketKind, type Repatriation, type RepatriationSummary, sectionPermission } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { rowsOf, type Tx } from '../db/client.js';
import { agencies } from '../db/schema/index.js';
import { partnerById, partnerNames } from '../federation/partners.js';
import { withheldFromReceiver } from '../federation/threads.js';
import { type Actor, has } from '../policies/actor.js';
import { repatriationActions } from '../policies/repatriation.js';
import type { RepatriationContent } from './record.js';
import { contentOf, type RepatriationRow, standingFrom } from './thread.js';

type PacketTraceRow = {
  packet_id: string;
  kind: PacketKind;
  direction: 'outgoing' | 'incoming';
  sequence: number;
  status: string;
  at: Date | string;
};

const iso = (value: Date | string) => new Date(value).toISOString();

/** Who she is, as sent: only for a reader whose role opens identity. */
function personOf(content: RepatriationContent, actor: Actor): Repatriation['person'] {
  const person = content.person;
  if (!person || !has(actor, 'section:identity')) return null;
  const name = person.nameAsWritten ?? [person.givenName, person.familyName].filter(Boolean).join(' ');
  return {
    name: name || null,
    otherNames: [...(person.nameAsWritten ? [[person.givenName, person.familyName].filter(Boolean).join(' ')] : []), ...person.aliases],
    sex: person.gender,
    birthDate: person.birthDate ?? null,
    citizenship: person.citizenship[0] ?? null,
    documents: person.documents.map((document) => ({
      type: document.documentType,
      number: document.number,
      country: document.issuingCountry ?? null,
    })),
    homeAddress: person.address ?? null,
  };
}

export async function presentRepatriation(tx: Tx, keyRing: KeyRing, actor: Actor, row: RepatriationRow): Promise<Repatriation> {
  const content = contentOf(keyRing, row);
  const withheld = withheldFromReceiver(row);
  const partner = (await partnerById(tx, row.partnerId))!;
  const [agency] = await tx.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, row.agencyId));
  const packets = rowsOf<PacketTraceRow>(await tx.execute(sql`select * from repatriation_packets(${row.id}::uuid)`));
  const identification = withheld ? null : content.identification;
  return {
    id: row.id,
    side: row.side,
    status: row.status,
    partner: { id: partner.id, name: partner.name, country: partner.countryCode },
    agency: agency!,
    caseId: row.caseId,
    sendingCaseReference: row.sendingCaseReference,
    sections: row.sections,
    consent: {
      id: row.consent.id,
      purpose: row.consent.purpose,
      givenOn: row.consent.givenOn,
      expiresOn: row.consent.expiresOn,
      withdrawn: row.consentWithdrawnAt !== null,
    },
    person: withheld ? null : personOf(content, actor),
    identification: identification
      ? { ...identification, interviewSummary: has(actor, 'section:identity') ? identification.interviewSummary : null }
      : null,
    reason: withheld ? '' : content.reason,
    proposedDate: row.proposedDate,
    attachments: (withheld ? [] : content.attachments)
      .map(({ fileName, mediaType, sizeBytes, section }, index) => ({ index, fileName, mediaType, sizeBytes, section }))
      .filter((file) => has(actor, sectionPermission(file.section))),
    verification: content.verification,
    familyAssessment: content.familyAssessment,
    decision: content.decision,
    plan: content.plan,
    signatures: content.signatures,
    reverified: content.reverified?.reverified ?? null,
    meetings: content.meetings,
    followUpReports: content.followUpReports,
    packets: packets.map((packet) => ({
      packetId: packet.packet_id,
      kind: packet.kind,
      direction: packet.direction,
      sequence: Number(packet.sequence),
      status: packet.status,
      at: iso(packet.at),
    })),
    actions: repatriationActions(actor, standingFrom(row, content, partner)),
    requestedAt: row.requestedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function summariesOf(tx: Tx, rows: RepatriationRow[]): Promise<RepatriationSummary[]> {
  const byId = await partnerNames(tx);
  return rows.map((row) => ({
    id: row.id,
    side: row.side,
    status: row.status,
    partner: byId.get(row.partnerId)!,
    caseId: row.caseId,
    sendingCaseReference: row.sendingCaseReference,
    requestedAt: row.requestedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }));
}
