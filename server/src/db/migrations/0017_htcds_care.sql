-- HTCDS completed for care (issue 11): every HTCDS 2.0 column the importer reads is held.
-- `vic_TraffickingStatusDecisionMakingOrg` on the status decision it describes: the HTCDS kind of
-- organisation that decided, when the deciding agency's own type does not say it (imports).
ALTER TABLE trafficking_status_decisions ADD COLUMN decision_making_org text
  CHECK (decision_making_org IN ('Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'));
--> statement-breakpoint
-- The columns of an imported row no record of ours holds, as the file wrote them: one encrypted
-- JSON object (field name → value) per case. Words typed in another system can name or locate the
-- person, so the holder reads like her identity: the owner, an agency given the identity section,
-- or the actor's own emergency access. The value is bound to its row's `id` (ciphertext binding).
CREATE TABLE case_htcds_values (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL UNIQUE REFERENCES cases(id),
  values_enc text NOT NULL,
  import_id uuid REFERENCES htcds_imports(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
ALTER TABLE case_htcds_values ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON case_htcds_values TO seamless_app;
--> statement-breakpoint
CREATE POLICY case_htcds_values_read ON case_htcds_values FOR SELECT TO seamless_app
  USING (app_owns_case(case_id) OR agency_granted_case(app_agency_id(), case_id, 'identity') OR app_break_glass(case_id));
--> statement-breakpoint
CREATE POLICY case_htcds_values_insert ON case_htcds_values FOR INSERT TO seamless_app
  WITH CHECK (app_owns_case(case_id) AND recorded_by_agency_id = app_agency_id());
