-- Issue 16, batch re-linkage: after the matching rules change (NAME_KEYS_VERSION), a job re-checks
-- the whole register for records of one person and queues the likely pairs for the agencies that
-- own them. Nothing merges by itself: an owner decides each pair, and a decision is remembered so
-- that a pair judged "not the same person" is never proposed again, whatever later runs score.
-- A pair is stored once, its two persons in uuid order. Reasons are codes (matchReasonSchema),
-- never values.
CREATE TABLE relinkage_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_low uuid NOT NULL REFERENCES persons(id),
  person_high uuid NOT NULL REFERENCES persons(id),
  likelihood real NOT NULL CHECK (likelihood >= 0 AND likelihood <= 1),
  reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'same_person', 'not_same_person')),
  keys_version smallint NOT NULL,
  found_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users(id),
  decided_by_agency_id uuid REFERENCES agencies(id),
  decided_at timestamptz,
  merge_id uuid REFERENCES person_merges(id),
  merge_request_id uuid REFERENCES person_merge_requests(id),
  CHECK (person_low < person_high),
  UNIQUE (person_low, person_high)
);
--> statement-breakpoint
CREATE INDEX relinkage_candidates_high_idx ON relinkage_candidates (person_high);
--> statement-breakpoint
CREATE INDEX relinkage_candidates_pending_idx ON relinkage_candidates (likelihood DESC) WHERE status = 'pending';
--> statement-breakpoint
-- One row per run of the job: the keys version it checked, so that start-up knows whether the
-- current rules have been run over the register yet.
CREATE TABLE relinkage_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  keys_version smallint NOT NULL,
  requested_by uuid REFERENCES users(id),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  persons integer,
  pairs_scored integer,
  pairs_queued integer
);
--> statement-breakpoint
ALTER TABLE relinkage_candidates ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE relinkage_runs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, UPDATE ON relinkage_candidates TO seamless_app;
--> statement-breakpoint
GRANT SELECT ON relinkage_runs TO seamless_app;
--> statement-breakpoint
-- The owners of a pair are the agencies owning a case of either person, as for merge requests;
-- what each may see of the other person is decided by the identity rules when the pair is read.
CREATE POLICY relinkage_candidates_read ON relinkage_candidates FOR SELECT TO seamless_app
  USING (app_owns_case_of(person_low) OR app_owns_case_of(person_high));
--> statement-breakpoint
CREATE POLICY relinkage_candidates_update ON relinkage_candidates FOR UPDATE TO seamless_app
  USING (status = 'pending' AND (app_owns_case_of(person_low) OR app_owns_case_of(person_high)))
  WITH CHECK (decided_by = app_user_id() AND decided_by_agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY relinkage_runs_read ON relinkage_runs FOR SELECT TO seamless_app USING (app_has_scope('persons_admin'));
