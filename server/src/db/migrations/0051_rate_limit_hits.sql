-- Issue 15, several server processes behind one port: the HTTP rate limit is counted in the
-- database so that requests spread over every process add up to one budget. One row per hashed
-- key and fixed window; nothing here identifies a session or a person (keys are SHA-256 hashes).
-- Only the server's own connection counts hits: no policy lets the application role read them.
CREATE TABLE rate_limit_hits (
  key_hash text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (key_hash, window_start)
);
--> statement-breakpoint
CREATE INDEX rate_limit_hits_window_end_idx ON rate_limit_hits (window_end);
--> statement-breakpoint
ALTER TABLE rate_limit_hits ENABLE ROW LEVEL SECURITY;
