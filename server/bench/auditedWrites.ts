import type { IntakeUrgency } from '@seamless/contracts';
import { eq, inArray, sql } from 'drizzle-orm';
import type { AuditContext } from '../src/audit/record.js';
import { changedFields, recordAudit } from '../src/audit/record.js';
import { recordCaseEvent } from '../src/commands/recordCaseEvent.js';
import { asActor, asSystem, type DbActor } from '../src/db/actorContext.js';
import type { Db } from '../src/db/client.js';
import { cases, users } from '../src/db/schema/index.js';
import { lockVersion, saveVersion } from '../src/db/versioned.js';
import { type Bench, budgetEntry, entry } from './context.js';

/** The case read back with its person and owner agency, as the route answers a change. */
const readCaseRaw = (caseId: string) => sql`
  select c.*, p.*, a.name as owner_agency_name
  from cases c join persons p on p.id = c.person_id join agencies a on a.id = c.owner_agency_id
  where c.id = ${caseId}`;

/** Writers at once: more than the server's pool of 10, as many as there are audit chains. */
const WRITERS = 16;
/** Each writer cycles over cases of its own, so writers never wait on each other's rows — only on the audit trail, if it makes them. */
const CASES_PER_WRITER = 4;
/** Each mode is timed this many times, alternating, and the median kept: the machine's load drifts. */
const ROUNDS = 5;
/** Audited writes must keep at least half the rate of the same writes without audit (issue 15). */
const LEAST_RATIO = 0.5;

type Writer = { caseIds: string[]; versions: Map<string, number> };

/**
 * PATCH /api/cases/{id} with a new urgency, as the route does it without HTTP: in `asActor`
 * under row-level security, the case locked at the version last saved, saved with its version
 * bumped, a timeline event, the audit event when audited, and the case read back with its person
 * for the answer — after the audit event, as the route reloads it, so a lock the audit takes is
 * held through the read and the commit, as in the route.
 */
async function updateUrgency(db: Db, actor: DbActor, audit: AuditContext, writer: Writer, caseId: string, audited: boolean) {
  const version = await asActor(db, actor, async (tx) => {
    const current = await lockVersion(tx, cases, caseId, writer.versions.get(caseId)!);
    const changes = { urgency: (current.urgency === 'routine' ? 'urgent' : 'routine') satisfies IntakeUrgency };
    const saved = await saveVersion(tx, cases, current, changes);
    const fields = changedFields(current, changes);
    await recordCaseEvent(tx, actor, caseId, 'case.updated', { fields: Object.keys(fields) });
    if (audited)
      await recordAudit(tx, audit, { action: 'case.update', resourceType: 'case', resourceId: caseId, details: { changes: fields } });
    await tx.execute(readCaseRaw(caseId));
    return saved.version;
  });
  writer.versions.set(caseId, version);
}

/** Writes per second of every writer doing `perWriter` updates at once. */
async function rate(db: Db, actor: DbActor, audit: AuditContext, writers: Writer[], perWriter: number, audited: boolean) {
  const started = performance.now();
  await Promise.all(
    writers.map(async (writer) => {
      for (let write = 0; write < perWriter; write++)
        await updateUrgency(db, actor, audit, writer, writer.caseIds[write % writer.caseIds.length]!, audited);
    }),
  );
  return (writers.length * perWriter) / ((performance.now() - started) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Sixteen writers updating cases at once, each update audited, against the identical updates
 * with the audit call left out. A rate: higher is better; the ratio is what the audit trail costs
 * writers who work at the same time, which a single lock for the whole trail made them pay by
 * queueing. On PGlite the writers share one connection whatever the trail does (README).
 */
export const auditedWrites: Bench = {
  name: 'audited-writes',
  async run({ app, quick, actor, caseIds }) {
    const perWriter = quick ? 25 : 75;
    const owned = caseIds.slice(0, WRITERS * CASES_PER_WRITER);
    const stored = await asSystem(app.database.db, (tx) =>
      tx.select({ id: cases.id, version: cases.version }).from(cases).where(inArray(cases.id, owned)),
    );
    const versions = new Map(stored.map((row) => [row.id, row.version]));
    const writers: Writer[] = Array.from({ length: WRITERS }, (_, index) => ({
      caseIds: owned.slice(index * CASES_PER_WRITER, (index + 1) * CASES_PER_WRITER),
      versions,
    }));
    const [user] = await asSystem(app.database.db, (tx) =>
      tx.select({ username: users.username }).from(users).where(eq(users.id, actor.userId)),
    );
    const audit: AuditContext = { actor: { userId: actor.userId, username: user!.username, agencyId: actor.agencyId } };
    const pool = await app.connections(WRITERS);
    try {
      await rate(pool.db, actor, audit, writers, 3, true);
      await rate(pool.db, actor, audit, writers, 3, false);
      const [audited, unaudited]: [number[], number[]] = [[], []];
      for (let round = 0; round < ROUNDS; round++) {
        unaudited.push(await rate(pool.db, actor, audit, writers, perWriter, false));
        audited.push(await rate(pool.db, actor, audit, writers, perWriter, true));
      }
      const writes = WRITERS * perWriter;
      const [ours, baseline] = [median(audited), median(unaudited)];
      return [
        entry('audited-writes', `writes per second, ${WRITERS} writers, audited against not audited`, ours, baseline, 'writes/s', writes),
        budgetEntry('audited-writes-budget', ours / baseline, LEAST_RATIO, 'ratio', writes, 'audited over not audited writes per second'),
      ];
    } finally {
      await pool.close();
    }
  },
};
