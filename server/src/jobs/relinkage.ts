import type { FastifyBaseLogger } from 'fastify';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Db } from '../db/client.js';
import { relinkedWithCurrentKeys, relinkRegister } from '../matching/relinkRegister.js';
import type { JobQueue } from './queue.js';

export const RELINK_JOB = 'relink-register';

export type RelinkageDeps = { db: Db; keyRing: KeyRing; log: FastifyBaseLogger };

/**
 * The re-linkage job on the queue: run by a persons administrator on demand, and queued at start
 * when the register was never re-checked with the current matching rules (a release raised
 * NAME_KEYS_VERSION, whose names the bootstrap has just re-keyed). One waits at a time.
 */
export async function registerRelinkage(queue: JobQueue, deps: RelinkageDeps) {
  await queue.work<{ requestedBy?: string }>(RELINK_JOB, async (job) => {
    const outcome = await relinkRegister(deps.db, deps.keyRing, { requestedBy: job.data.requestedBy });
    deps.log.info(outcome, 'register re-checked for records of one person');
  });
  if (!(await relinkedWithCurrentKeys(deps.db))) await queue.send(RELINK_JOB, {}, { singletonKey: RELINK_JOB });
}
