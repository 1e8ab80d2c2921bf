-- Follow-up after reintegration (DESIGN.md §2 step 7): a schedule of visits under a policy kept
-- as data, what each visit found, and how follow-up ended. Part of the case's `care` section:
-- read by an agency that reads the case part and holds `care` on the case (owner, a share or
-- referral including `care`, or the actor's own emergency access); written by the owner or an
-- agency given `care` (emergency access only reads).
CREATE TABLE follow_up_policies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  country_code char(2) NOT NULL,
  agency_id uuid REFERENCES agencies(id),
  name text NOT NULL,
  -- [{everyMonths, times | untilMonths}], stretches one after the other from the start.
  steps jsonb NOT NULL CHECK (jsonb_typeof(steps) = 'array' AND jsonb_array_length(steps) > 0),
  default_mode text NOT NULL CHECK (default_mode IN ('in_person', 'phone', 'partner_visit')),
  grace_days integer NOT NULL DEFAULT 7 CHECK (grace_days BETWEEN 0 AND 60),
  source text,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX follow_up_policies_scope_idx ON follow_up_policies (country_code, agency_id);
--> statement-breakpoint
-- One period of follow-up on a case. The policy's steps and grace are copied at the start, so a
-- later edit of the policy does not move visits already planned with her.
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  policy_id uuid NOT NULL REFERENCES follow_up_policies(id),
  policy_name text NOT NULL,
  steps jsonb NOT NULL,
  default_mode text NOT NULL CHECK (default_mode IN ('in_person', 'phone', 'partner_visit')),
  grace_days integer NOT NULL CHECK (grace_days BETWEEN 0 AND 60),
  start_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'reopened')),
  closed_on date,
  closure_reason text CHECK (closure_reason IN ('plan_completed', 'unreachable', 'declined', 'moved_away', 'deceased', 'other')),
  closure_note text,
  closed_by uuid REFERENCES users(id),
  reopen_reason text,
  reopened_by uuid REFERENCES users(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'active') = (closed_on IS NULL)),
  CHECK (status = 'active' OR closure_reason IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX follow_ups_one_active_idx ON follow_ups (case_id) WHERE status = 'active';
--> statement-breakpoint
CREATE TABLE follow_up_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  follow_up_id uuid NOT NULL REFERENCES follow_ups(id),
  case_id uuid NOT NULL REFERENCES cases(id),
  -- Place in the schedule; null for a visit made outside it.
  sequence integer,
  scheduled_on date,
  originally_scheduled_on date,
  reschedule_reason text,
  cancelled_at timestamptz,
  actual_on date,
  mode text CHECK (mode IN ('in_person', 'phone', 'partner_visit')),
  visiting_agency_id uuid REFERENCES agencies(id),
  visitor_name text,
  findings text,
  situation text CHECK (situation IN ('safe', 'at_risk', 'unreachable')),
  next_steps text,
  assessment_id uuid,
  task_id uuid REFERENCES case_tasks(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((sequence IS NULL) = (scheduled_on IS NULL)),
  CHECK (sequence IS NOT NULL OR actual_on IS NOT NULL),
  CHECK ((actual_on IS NULL) = (situation IS NULL) AND (actual_on IS NULL) = (mode IS NULL)),
  CHECK (mode IS DISTINCT FROM 'partner_visit' OR visiting_agency_id IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX follow_up_visits_follow_up_idx ON follow_up_visits (follow_up_id, scheduled_on);
--> statement-breakpoint
CREATE INDEX follow_up_visits_open_idx ON follow_up_visits (scheduled_on) WHERE actual_on IS NULL AND cancelled_at IS NULL;
--> statement-breakpoint
-- The assessment made on a visit (case_assessments from migration 0012, when it is there).
DO $$
BEGIN
  IF to_regclass('public.case_assessments') IS NOT NULL THEN
    ALTER TABLE follow_up_visits ADD CONSTRAINT follow_up_visits_assessment_fk FOREIGN KEY (assessment_id) REFERENCES case_assessments(id);
  END IF;
END $$;
--> statement-breakpoint
GRANT SELECT ON follow_up_policies, follow_ups, follow_up_visits TO seamless_app;
--> statement-breakpoint
GRANT INSERT, UPDATE ON follow_up_policies, follow_ups, follow_up_visits TO seamless_app;
--> statement-breakpoint
ALTER TABLE follow_up_policies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY follow_up_policies_read ON follow_up_policies FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY follow_up_policies_insert ON follow_up_policies FOR INSERT TO seamless_app WITH CHECK (app_has_scope('forms_admin'));
--> statement-breakpoint
CREATE POLICY follow_up_policies_update ON follow_up_policies FOR UPDATE TO seamless_app
  USING (app_has_scope('forms_admin')) WITH CHECK (app_has_scope('forms_admin'));
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['follow_ups', 'follow_up_visits'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_reads_case_part(case_id, recorded_by_agency_id)'
      || ' AND (app_owns_case(case_id) OR agency_granted_case(app_agency_id(), case_id, ''care'') OR app_break_glass(case_id)))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO seamless_app WITH CHECK (recorded_by_agency_id = app_agency_id()'
      || ' AND (app_owns_case(case_id) OR agency_granted_case(app_agency_id(), case_id, ''care'')))', t || '_insert', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO seamless_app'
      || ' USING (app_owns_case(case_id) OR agency_granted_case(app_agency_id(), case_id, ''care''))'
      || ' WITH CHECK (app_owns_case(case_id) OR agency_granted_case(app_agency_id(), case_id, ''care''))', t || '_update', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Country defaults. Thailand: MSDHS standard as described at the UN-ACT regional meeting —
-- monthly for the first three months, then every three months up to a year. Cambodia, Viet Nam,
-- Lao PDR and Myanmar: demo defaults to be replaced by each ministry's standard.
INSERT INTO follow_up_policies (country_code, name, steps, default_mode, source) VALUES
  ('TH', 'MSDHS reintegration follow-up', '[{"everyMonths":1,"times":3},{"everyMonths":3,"untilMonths":12}]', 'in_person',
    'Thai standard (MSDHS): monthly in the first 3 months, then every 3 months up to a year.'),
  ('KH', 'MOSVY / DOSVY follow-up (demo default)', '[{"everyMonths":1,"times":3},{"everyMonths":3,"untilMonths":12}]', 'in_person', 'Demo default.'),
  ('VN', 'DOLISA reintegration follow-up (demo default)', '[{"everyMonths":1,"times":6},{"everyMonths":3,"untilMonths":12}]', 'in_person', 'Demo default.'),
  ('LA', 'MLSW follow-up (demo default)', '[{"everyMonths":1,"times":3},{"everyMonths":3,"untilMonths":12}]', 'in_person', 'Demo default.'),
  ('MM', 'DSW follow-up (demo default)', '[{"everyMonths":1,"times":3},{"everyMonths":3,"untilMonths":12}]', 'phone', 'Demo default.');
