-- DESIGN.md §4: emergency access is audited and reported, also to the agency whose case was opened.
-- One definition of "may read this grant", for the policy and for the grantee's name below.
CREATE FUNCTION app_reads_break_glass(p_user_id uuid, p_agency_id uuid, p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE
SET search_path = public AS $$
  SELECT p_user_id = app_user_id()
    OR app_has_scope('audit_all')
    OR (app_has_scope('audit_agency') AND (p_agency_id = app_agency_id() OR app_owns_case(p_case_id)))
$$;
--> statement-breakpoint
DROP POLICY break_glass_read ON break_glass_grants;
--> statement-breakpoint
CREATE POLICY break_glass_read ON break_glass_grants FOR SELECT TO seamless_app USING (app_reads_break_glass(user_id, agency_id, case_id));
--> statement-breakpoint
-- The owner agency's admin may not list another agency's users, yet the report must say who broke
-- the glass on her case: the name of a grant's user, for exactly the grants the caller may read.
CREATE FUNCTION break_glass_username(p_grant_id uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT u.username FROM break_glass_grants g JOIN users u ON u.id = g.user_id
  WHERE g.id = p_grant_id AND app_reads_break_glass(g.user_id, g.agency_id, g.case_id)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_reads_break_glass(uuid, uuid, uuid), break_glass_username(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_reads_break_glass(uuid, uuid, uuid), break_glass_username(uuid) TO seamless_app;
