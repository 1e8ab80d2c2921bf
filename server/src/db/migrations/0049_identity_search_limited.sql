-- Issue 16, one score a worker can read: a possible-matches answer says when the search could not
-- read every record, so that "no match" is not taken for "not known anywhere". True when a name
-- exists that the caller may not read (another agency's person, identity not shared with it); a
-- yes or no about the register, never which person or how many. EXISTS stops at the first such
-- name, which in a register of several agencies is among the first rows read.
CREATE FUNCTION app_identity_search_limited() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_user_id() IS NULL OR EXISTS (
    SELECT 1 FROM person_names n JOIN persons p ON p.id = n.person_id AND p.merged_into_id IS NULL
    WHERE NOT app_reads_identity(n.person_id, n.recorded_by_agency_id)
  )
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_identity_search_limited() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_identity_search_limited() TO seamless_app;
