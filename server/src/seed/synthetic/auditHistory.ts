import type { CopySession } from './copyStream.js';

/** The audit rows of a batch, staged by COPY before they are linked into the chain. */
export const AUDIT_STAGE_COLUMNS = [
  'occurred_at',
  'action',
  'actor_user_id',
  'actor_username',
  'actor_agency_id',
  'resource_type',
  'resource_id',
  'outcome',
  'request_id',
  'details',
] as const;

export async function createAuditStage(session: CopySession) {
  await session.exec(`CREATE TEMP TABLE IF NOT EXISTS synthetic_audit_stage (
    ord bigserial, occurred_at timestamptz NOT NULL, action text NOT NULL, actor_user_id uuid, actor_username text,
    actor_agency_id uuid, resource_type text, resource_id text, outcome text NOT NULL, request_id text, details jsonb NOT NULL
  ) ON COMMIT DELETE ROWS`);
}

/**
 * Appends the staged rows to `audit_events` the way `audit_append` does — holding the lock of one
 * chain (0), each row hashed with `audit_row_hash` and linked to the row before in that chain —
 * but keeping each row's historic time, which `audit_append` (stamping the current time) cannot.
 * `audit_verify()` recomputes the same hashes, so the chains stay intact; the app's own appends
 * meanwhile find chain 0 taken and use another.
 */
export async function appendAuditHistory(session: CopySession) {
  await session.exec(`DO $$
DECLARE
  r record;
  v_prev text;
  v_hash text;
  v_seq bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(727001, 0);
  SELECT hash INTO v_prev FROM audit_events WHERE chain = 0 ORDER BY seq DESC LIMIT 1;
  FOR r IN SELECT * FROM synthetic_audit_stage ORDER BY ord LOOP
    v_seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
    v_hash := audit_row_hash(0::smallint, v_prev, v_seq, r.occurred_at, r.action, r.actor_user_id, r.actor_username, r.actor_agency_id,
      r.resource_type, r.resource_id, r.outcome, r.request_id, r.details);
    INSERT INTO audit_events (seq, chain, occurred_at, action, actor_user_id, actor_username, actor_agency_id,
      resource_type, resource_id, outcome, request_id, details, prev_hash, hash)
    OVERRIDING SYSTEM VALUE
    VALUES (v_seq, 0, r.occurred_at, r.action, r.actor_user_id, r.actor_username, r.actor_agency_id,
      r.resource_type, r.resource_id, r.outcome, r.request_id, r.details, v_prev, v_hash);
    v_prev := v_hash;
  END LOOP;
END $$`);
}
