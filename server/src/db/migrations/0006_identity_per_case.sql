-- Identity follows case access, never person links (DESIGN.md §4). Identity is stored per person,
-- access is granted per case: every identity row now names the agency that recorded it, and an
-- agency reads a person's identity only through a case on which it holds the identity section
-- (its own, shared with consent, or the actor's running emergency access) — or, having taken the
-- intake and handed it over, the rows it recorded itself.
ALTER TABLE person_names ADD COLUMN recorded_by_agency_id uuid REFERENCES agencies(id) DEFAULT app_agency_id();
--> statement-breakpoint
ALTER TABLE person_documents ADD COLUMN recorded_by_agency_id uuid REFERENCES agencies(id) DEFAULT app_agency_id();
--> statement-breakpoint
ALTER TABLE person_contacts ADD COLUMN recorded_by_agency_id uuid REFERENCES agencies(id) DEFAULT app_agency_id();
--> statement-breakpoint
UPDATE person_names n SET recorded_by_agency_id = p.created_by_agency_id FROM persons p WHERE p.id = n.person_id;
--> statement-breakpoint
UPDATE person_documents d SET recorded_by_agency_id = p.created_by_agency_id FROM persons p WHERE p.id = d.person_id;
--> statement-breakpoint
UPDATE person_contacts c SET recorded_by_agency_id = p.created_by_agency_id FROM persons p WHERE p.id = c.person_id;
--> statement-breakpoint
ALTER TABLE victim_contexts ADD COLUMN recorded_by_agency_id uuid REFERENCES agencies(id) DEFAULT app_agency_id();
--> statement-breakpoint
ALTER TABLE trafficking_events ADD COLUMN recorded_by_agency_id uuid REFERENCES agencies(id) DEFAULT app_agency_id();
--> statement-breakpoint
ALTER TABLE perpetrators ADD COLUMN recorded_by_agency_id uuid REFERENCES agencies(id) DEFAULT app_agency_id();
--> statement-breakpoint
UPDATE victim_contexts v SET recorded_by_agency_id = coalesce(c.intake_by_agency_id, c.owner_agency_id) FROM cases c WHERE c.id = v.case_id;
--> statement-breakpoint
UPDATE trafficking_events e SET recorded_by_agency_id = c.owner_agency_id FROM cases c WHERE c.id = e.case_id;
--> statement-breakpoint
UPDATE perpetrators e SET recorded_by_agency_id = c.owner_agency_id FROM cases c WHERE c.id = e.case_id;
--> statement-breakpoint
-- Every write of a person's identity columns is kept: who recorded what, when. The intake agency
-- reads its own last version after handing the case over, not what others wrote later.
CREATE TABLE person_identity_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES persons(id),
  version integer NOT NULL,
  given_name_enc text,
  family_name_enc text,
  name_as_written_enc text,
  birth_date_enc text,
  address_enc text,
  ethnicity text,
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id),
  recorded_by_user_id uuid REFERENCES users(id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (person_id, version)
);
--> statement-breakpoint
CREATE INDEX person_identity_versions_agency_idx ON person_identity_versions (person_id, recorded_by_agency_id, version DESC);
--> statement-breakpoint
INSERT INTO person_identity_versions (person_id, version, given_name_enc, family_name_enc, name_as_written_enc, birth_date_enc, address_enc, ethnicity, recorded_by_agency_id, recorded_at)
  SELECT id, version, given_name_enc, family_name_enc, name_as_written_enc, birth_date_enc, address_enc, ethnicity, created_by_agency_id, updated_at FROM persons;
--> statement-breakpoint
-- A merge that the asking agency may not make alone (it lacks identity on some of the cases), or a
-- possible duplicate raised when a case could not be linked to a person its agency cannot see:
-- the agencies owning the other cases decide.
CREATE TABLE person_merge_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('merge', 'possible_duplicate')),
  survivor_id uuid NOT NULL REFERENCES persons(id),
  merged_id uuid NOT NULL REFERENCES persons(id),
  requested_by uuid NOT NULL REFERENCES users(id),
  requesting_agency_id uuid NOT NULL REFERENCES agencies(id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'merged', 'declined')),
  decided_by uuid REFERENCES users(id),
  decided_by_agency_id uuid REFERENCES agencies(id),
  decided_at timestamptz,
  merge_id uuid REFERENCES person_merges(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (survivor_id <> merged_id)
);
--> statement-breakpoint
CREATE UNIQUE INDEX person_merge_requests_pending_idx ON person_merge_requests (survivor_id, merged_id) WHERE status = 'pending';
--> statement-breakpoint
-- An active referral or consent-based share of the case to the actor's agency, opening `p_section`
-- (any share when null). Sharing that relies on a consent ends with it.
CREATE FUNCTION agency_granted_case(p_agency_id uuid, p_case_id uuid, p_section text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_access a
    LEFT JOIN consents k ON k.id = a.consent_id
    WHERE a.case_id = p_case_id AND a.agency_id = p_agency_id AND a.revoked_at IS NULL
      AND (p_section IS NULL OR p_section = ANY (a.sections))
      AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date))))
