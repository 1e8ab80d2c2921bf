import { eq } from 'drizzle-orm';
import { REFERRAL_PACKET_KINDS } from '../crossBorderReferral/steps.js';
import { crossBorderReferrals } from '../db/schema/index.js';
import { implausibleField } from '../http/textGuard.js';
import { type PacketApplier, PacketRefused } from './inbox.js';

/**
 * One inbox, two kinds of thread: a packet of a referral across the border goes to the referrals,
 * everything else to the repatriations — but a partner's new keys, which concern the partner itself,
 * and its released statistics, which concern no case. A consent withdrawal runs on either and goes
 * to the thread it names.
 */
export function packetApplier(appliers: {
  repatriation: PacketApplier;
  crossBorderReferral: PacketApplier;
  keyRotation: PacketApplier;
  statisticRelease: PacketApplier;
}): PacketApplier {
  return async (tx, packet) => {
    // What a partner writes meets the same rules as what a user types here: no NUL, overrides or broken characters.
    if (implausibleField({ body: packet.content.body, consent: packet.content.consent }, [])) throw new PacketRefused('invalid_content');
    const { kind, thread } = packet.content;
    if (kind === 'key_rotation') return appliers.keyRotation(tx, packet);
    if (kind === 'statistic_release') return appliers.statisticRelease(tx, packet);
    if (REFERRAL_PACKET_KINDS.includes(kind)) return appliers.crossBorderReferral(tx, packet);
    if (kind === 'consent_withdrawal') {
      const [referral] = await tx
        .select({ id: crossBorderReferrals.id })
        .from(crossBorderReferrals)
        .where(eq(crossBorderReferrals.id, thread));
      if (referral) return appliers.crossBorderReferral(tx, packet);
    }
    return appliers.repatriation(tx, packet);
  };
}
