-- Who may correct a person's record, and the sweep that separates records (re-probe R1, R6, R7; the
-- rule of who leaves is separation_plan in 0025).
--
-- Editing: an agency that owns a case of the person keeps the right to correct her record, even
-- after another agency linked its own case to her under a consent-based share (the joined record
-- is one record while the sharing lasts); others need identity on every case she has. What another
-- agency recorded is never wiped (the row policies check the recorder).
--
-- Merging moves identity between records, so it keeps the stricter rule: identity on every case of
-- both persons.
CREATE FUNCTION agency_merges_identity(p_agency_id uuid, p_person_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person_id)
    THEN NOT EXISTS (
      SELECT 1 FROM cases c WHERE c.person_id = p_person_id
        AND c.owner_agency_id IS DISTINCT FROM p_agency_id AND NOT agency_granted_case(p_agency_id, c.id, 'identity'))
    ELSE EXISTS (SELECT 1 FROM persons p WHERE p.id = p_person_id AND p.created_by_agency_id = p_agency_id)
  END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION agency_writes_identity(p_agency_id uuid, p_person_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person_id AND c.owner_agency_id = p_agency_id)
    OR agency_merges_identity(p_agency_id, p_person_id)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION agency_merges_identity(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION agency_merges_identity(uuid, uuid) TO seamless_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION merge_persons(p_survivor uuid, p_merged uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF app_user_id() IS NULL OR p_survivor = p_merged OR NOT (app_has_scope('persons_admin')
      OR (agency_merges_identity(app_agency_id(), p_survivor) AND agency_merges_identity(app_agency_id(), p_merged))) THEN
    RAISE EXCEPTION 'merge not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN move_person_records(p_survivor, p_merged);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION merge_persons_on_request(p_request_id uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  r person_merge_requests%ROWTYPE;
  v_id uuid;
BEGIN
  SELECT * INTO r FROM person_merge_requests WHERE id = p_request_id AND status = 'pending' FOR UPDATE;
  IF NOT FOUND OR app_user_id() IS NULL OR r.requesting_agency_id = app_agency_id()
      OR NOT (app_owns_case_of(r.survivor_id) OR app_owns_case_of(r.merged_id) OR app_has_scope('persons_admin')) THEN
    RAISE EXCEPTION 'merge not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- The asking agency ends up reading every case's identity through its own: only once the owners
  -- have shared identity with it, under the person's consent.
  IF NOT (agency_merges_identity(r.requesting_agency_id, r.survivor_id) AND agency_merges_identity(r.requesting_agency_id, r.merged_id)) THEN
    RAISE EXCEPTION 'share identity first' USING ERRCODE = 'check_violation';
  END IF;
  v_id := move_person_records(r.survivor_id, r.merged_id);
  UPDATE person_merge_requests SET status = 'merged', decided_by = app_user_id(), decided_by_agency_id = app_agency_id(), decided_at = now(), merge_id = v_id
    WHERE id = p_request_id;
  RETURN v_id;
END $$;
--> statement-breakpoint
-- Every (person, agency) whose cases should leave her record now: for the sweep after an upgrade and
-- each day (expired consents, records joined before separation existed). The application role
-- never runs it: it reads across all agencies.
CREATE FUNCTION separations_due() RETURNS TABLE (person_id uuid, agency_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT DISTINCT c.person_id, c.owner_agency_id FROM cases c
  WHERE EXISTS (SELECT 1 FROM cases o WHERE o.person_id = c.person_id AND o.owner_agency_id <> c.owner_agency_id)
    AND (SELECT s.separate FROM separation_plan(c.person_id, c.owner_agency_id) s)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION separations_due() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION separations_due() FROM seamless_app;
