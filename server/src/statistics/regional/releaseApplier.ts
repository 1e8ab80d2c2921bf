import type { ReportTemplate } from '@seamless/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit/record.js';
import type { Tx } from '../../db/client.js';
import { partnerStatisticReleases } from '../../db/schema/index.js';
import { type PacketApplier, PacketRefused } from '../../federation/inbox.js';
import { statisticReleaseSchema } from './releasePacket.js';

/**
 * Keeps a partner's released report. Checked like every packet's content: a body that is not a
 * released report of a known template — a table missing, of another shape or period, a hidden
 * cell carrying a number — or that speaks for another country than the partner's is refused and
 * nothing is kept. The same release again (sent once more, under another packet) is kept once.
 * Of a partner's releases of one template and period, the one released last is current: the
 * older ones stay, marked as superseded, whatever order they arrive in.
 */
export function statisticReleaseApplier(instanceCountry: string): PacketApplier {
  return async (tx, { content, partner }) => {
    const parsed = statisticReleaseSchema.safeParse(content.body);
    if (!parsed.success || parsed.data.country !== partner.countryCode || parsed.data.report !== content.thread) {
      throw new PacketRefused('invalid_content');
    }
    const release = parsed.data;
    const [kept] = await tx
      .insert(partnerStatisticReleases)
      .values({
        partnerId: partner.id,
        packetId: content.id,
        reportId: release.report,
        countryCode: release.country,
        receivingCountryCode: instanceCountry,
        template: release.template,
        periodFrom: release.from,
        periodTo: release.to,
        locale: release.locale,
        releasedAt: new Date(release.releasedAt),
        approverPosition: release.approverPosition,
        tables: release.tables,
      })
      .onConflictDoNothing({ target: [partnerStatisticReleases.partnerId, partnerStatisticReleases.reportId] })
      .returning({ id: partnerStatisticReleases.id });
    if (!kept) return;
    await markCurrent(tx, partner.id, release.template, release.from);
    await recordAudit(
      tx,
      { actor: null },
      {
        action: 'statistics.partner_release_received',
        resourceType: 'partner_statistic_release',
        resourceId: kept.id,
        details: { partnerId: partner.id, template: release.template, from: release.from, packetId: content.id },
      },
    );
  };
}

/** The partner's last release of a template and period becomes current; two statements, so that at no moment are two current. */
async function markCurrent(tx: Tx, partnerId: string, template: ReportTemplate, from: string) {
  const same = and(
    eq(partnerStatisticReleases.partnerId, partnerId),
    eq(partnerStatisticReleases.template, template),
    eq(partnerStatisticReleases.periodFrom, from),
  );
  const [latest] = await tx
    .select({ id: partnerStatisticReleases.id })
    .from(partnerStatisticReleases)
    .where(same)
    .orderBy(desc(partnerStatisticReleases.releasedAt), desc(partnerStatisticReleases.receivedAt))
    .limit(1);
  await tx
    .update(partnerStatisticReleases)
    .set({ current: false })
    .where(and(same, eq(partnerStatisticReleases.current, true)));
  await tx.update(partnerStatisticReleases).set({ current: true }).where(eq(partnerStatisticReleases.id, latest!.id));
}
