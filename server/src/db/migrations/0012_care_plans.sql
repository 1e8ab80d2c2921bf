-- The individual care plan made with the victim (DESIGN.md §2 step 4), the services delivered
-- under it, and repeated reintegration assessments (step 7). All of it is the case's `care`
-- section: readable by an agency that reads the case part and holds `care` on the case (owner,
-- a share or referral including `care`, or the actor's own emergency access).
CREATE FUNCTION app_holds_care(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_owns_case(p_case_id) OR agency_granted_case(app_agency_id(), p_case_id, 'care') OR app_break_glass(p_case_id)
$$;
--> statement-breakpoint
-- Writing takes working on the case with `care`: emergency access only reads.
CREATE FUNCTION app_writes_care(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_owns_case(p_case_id) OR agency_granted_case(app_agency_id(), p_case_id, 'care')
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_holds_care(uuid), app_writes_care(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_holds_care(uuid), app_writes_care(uuid) TO seamless_app;
--> statement-breakpoint
-- Each revision of the plan is a new version; earlier versions and their goals and actions stay.
CREATE TABLE care_plan_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  version integer NOT NULL CHECK (version > 0),
  victim_goals text NOT NULL,
  agreed_on date,
  agreement_method text CHECK (agreement_method IN ('signed', 'verbal', 'guardian')),
  witnessed_by text,
  review_on date,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, version)
);
--> statement-breakpoint
CREATE TABLE care_plan_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_version_id uuid NOT NULL REFERENCES care_plan_versions(id),
  case_id uuid NOT NULL REFERENCES cases(id),
  position integer NOT NULL,
  service_area text NOT NULL,
  goal text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'achieved', 'dropped')),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id()
);
--> statement-breakpoint
CREATE INDEX care_plan_goals_version_idx ON care_plan_goals (plan_version_id, position);
--> statement-breakpoint
-- `action_key` follows one action through the plan's versions (its task, referral and services).
CREATE TABLE care_plan_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  goal_id uuid NOT NULL REFERENCES care_plan_goals(id),
  case_id uuid NOT NULL REFERENCES cases(id),
  action_key uuid NOT NULL DEFAULT gen_random_uuid(),
  position integer NOT NULL,
  what text NOT NULL,
  responsible_agency_id uuid REFERENCES agencies(id),
  responsible_organisation text,
  responsible_person text,
  due_on date,
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'cancelled')),
  -- The referral that carries the action to another agency.
  referral_id uuid REFERENCES referrals(id),
  task_id uuid REFERENCES case_tasks(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  CHECK (responsible_agency_id IS NULL OR responsible_organisation IS NULL)
);
--> statement-breakpoint
CREATE INDEX care_plan_actions_goal_idx ON care_plan_actions (goal_id, position);
--> statement-breakpoint
CREATE INDEX care_plan_actions_key_idx ON care_plan_actions (case_id, action_key);
--> statement-breakpoint
CREATE TABLE care_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  delivered_on date NOT NULL,
  provider_agency_id uuid REFERENCES agencies(id),
  provider_name text,
  service_area text NOT NULL,
  description text NOT NULL,
  cost_amount numeric(14, 2) CHECK (cost_amount IS NULL OR cost_amount >= 0),
  cost_currency text CHECK (cost_currency IS NULL OR cost_currency ~ '^[A-Z]{3}$'),
  action_key uuid,
  outcome text CHECK (outcome IN ('employed', 'business_running', 'unemployed', 'in_training', 'other')),
  income_band text,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (provider_agency_id IS NOT NULL OR provider_name IS NOT NULL),
  CHECK ((cost_amount IS NULL) = (cost_currency IS NULL))
);
--> statement-breakpoint
CREATE INDEX care_services_case_idx ON care_services (case_id, delivered_on);
--> statement-breakpoint
-- Instruments are configuration, versioned: a past assessment keeps the version it was scored on.
CREATE TABLE assessment_instruments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,59}$'),
  version integer NOT NULL CHECK (version > 0),
  name jsonb NOT NULL,
  scale_min integer NOT NULL,
  scale_max integer NOT NULL,
  scale_labels jsonb NOT NULL,
  domains jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (key, version),
  CHECK (scale_min < scale_max)
);
--> statement-breakpoint
CREATE TABLE case_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  instrument_id uuid NOT NULL REFERENCES assessment_instruments(id),
  assessed_on date NOT NULL,
  assessor_name text NOT NULL,
  scores jsonb NOT NULL,
  domain_notes jsonb NOT NULL DEFAULT '{}',
  domain_scores jsonb NOT NULL,
  overall_score numeric(6, 3) NOT NULL,
  -- Domains flagged when scored: [{domain, reason}] (a drop of a point or more, or the lowest band).
  risks jsonb NOT NULL DEFAULT '[]',
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX case_assessments_case_idx ON case_assessments (case_id, assessed_on, recorded_at);
--> statement-breakpoint
GRANT SELECT, INSERT ON care_plan_versions, care_plan_goals, care_plan_actions, care_services, case_assessments, assessment_instruments TO seamless_app;
--> statement-breakpoint
GRANT UPDATE ON care_plan_actions, assessment_instruments TO seamless_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['care_plan_versions', 'care_plan_goals', 'care_plan_actions', 'care_services', 'case_assessments'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_care(case_id))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO seamless_app WITH CHECK (recorded_by_agency_id = app_agency_id() AND app_writes_care(case_id))', t || '_insert', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Progress on an action of the current plan (status, its referral) is recorded in place.
CREATE POLICY care_plan_actions_update ON care_plan_actions FOR UPDATE TO seamless_app
  USING (app_writes_care(case_id)) WITH CHECK (app_writes_care(case_id));
--> statement-breakpoint
ALTER TABLE assessment_instruments ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY assessment_instruments_read ON assessment_instruments FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY assessment_instruments_insert ON assessment_instruments FOR INSERT TO seamless_app WITH CHECK (app_has_scope('forms_admin'));
--> statement-breakpoint
CREATE POLICY assessment_instruments_update ON assessment_instruments FOR UPDATE TO seamless_app
  USING (app_has_scope('forms_admin')) WITH CHECK (app_has_scope('forms_admin'));
