-- When sharing ends (consent withdrawn, a share revoked), an agency whose own cases were linked or
-- merged to a person on the strength of that sharing takes its cases back onto a record of its own,
-- with what it recorded itself. Otherwise its own case stays a window onto what the other agencies
-- recorded (DESIGN.md §4: withdrawing consent stops further sharing), and neither agency may edit her
-- record any more, each lacking identity on the other's case.

-- Her record's home: the agency owning the case that was recorded first. Another agency's cases
-- joined the record later (a link, a merge in either direction, an import) and stay only while that
-- agency holds identity, by a share or referral, on a case of the home agency.
CREATE FUNCTION person_home_agency(p_person uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT owner_agency_id FROM cases WHERE person_id = p_person ORDER BY created_at, id LIMIT 1
$$;
--> statement-breakpoint
-- Whether the agency must leave her record, whose cases move, and where to: the record a merge took
-- them from (undone exactly: the leaving agency's, or the home agency's when the leaving agency
-- merged the home's record into its own), or a new one the caller creates.
CREATE FUNCTION separation_plan(p_person uuid, p_agency uuid)
RETURNS TABLE (separate boolean, merge_id uuid, target_id uuid, leaving_agency_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH home AS (
    SELECT person_home_agency(p_person) AS agency_id
  ), needed AS (
    SELECT EXISTS (SELECT 1 FROM cases WHERE person_id = p_person AND owner_agency_id = p_agency)
      AND p_agency IS DISTINCT FROM (SELECT agency_id FROM home)
      AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person AND c.owner_agency_id = (SELECT agency_id FROM home)
        AND agency_granted_case(p_agency, c.id, 'identity')) AS separate
  ), merge AS (
    SELECT m.id, m.merged_id, CASE WHEN EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person AND c.owner_agency_id = p_agency
        AND (m.moved -> 'caseIds') ? c.id::text) THEN p_agency ELSE (SELECT agency_id FROM home) END AS leaving
    FROM person_merges m
    WHERE m.survivor_id = p_person AND m.undone_at IS NULL
      AND EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person AND (m.moved -> 'caseIds') ? c.id::text
        AND c.owner_agency_id IN (p_agency, (SELECT agency_id FROM home)))
    ORDER BY m.merged_at DESC LIMIT 1
  )
  SELECT needed.separate, merge.id, merge.merged_id, coalesce(merge.leaving, p_agency) FROM needed LEFT JOIN merge ON true
  WHERE app_user_id() IS NOT NULL OR current_setting('role', true) IS DISTINCT FROM 'seamless_app'
$$;
--> statement-breakpoint
-- p_identity: the identity columns for the agency's record, already encrypted for p_target by the
-- caller, and a new record's pseudonym (null keeps the merged-away record's own columns).
CREATE FUNCTION separate_agency_record(p_person uuid, p_agency uuid, p_target uuid, p_identity jsonb)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_plan record;
  v_case_ids uuid[];
  v_moved jsonb;
  v_last person_identity_versions%ROWTYPE;
  v_restore person_identity_versions%ROWTYPE;
  v_version integer;
  v_leaving uuid;
