import type { transferInputSchema } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/client.js';
import { referrals } from '../db/schema/index.js';
import { conflict } from '../http/problem.js';
import { type OfferProps, offerReferral } from './sendReferral.js';

/**
 * Offers the case to another agency as its owner. Nothing changes hands until that agency
 * accepts (answerReferral); one offer at a time, so two agencies never both believe they own it.
 */
export async function offerTransfer(props: OfferProps, input: z.output<typeof transferInputSchema>) {
  await refusePendingTransfer(props.tx, props.view.kase.id);
  return offerReferral(props, { ...input, kind: 'transfer', urgency: 'routine' });
}

async function refusePendingTransfer(tx: Tx, caseId: string) {
  const [pending] = await tx
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.caseId, caseId), eq(referrals.kind, 'transfer'), eq(referrals.status, 'pending')));
  if (pending) throw conflict('A handover of this case is already waiting for an answer.', { referralId: pending.id });
}