$$;
--> statement-breakpoint
-- The agency may write (and so merge or link to) this person's identity: it owns, or was given the
-- identity section of, every case she has — or she is a record it created that has no case yet.
CREATE FUNCTION agency_writes_identity(p_agency_id uuid, p_person_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person_id)
    THEN NOT EXISTS (
      SELECT 1 FROM cases c WHERE c.person_id = p_person_id
        AND c.owner_agency_id IS DISTINCT FROM p_agency_id AND NOT agency_granted_case(p_agency_id, c.id, 'identity'))
    ELSE EXISTS (SELECT 1 FROM persons p WHERE p.id = p_person_id AND p.created_by_agency_id = p_agency_id)
  END
$$;
--> statement-breakpoint
-- The actor holds the identity section on at least one case of the person (owner, consent-based
-- share of identity, or her own running emergency access).
CREATE FUNCTION app_holds_identity(p_person_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM cases c WHERE c.person_id = p_person_id
      AND (c.owner_agency_id = app_agency_id() OR agency_granted_case(app_agency_id(), c.id, 'identity') OR app_break_glass(c.id)))
$$;
--> statement-breakpoint
-- One identity row: readable through identity on a case of the person, or by the agency that
-- recorded it while it still reaches the person (the intake agency after handing over).
CREATE FUNCTION app_reads_identity(p_person_id uuid, p_recorded_by uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_holds_identity(p_person_id) OR (p_recorded_by = app_agency_id() AND app_sees_person(p_person_id))
$$;
--> statement-breakpoint
-- A part of a case (comment, file, timeline entry, event, perpetrator…): an agency that only took
-- the intake sees the parts it recorded itself, nothing added after it handed the case over.
CREATE FUNCTION app_reads_case_part(p_case_id uuid, p_recorded_by uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_owns_case(p_case_id) OR agency_granted_case(app_agency_id(), p_case_id, NULL) OR app_break_glass(p_case_id)
    OR (p_recorded_by = app_agency_id() AND app_sees_case(p_case_id))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION agency_granted_case(uuid, uuid, text), agency_writes_identity(uuid, uuid), app_holds_identity(uuid), app_reads_identity(uuid, uuid), app_reads_case_part(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION agency_granted_case(uuid, uuid, text), agency_writes_identity(uuid, uuid), app_holds_identity(uuid), app_reads_identity(uuid, uuid), app_reads_case_part(uuid, uuid) TO seamless_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['person_names', 'person_documents', 'person_contacts'] LOOP
    EXECUTE format('DROP POLICY %I ON %I', t || '_read', t);
    EXECUTE format('DROP POLICY %I ON %I', t || '_insert', t);
    EXECUTE format('DROP POLICY %I ON %I', t || '_delete', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_reads_identity(person_id, recorded_by_agency_id))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO seamless_app WITH CHECK (recorded_by_agency_id = app_agency_id() AND agency_writes_identity(app_agency_id(), person_id))', t || '_insert', t);
    -- Nobody wipes what another agency recorded.
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO seamless_app USING (recorded_by_agency_id = app_agency_id() AND agency_writes_identity(app_agency_id(), person_id))', t || '_delete', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['victim_contexts', 'trafficking_events', 'perpetrators'] LOOP
    EXECUTE format('DROP POLICY %I ON %I', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_reads_case_part(case_id, recorded_by_agency_id))', t || '_read', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['prescreenings', 'identification_interviews', 'interpreter_requests', 'trafficking_status_decisions', 'consents'] LOOP
    EXECUTE format('DROP POLICY %I ON %I', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_reads_case_part(case_id, NULL))', t || '_read', t);
  END LOOP;
END $$;
--> statement-breakpoint
DROP POLICY case_comments_read ON case_comments;
--> statement-breakpoint
CREATE POLICY case_comments_read ON case_comments FOR SELECT TO seamless_app USING (app_reads_case_part(case_id, author_agency_id));
--> statement-breakpoint
DROP POLICY attachments_read ON attachments;
--> statement-breakpoint
CREATE POLICY attachments_read ON attachments FOR SELECT TO seamless_app USING (app_reads_case_part(case_id, uploaded_by_agency_id));
--> statement-breakpoint
DROP POLICY case_events_read ON case_events;
--> statement-breakpoint
-- The intake agency keeps seeing the case's status as it changes, beside its own entries.
CREATE POLICY case_events_read ON case_events FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, actor_agency_id) OR (kind = 'case.status_changed' AND app_sees_case(case_id)));
--> statement-breakpoint
DROP POLICY case_tasks_read ON case_tasks;
--> statement-breakpoint
CREATE POLICY case_tasks_read ON case_tasks FOR SELECT TO seamless_app USING (app_reads_case_part(case_id, agency_id));
--> statement-breakpoint
-- The person's own identity columns change only through an agency that may write her identity.
DROP POLICY persons_update ON persons;
--> statement-breakpoint
CREATE POLICY persons_update ON persons FOR UPDATE TO seamless_app USING (agency_writes_identity(app_agency_id(), id)) WITH CHECK (true);
--> statement-breakpoint
ALTER TABLE person_identity_versions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON person_identity_versions TO seamless_app;
--> statement-breakpoint
CREATE POLICY person_identity_versions_read ON person_identity_versions FOR SELECT TO seamless_app
  USING (app_reads_identity(person_id, recorded_by_agency_id));
--> statement-breakpoint
CREATE POLICY person_identity_versions_insert ON person_identity_versions FOR INSERT TO seamless_app
  WITH CHECK (recorded_by_agency_id = app_agency_id() AND agency_writes_identity(app_agency_id(), person_id));
--> statement-breakpoint
ALTER TABLE person_merge_requests ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON person_merge_requests TO seamless_app;
--> statement-breakpoint
-- The agencies whose cases a request concerns decide it; the asking agency follows it.
CREATE FUNCTION app_owns_case_of(p_person_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person_id AND c.owner_agency_id = app_agency_id())
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_owns_case_of(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_owns_case_of(uuid) TO seamless_app;
--> statement-breakpoint
CREATE POLICY person_merge_requests_read ON person_merge_requests FOR SELECT TO seamless_app
  USING (requesting_agency_id = app_agency_id() OR app_has_scope('persons_admin') OR app_owns_case_of(survivor_id) OR app_owns_case_of(merged_id));
--> statement-breakpoint
CREATE POLICY person_merge_requests_insert ON person_merge_requests FOR INSERT TO seamless_app
  WITH CHECK (requesting_agency_id = app_agency_id() AND requested_by = app_user_id() AND status = 'pending');
--> statement-breakpoint
CREATE POLICY person_merge_requests_update ON person_merge_requests FOR UPDATE TO seamless_app
  USING (app_has_scope('persons_admin') OR ((app_owns_case_of(survivor_id) OR app_owns_case_of(merged_id)) AND requesting_agency_id <> app_agency_id()))
  WITH CHECK (true);
--> statement-breakpoint
-- Trigram search over names now applies the identity rule itself: a name, document or phone is
-- searched only where the actor could read it.
CREATE OR REPLACE FUNCTION match_person_names(p_search_key text, p_phonetic_key text, p_limit integer)
RETURNS TABLE (person_id uuid, name_id uuid, kind text, name_enc text, search_key text, phonetic_key text, search_similarity real, phonetic_similarity real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT n.person_id, n.id, n.kind, n.name_enc, n.search_key, n.phonetic_key,
    similarity(n.search_key, p_search_key), similarity(n.phonetic_key, p_phonetic_key)
  FROM (
    SELECT id FROM person_names WHERE search_key % p_search_key
    UNION
    SELECT id FROM person_names WHERE phonetic_key % p_phonetic_key
  ) hit
  JOIN person_names n ON n.id = hit.id
  JOIN persons p ON p.id = n.person_id AND p.merged_into_id IS NULL
  WHERE app_user_id() IS NOT NULL AND app_reads_identity(n.person_id, n.recorded_by_agency_id)
  ORDER BY greatest(similarity(n.search_key, p_search_key), similarity(n.phonetic_key, p_phonetic_key)) DESC
  LIMIT p_limit
$$;
--> statement-breakpoint
-- Merging moves identity between records, so it takes identity on every case of both persons (or
-- the persons administrator); otherwise the owners decide a request (merge_persons_on_request).
CREATE OR REPLACE FUNCTION merge_persons(p_survivor uuid, p_merged uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF app_user_id() IS NULL OR p_survivor = p_merged OR NOT (app_has_scope('persons_admin')
      OR (agency_writes_identity(app_agency_id(), p_survivor) AND agency_writes_identity(app_agency_id(), p_merged))) THEN
    RAISE EXCEPTION 'merge not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN move_person_records(p_survivor, p_merged);
END $$;
--> statement-breakpoint
CREATE FUNCTION merge_persons_on_request(p_request_id uuid) RETURNS uuid
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
  IF NOT (agency_writes_identity(r.requesting_agency_id, r.survivor_id) AND agency_writes_identity(r.requesting_agency_id, r.merged_id)) THEN
    RAISE EXCEPTION 'share identity first' USING ERRCODE = 'check_violation';
  END IF;
  v_id := move_person_records(r.survivor_id, r.merged_id);
  UPDATE person_merge_requests SET status = 'merged', decided_by = app_user_id(), decided_by_agency_id = app_agency_id(), decided_at = now(), merge_id = v_id
    WHERE id = p_request_id;
  RETURN v_id;
END $$;
--> statement-breakpoint
CREATE FUNCTION move_person_records(p_survivor uuid, p_merged uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_id uuid;
  v_moved jsonb;
BEGIN
  IF EXISTS (SELECT 1 FROM persons WHERE id IN (p_survivor, p_merged) AND merged_into_id IS NOT NULL) THEN
    RAISE EXCEPTION 'person already merged' USING ERRCODE = 'serialization_failure';
  END IF;
  v_moved := jsonb_build_object(
    'caseIds', coalesce((SELECT jsonb_agg(id) FROM cases WHERE person_id = p_merged), '[]'::jsonb),
    'nameIds', coalesce((SELECT jsonb_agg(id) FROM person_names WHERE person_id = p_merged), '[]'::jsonb),
    'documentIds', coalesce((SELECT jsonb_agg(id) FROM person_documents WHERE person_id = p_merged), '[]'::jsonb),
    'contactIds', coalesce((SELECT jsonb_agg(id) FROM person_contacts WHERE person_id = p_merged), '[]'::jsonb));
  UPDATE cases SET person_id = p_survivor, version = version + 1, updated_at = now() WHERE person_id = p_merged;
  UPDATE person_names SET person_id = p_survivor WHERE person_id = p_merged;
  UPDATE person_documents SET person_id = p_survivor WHERE person_id = p_merged;
  UPDATE person_contacts SET person_id = p_survivor WHERE person_id = p_merged;
  UPDATE persons SET merged_into_id = p_survivor, version = version + 1, updated_at = now() WHERE id = p_merged;
  INSERT INTO person_merges (survivor_id, merged_id, moved, merged_by) VALUES (p_survivor, p_merged, v_moved, app_user_id())
    RETURNING id INTO v_id;
  INSERT INTO case_events (case_id, kind, actor_user_id, actor_agency_id, details)
    SELECT id, 'person.merged', app_user_id(), app_agency_id(),
      jsonb_build_object('mergeId', v_id, 'survivorId', p_survivor, 'mergedPersonId', p_merged)
    FROM cases WHERE person_id = p_survivor;
  RETURN v_id;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION merge_persons_on_request(uuid), move_person_records(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION merge_persons_on_request(uuid) TO seamless_app;
--> statement-breakpoint
-- A merge request names both persons by pseudonym to every agency it concerns, although each sees
-- only its own person's record: a pseudonym says nothing about who she is.
CREATE FUNCTION app_person_pseudonym(p_person_id uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT pseudonym FROM persons WHERE id = p_person_id AND app_user_id() IS NOT NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_person_pseudonym(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_person_pseudonym(uuid) TO seamless_app;
--> statement-breakpoint
-- Rows written outside any actor (the demo seed, bulk loads, maintenance) belong to the agency that
-- created the person, so they are never orphaned from every agency's view.
CREATE FUNCTION identity_row_recorder() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NEW.recorded_by_agency_id IS NULL THEN
    SELECT created_by_agency_id INTO NEW.recorded_by_agency_id FROM persons WHERE id = NEW.person_id;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER person_names_recorder BEFORE INSERT ON person_names FOR EACH ROW EXECUTE FUNCTION identity_row_recorder();
--> statement-breakpoint
CREATE TRIGGER person_documents_recorder BEFORE INSERT ON person_documents FOR EACH ROW EXECUTE FUNCTION identity_row_recorder();
--> statement-breakpoint
CREATE TRIGGER person_contacts_recorder BEFORE INSERT ON person_contacts FOR EACH ROW EXECUTE FUNCTION identity_row_recorder();
