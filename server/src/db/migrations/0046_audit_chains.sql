-- Issue 15, audited writes that do not queue behind each other: one global advisory lock made
-- every audited transaction in the system wait for the one before it to commit. The trail is now
-- 16 independent hash chains: a transaction takes the lock of ONE chain (a free one if
-- any is free) for all its appends, and each row links to the previous row of its own chain.
-- 16 chains: at least as many as transactions that write at once — the server's pool holds 10
-- connections and jobs a few more — so a writer finds a free chain and waits only when 16 others
-- are mid-commit; more chains would only add heads to look up and tails to watch.
-- Rows written before this stay chain 0, and their links and hashes stay valid: the chain number
-- enters the hash as a trailing field only when it is not 0 (details::text is JSON, whose text
-- never holds the raw chr(31) separator, so no chain-0 row can pass for a row of another chain).
ALTER TABLE audit_events ADD COLUMN chain smallint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE audit_events ADD CONSTRAINT audit_events_chain_range CHECK (chain BETWEEN 0 AND 15);
--> statement-breakpoint
CREATE INDEX audit_events_chain_idx ON audit_events USING btree (chain, seq);
--> statement-breakpoint
CREATE FUNCTION audit_row_hash(
  p_chain smallint, p_prev_hash text, p_seq bigint, p_occurred_at timestamptz, p_action text, p_actor_user_id uuid,
  p_actor_username text, p_actor_agency_id uuid, p_resource_type text, p_resource_id text,
  p_outcome text, p_request_id text, p_details jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(chr(31),
    coalesce(p_prev_hash, ''), p_seq::text,
    to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    p_action, coalesce(p_actor_user_id::text, ''), coalesce(p_actor_username, ''),
    coalesce(p_actor_agency_id::text, ''), coalesce(p_resource_type, ''), coalesce(p_resource_id, ''),
    p_outcome, coalesce(p_request_id, ''), p_details::text,
    CASE WHEN p_chain <> 0 THEN p_chain::text END), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- The chain a transaction holds is kept in a transaction-local setting; the lock is taken again on
-- every append (at once when already held), so a setting forged by the caller cannot make two
-- transactions append to one chain at the same time. The search for a free chain starts at a
-- chain picked from the backend pid, so the pool's connections spread over the chains.
CREATE OR REPLACE FUNCTION audit_append(
  p_action text, p_actor_user_id uuid, p_actor_username text, p_actor_agency_id uuid,
  p_resource_type text, p_resource_id text, p_outcome text, p_request_id text, p_details jsonb
) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  c_chains CONSTANT smallint := 16;
  v_chain smallint := nullif(current_setting('seamless.audit_chain', true), '')::smallint;
  v_start smallint;
  v_prev text;
  v_seq bigint;
  v_at timestamptz := clock_timestamp();
BEGIN
  IF v_chain IS NULL OR v_chain NOT BETWEEN 0 AND c_chains - 1 OR NOT pg_try_advisory_xact_lock(727001, v_chain) THEN
    v_start := pg_backend_pid() % c_chains;
    v_chain := NULL;
    FOR v_step IN 0 .. c_chains - 1 LOOP
      IF pg_try_advisory_xact_lock(727001, (v_start + v_step) % c_chains) THEN
        v_chain := (v_start + v_step) % c_chains;
        EXIT;
      END IF;
    END LOOP;
    IF v_chain IS NULL THEN
      PERFORM pg_advisory_xact_lock(727001, v_start);
      v_chain := v_start;
    END IF;
    PERFORM set_config('seamless.audit_chain', v_chain::text, true);
  END IF;
  SELECT hash INTO v_prev FROM audit_events WHERE chain = v_chain ORDER BY seq DESC LIMIT 1;
  v_seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
  INSERT INTO audit_events (seq, chain, occurred_at, action, actor_user_id, actor_username, actor_agency_id,
    resource_type, resource_id, outcome, request_id, details, prev_hash, hash)
  OVERRIDING SYSTEM VALUE
  VALUES (v_seq, v_chain, v_at, p_action, p_actor_user_id, p_actor_username, p_actor_agency_id,
    p_resource_type, p_resource_id, p_outcome, p_request_id, p_details, v_prev,
    audit_row_hash(v_chain, v_prev, v_seq, v_at, p_action, p_actor_user_id, p_actor_username, p_actor_agency_id,
      p_resource_type, p_resource_id, p_outcome, p_request_id, p_details));
  RETURN v_seq;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_verify() RETURNS TABLE (events bigint, first_broken_seq bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*), min(seq) FILTER (WHERE NOT intact)
  FROM (
    SELECT seq,
      hash = audit_row_hash(chain, prev_hash, seq, occurred_at, action, actor_user_id, actor_username,
        actor_agency_id, resource_type, resource_id, outcome, request_id, details)
      AND prev_hash IS NOT DISTINCT FROM lag(hash) OVER (PARTITION BY chain ORDER BY seq) AS intact
    FROM audit_events
  ) chains
$$;
--> statement-breakpoint
DROP FUNCTION audit_row_hash(text, bigint, timestamptz, text, uuid, text, uuid, text, text, text, text, jsonb);
