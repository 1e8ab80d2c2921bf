-- A key's rate-limit window now starts at its first hit, as the in-memory store's does, instead
-- of at a clock boundary shared by every key: at a boundary every client's budget refilled at
-- once, and a client could spend two budgets within moments across it. One row per hashed key;
-- the rows are counters of the current windows only, so the old ones are not carried over.
DROP TABLE rate_limit_hits;
--> statement-breakpoint
CREATE TABLE rate_limit_hits (
  key_hash text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  hits integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX rate_limit_hits_window_end_idx ON rate_limit_hits (window_end);
--> statement-breakpoint
ALTER TABLE rate_limit_hits ENABLE ROW LEVEL SECURITY;
