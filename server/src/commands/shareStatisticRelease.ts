import { eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { partnerInstances, statisticReports } from '../db/schema/index.js';
import { enqueuePacket, type OutboxSettings } from '../federation/outbox.js';
import type { Actor } from '../policies/actor.js';
import { statisticReleaseOf } from '../statistics/regional/releasePacket.js';

export type ShareStatisticReleaseProps = { tx: Tx; outbox: OutboxSettings; actor: Actor; audit: AuditContext };

/**
 * Sends a report just released to every partner instance trusted now, in the release's own
 * transaction: the figures leave if and only if the release commits. Sharing is part of releasing
 * rather than a later step: the approver's release is the decision to publish, taken after the
 * four-eyes sign-off, and the partners are the countries the federation admin already trusts — a
 * separate step would leave published figures reaching some partners and not others. A suspended
 * or revoked partner is not sent them. Each partner gets the release once: the report id is the
 * thread and the packet its first and only one, so the outbox cannot hold it twice for a partner
 * and the partner's inbox answers a repeat delivery as a duplicate.
 */
export async function shareStatisticRelease({ tx, outbox, actor, audit }: ShareStatisticReleaseProps, reportId: string): Promise<number> {
  const [report] = await tx.select().from(statisticReports).where(eq(statisticReports.id, reportId));
  if (report?.status !== 'released') return 0;
  const body = statisticReleaseOf(report);
  const partners = await tx.select().from(partnerInstances).where(eq(partnerInstances.status, 'active'));
  for (const partner of partners) {
    await enqueuePacket(tx, outbox, {
      partner,
      kind: 'statistic_release',
      threadId: report.id,
      sequence: 1,
      consent: null,
      body,
      createdBy: actor.userId,
    });
  }
  await recordAudit(tx, audit, {
    action: 'statistics.release_shared',
    resourceType: 'statistic_report',
    resourceId: report.id,
    details: { template: report.template, from: report.periodFrom, partners: partners.map((partner) => partner.id) },
  });
  return partners.length;
}