BEGIN
  -- The agency that ended the sharing, the leaving agency itself, or the daily job (no actor, not
  -- the application role) separates; nobody else splits another agency's records.
  IF (app_user_id() IS NULL AND current_setting('role', true) = 'seamless_app')
      OR (app_user_id() IS NOT NULL AND NOT (app_owns_case_of(p_person) OR app_agency_id() = p_agency)) THEN
    RAISE EXCEPTION 'separation not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO v_plan FROM separation_plan(p_person, p_agency);
  IF NOT coalesce(v_plan.separate, false) THEN
    RETURN NULL;
  END IF;
  IF v_plan.merge_id IS NOT NULL AND v_plan.target_id <> p_target THEN
    RAISE EXCEPTION 'separation target is the merged record' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_leaving := v_plan.leaving_agency_id;
  SELECT array_agg(id) INTO v_case_ids FROM cases WHERE person_id = p_person AND owner_agency_id = v_leaving;

  IF v_plan.merge_id IS NOT NULL THEN
    SELECT moved INTO v_moved FROM person_merges WHERE id = v_plan.merge_id FOR UPDATE;
    UPDATE persons SET merged_into_id = NULL, version = version + 1, updated_at = now() WHERE id = p_target;
    UPDATE person_merges SET undone_at = now(), undone_by = app_user_id() WHERE id = v_plan.merge_id;
    SELECT v_case_ids || coalesce(array_agg(x::uuid), '{}') INTO v_case_ids
      FROM jsonb_array_elements_text(v_moved -> 'caseIds') x
      WHERE x::uuid IN (SELECT id FROM cases WHERE person_id = p_person);
    UPDATE person_names SET person_id = p_target
      WHERE person_id = p_person AND id IN (SELECT (jsonb_array_elements_text(v_moved -> 'nameIds'))::uuid);
    UPDATE person_documents SET person_id = p_target
      WHERE person_id = p_person AND id IN (SELECT (jsonb_array_elements_text(v_moved -> 'documentIds'))::uuid);
    UPDATE person_contacts SET person_id = p_target
      WHERE person_id = p_person AND id IN (SELECT (jsonb_array_elements_text(v_moved -> 'contactIds'))::uuid);
  ELSE
    INSERT INTO persons (id, gender, citizenship, languages, pseudonym, created_by_agency_id)
      SELECT p_target, gender, citizenship, languages, p_identity ->> 'pseudonym', v_leaving
      FROM persons WHERE id = p_person;
  END IF;

  IF p_identity IS NOT NULL THEN
    UPDATE persons SET
      given_name_enc = p_identity ->> 'given_name_enc',
      family_name_enc = p_identity ->> 'family_name_enc',
      name_as_written_enc = p_identity ->> 'name_as_written_enc',
      birth_date_enc = p_identity ->> 'birth_date_enc',
      address_enc = p_identity ->> 'address_enc',
      ethnicity = p_identity ->> 'ethnicity',
      birth_year = coalesce((p_identity ->> 'birth_year')::smallint, birth_year),
      version = version + 1, updated_at = now()
    WHERE id = p_target
    RETURNING version INTO v_version;
    INSERT INTO person_identity_versions (person_id, version, given_name_enc, family_name_enc, name_as_written_enc, birth_date_enc,
        address_enc, ethnicity, recorded_by_agency_id, recorded_by_user_id)
      SELECT id, version, given_name_enc, family_name_enc, name_as_written_enc, birth_date_enc, address_enc, ethnicity, v_leaving, NULL
      FROM persons WHERE id = p_target;
  END IF;

  -- What the agency recorded itself on her record goes with its cases; what others recorded stays.
  UPDATE person_names SET person_id = p_target WHERE person_id = p_person AND recorded_by_agency_id = v_leaving;
  UPDATE person_documents SET person_id = p_target WHERE person_id = p_person AND recorded_by_agency_id = v_leaving;
  UPDATE person_contacts SET person_id = p_target WHERE person_id = p_person AND recorded_by_agency_id = v_leaving;
  UPDATE cases SET person_id = p_target, version = version + 1, updated_at = now() WHERE id = ANY (v_case_ids);

  -- Her record's own columns stop showing what the leaving agency last wrote.
  SELECT * INTO v_last FROM person_identity_versions WHERE person_id = p_person ORDER BY version DESC LIMIT 1;
  IF FOUND AND v_last.recorded_by_agency_id = v_leaving THEN
    SELECT * INTO v_restore FROM person_identity_versions
      WHERE person_id = p_person AND recorded_by_agency_id <> v_leaving ORDER BY version DESC LIMIT 1;
    UPDATE persons SET
      given_name_enc = v_restore.given_name_enc,
      family_name_enc = v_restore.family_name_enc,
      name_as_written_enc = v_restore.name_as_written_enc,
      birth_date_enc = v_restore.birth_date_enc,
      address_enc = v_restore.address_enc,
      ethnicity = v_restore.ethnicity,
      version = version + 1, updated_at = now()
    WHERE id = p_person
    RETURNING version INTO v_version;
    INSERT INTO person_identity_versions (person_id, version, given_name_enc, family_name_enc, name_as_written_enc, birth_date_enc,
        address_enc, ethnicity, recorded_by_agency_id, recorded_by_user_id)
      SELECT id, version, given_name_enc, family_name_enc, name_as_written_enc, birth_date_enc, address_enc, ethnicity,
        coalesce(v_restore.recorded_by_agency_id, created_by_agency_id), NULL
      FROM persons WHERE id = p_person;
  END IF;

  -- Every agency of either record reads this entry: it names the agency that left, not the records.
  INSERT INTO case_events (case_id, kind, actor_user_id, actor_agency_id, details)
    SELECT id, 'person.separated', app_user_id(), app_agency_id(),
      jsonb_build_object('agencyId', v_leaving)
    FROM cases WHERE person_id IN (p_person, p_target);
  RETURN p_target;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION person_home_agency(uuid), separation_plan(uuid, uuid), separate_agency_record(uuid, uuid, uuid, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION separation_plan(uuid, uuid), separate_agency_record(uuid, uuid, uuid, jsonb) TO seamless_app;
