-- Issue 15, fast at national scale: the read policies of a case and of the parts a case page
-- reads were paid per row. `app_agency_id()` parsed the setting again for every row, and the
-- owner agency — the common reader — reached its rows only through SECURITY DEFINER functions
-- (app_reads_case_part, app_reads_identity), which PostgreSQL can neither inline nor plan
-- with the query and which run their own statements for each row.
--
-- The agency is now read once per statement (`(SELECT app_agency_id())` is an init plan), and
-- each part's policy first asks inline whether the reader's agency owns the case, the first
-- thing the functions themselves ask; what they allow beyond that (sharing, referral, intake,
-- emergency access) they still decide. Nothing is opened that was closed: the inline test is
-- the functions' own owner test, read through the cases policy.
DROP POLICY cases_read ON cases;
--> statement-breakpoint
CREATE POLICY cases_read ON cases FOR SELECT TO seamless_app
  USING (owner_agency_id = (SELECT app_agency_id()) OR intake_by_agency_id = (SELECT app_agency_id())
    OR app_involved_in_case(id) OR app_break_glass(id));
--> statement-breakpoint
DROP POLICY persons_read ON persons;
--> statement-breakpoint
CREATE POLICY persons_read ON persons FOR SELECT TO seamless_app
  USING (created_by_agency_id = (SELECT app_agency_id()) OR app_sees_person(id));
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['person_names', 'person_documents', 'person_contacts'] LOOP
    EXECUTE format('DROP POLICY %I ON %I', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (
      EXISTS (SELECT 1 FROM cases c WHERE c.person_id = %I.person_id AND c.owner_agency_id = (SELECT app_agency_id()))
      OR app_reads_identity(person_id, recorded_by_agency_id))', t || '_read', t, t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['victim_contexts', 'case_tasks', 'prescreenings', 'identification_interviews'] LOOP
    EXECUTE format('DROP POLICY %I ON %I', t || '_read', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY victim_contexts_read ON victim_contexts FOR SELECT TO seamless_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = victim_contexts.case_id AND c.owner_agency_id = (SELECT app_agency_id()))
    OR app_reads_case_part(case_id, recorded_by_agency_id));
--> statement-breakpoint
CREATE POLICY case_tasks_read ON case_tasks FOR SELECT TO seamless_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = case_tasks.case_id AND c.owner_agency_id = (SELECT app_agency_id()))
    OR app_reads_case_part(case_id, agency_id));
--> statement-breakpoint
CREATE POLICY prescreenings_read ON prescreenings FOR SELECT TO seamless_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = prescreenings.case_id AND c.owner_agency_id = (SELECT app_agency_id()))
    OR app_reads_case_part(case_id, NULL));
--> statement-breakpoint
CREATE POLICY identification_interviews_read ON identification_interviews FOR SELECT TO seamless_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = identification_interviews.case_id AND c.owner_agency_id = (SELECT app_agency_id()))
    OR app_reads_case_part(case_id, NULL));
