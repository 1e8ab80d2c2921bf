-- Issue 15, fast at national scale: whether an agency sees a case, its person or its victim
-- context was asked of SECURITY DEFINER functions (app_involved_in_case, app_break_glass,
-- app_sees_person, app_reads_case_part) once per row. PostgreSQL cannot plan into such a
-- function, and row-level security tests a row before the query's own filters, so a caseload
-- page paid the function for every person and victim context in the table, other agencies'
-- included.
--
-- The same rules are now written as EXISTS over the sharing tables, which the planner joins
-- with the query (an index probe per row, or one hashed pass per statement, whichever costs
-- less). The sharing tables are read through two views: a view reads its tables with its
-- owner's rights, as the functions did, so the application role learns nothing of case_access,
-- consents or emergency access beyond its own agency's live grants and its own user's running
-- emergency access — what the functions answered already.

-- The cases shared with the actor's agency by an active referral or consent-based share (the
-- sections it opens beside each). Sharing that relies on a consent ends with it: withdrawn or
-- past its expiry date. The same rule as agency_granted_case.
CREATE VIEW app_agency_case_grants WITH (security_barrier) AS
  SELECT a.case_id, a.sections FROM case_access a
  LEFT JOIN consents k ON k.id = a.consent_id
  WHERE a.agency_id = app_agency_id() AND a.revoked_at IS NULL
    AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date)));
--> statement-breakpoint
-- The cases the actor holds running emergency access to. The same rule as app_break_glass.
CREATE VIEW app_user_break_glass_cases WITH (security_barrier) AS
  SELECT g.case_id FROM break_glass_grants g WHERE g.user_id = app_user_id() AND g.expires_at > now();
--> statement-breakpoint
REVOKE ALL ON app_agency_case_grants, app_user_break_glass_cases FROM PUBLIC;
--> statement-breakpoint
GRANT SELECT ON app_agency_case_grants, app_user_break_glass_cases TO seamless_app;
--> statement-breakpoint
-- Owner, intake agency, a live grant, or the actor's emergency access: app_sees_case, inline.
DROP POLICY cases_read ON cases;
--> statement-breakpoint
CREATE POLICY cases_read ON cases FOR SELECT TO seamless_app
  USING (owner_agency_id = (SELECT app_agency_id()) OR intake_by_agency_id = (SELECT app_agency_id())
    OR EXISTS (SELECT 1 FROM app_agency_case_grants g WHERE g.case_id = cases.id)
    OR EXISTS (SELECT 1 FROM app_user_break_glass_cases b WHERE b.case_id = cases.id));
--> statement-breakpoint
-- A person the agency created, or the person of a case it sees (the cases policy above decides):
-- app_sees_person, inline.
DROP POLICY persons_read ON persons;
--> statement-breakpoint
CREATE POLICY persons_read ON persons FOR SELECT TO seamless_app
  USING (created_by_agency_id = (SELECT app_agency_id()) OR EXISTS (SELECT 1 FROM cases c WHERE c.person_id = persons.id));
--> statement-breakpoint
-- app_reads_case_part, inline: the owner, a live grant or emergency access read the whole victim
-- context; an agency that sees the case otherwise (the intake agency after handing it over)
-- only one it recorded itself. The case is read through its own policy, so "sees the case" holds
-- for every row the EXISTS finds.
DROP POLICY victim_contexts_read ON victim_contexts;
--> statement-breakpoint
CREATE POLICY victim_contexts_read ON victim_contexts FOR SELECT TO seamless_app
  USING (EXISTS (SELECT 1 FROM cases c WHERE c.id = victim_contexts.case_id
    AND (c.owner_agency_id = (SELECT app_agency_id()) OR victim_contexts.recorded_by_agency_id = (SELECT app_agency_id())
      OR EXISTS (SELECT 1 FROM app_agency_case_grants g WHERE g.case_id = c.id)
      OR EXISTS (SELECT 1 FROM app_user_break_glass_cases b WHERE b.case_id = c.id))));
