import type { CaseEventKind, CaseSection } from '@seamless/contracts';
import type { Tx } from '../db/client.js';
import { caseEvents } from '../db/schema/index.js';

export type CaseEventActor = { userId: string; agencyId: string };

/** Appends to the case timeline in the same transaction as the change it describes. */
export async function recordCaseEvent(
  tx: Tx,
  actor: CaseEventActor,
  caseId: string,
  kind: CaseEventKind,
  details: Record<string, unknown> = {},
  section: CaseSection | null = null,
) {
  await tx.insert(caseEvents).values({ caseId, kind, section, details, actorUserId: actor.userId, actorAgencyId: actor.agencyId });
}
