-- Need-to-know for the case record (DESIGN.md §4), enforced by the database: every table that
-- belongs to a case is visible exactly when the case is, and writable by the agencies working on it.
CREATE INDEX person_names_search_trgm ON person_names USING gin (search_key gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX person_names_phonetic_trgm ON person_names USING gin (phonetic_key gin_trgm_ops);
--> statement-breakpoint
-- The agency that took the intake and handed the case to the responsible agency stays involved
-- (it knows the person and may be asked about the call), beside referrals and consent-based shares.
CREATE OR REPLACE FUNCTION app_involved_in_case(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_access a
    LEFT JOIN consents k ON k.id = a.consent_id
    WHERE a.case_id = p_case_id AND a.agency_id = app_agency_id() AND a.revoked_at IS NULL
      -- Sharing that relies on a consent ends with it: withdrawn or past its expiry date.
      AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date))))
  OR EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND c.intake_by_agency_id = app_agency_id())
$$;
--> statement-breakpoint
DROP POLICY cases_insert ON cases;
--> statement-breakpoint
CREATE POLICY cases_insert ON cases FOR INSERT TO seamless_app WITH CHECK (owner_agency_id = app_agency_id() OR intake_by_agency_id = app_agency_id());
--> statement-breakpoint
CREATE FUNCTION app_break_glass(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM break_glass_grants g
    WHERE g.case_id = p_case_id AND g.user_id = app_user_id() AND g.expires_at > now())
$$;
--> statement-breakpoint
-- One definition of "the actor may see this case", used by every policy below.
CREATE FUNCTION app_sees_case(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_owns_case(p_case_id) OR app_involved_in_case(p_case_id) OR app_break_glass(p_case_id)
$$;
--> statement-breakpoint
-- Working on a case (adding to it) takes ownership or an active referral/share; break-the-glass only reads.
CREATE FUNCTION app_works_on_case(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_owns_case(p_case_id) OR app_involved_in_case(p_case_id)
$$;
--> statement-breakpoint
CREATE FUNCTION app_sees_person(p_person_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM persons p WHERE p.id = p_person_id AND p.created_by_agency_id = app_agency_id())
    OR EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person_id AND app_sees_case(c.id))
$$;
--> statement-breakpoint
-- Trigram operators are not LEAKPROOF, so under row-level security PostgreSQL cannot use the
-- GIN indexes for them. This function searches the index first and then applies the very same
-- visibility rule (app_sees_person), so matching stays fast and sees only what the actor may see.
CREATE FUNCTION match_person_names(p_search_key text, p_phonetic_key text, p_limit integer)
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
  WHERE app_user_id() IS NOT NULL AND app_sees_person(n.person_id)
  ORDER BY greatest(similarity(n.search_key, p_search_key), similarity(n.phonetic_key, p_phonetic_key)) DESC
  LIMIT p_limit
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_break_glass(uuid), app_sees_case(uuid), app_works_on_case(uuid), app_sees_person(uuid), match_person_names(text, text, integer) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_break_glass(uuid), app_sees_case(uuid), app_works_on_case(uuid), app_sees_person(uuid), match_person_names(text, text, integer) TO seamless_app;
--> statement-breakpoint
DROP POLICY cases_read ON cases;
--> statement-breakpoint
-- The columns of the row itself are tested inline: a SECURITY DEFINER function reads the table
-- through its own snapshot, which does not yet hold a row being inserted (INSERT … RETURNING).
CREATE POLICY cases_read ON cases FOR SELECT TO seamless_app
  USING (owner_agency_id = app_agency_id() OR intake_by_agency_id = app_agency_id() OR app_involved_in_case(id) OR app_break_glass(id));
--> statement-breakpoint
DROP POLICY persons_read ON persons;
--> statement-breakpoint
CREATE POLICY persons_read ON persons FOR SELECT TO seamless_app USING (created_by_agency_id = app_agency_id() OR app_sees_person(id));
--> statement-breakpoint
GRANT SELECT ON person_names, person_documents, person_contacts, person_merges, victim_contexts, trafficking_events, perpetrators, case_comments, attachments, case_events, case_tasks, saved_case_filters, prescreenings, identification_interviews, interpreter_requests, trafficking_status_decisions, consents, break_glass_grants, form_configurations, lookup_lists TO seamless_app;
--> statement-breakpoint
GRANT INSERT ON person_names, person_documents, person_contacts, victim_contexts, trafficking_events, perpetrators, case_comments, attachments, case_events, case_tasks, saved_case_filters, prescreenings, identification_interviews, interpreter_requests, trafficking_status_decisions, consents, break_glass_grants, form_configurations, lookup_lists TO seamless_app;
--> statement-breakpoint
GRANT UPDATE ON victim_contexts, trafficking_events, perpetrators, attachments, case_tasks, identification_interviews, interpreter_requests, consents, form_configurations, lookup_lists TO seamless_app;
--> statement-breakpoint
GRANT DELETE ON person_documents, person_contacts, person_names, trafficking_events, perpetrators, saved_case_filters TO seamless_app;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE case_events_id_seq TO seamless_app;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['victim_contexts', 'trafficking_events', 'perpetrators', 'case_comments', 'attachments',
    'case_events', 'case_tasks', 'prescreenings', 'identification_interviews', 'interpreter_requests',
    'trafficking_status_decisions', 'consents'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_sees_case(case_id))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO seamless_app WITH CHECK (app_works_on_case(case_id))', t || '_insert', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR UPDATE TO seamless_app USING (app_works_on_case(case_id)) WITH CHECK (app_works_on_case(case_id))', t || '_update', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO seamless_app USING (app_works_on_case(case_id))', t || '_delete', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['person_names', 'person_documents', 'person_contacts'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_sees_person(person_id))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO seamless_app WITH CHECK (app_sees_person(person_id))', t || '_insert', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO seamless_app USING (app_sees_person(person_id))', t || '_delete', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Whoever breaks the glass writes that fact on the case's timeline herself, in the same transaction.
DROP POLICY case_events_insert ON case_events;
--> statement-breakpoint
CREATE POLICY case_events_insert ON case_events FOR INSERT TO seamless_app
  WITH CHECK (app_works_on_case(case_id) OR (kind = 'case.break_glass' AND actor_user_id = app_user_id() AND app_break_glass(case_id)));
--> statement-breakpoint
ALTER TABLE person_merges ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_merges_read ON person_merges FOR SELECT TO seamless_app USING (app_has_scope('persons_admin') OR app_sees_person(survivor_id));
--> statement-breakpoint
ALTER TABLE saved_case_filters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY saved_case_filters_own ON saved_case_filters FOR ALL TO seamless_app USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE break_glass_grants ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY break_glass_read ON break_glass_grants FOR SELECT TO seamless_app USING (user_id = app_user_id() OR app_has_scope('audit_all') OR (app_has_scope('audit_agency') AND agency_id = app_agency_id()));
--> statement-breakpoint
CREATE POLICY break_glass_insert ON break_glass_grants FOR INSERT TO seamless_app WITH CHECK (user_id = app_user_id() AND agency_id = app_agency_id() AND app_has_scope('break_glass'));
--> statement-breakpoint
ALTER TABLE form_configurations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY form_configurations_read ON form_configurations FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY form_configurations_write ON form_configurations FOR ALL TO seamless_app USING (app_has_scope('forms_admin')) WITH CHECK (app_has_scope('forms_admin'));
--> statement-breakpoint
ALTER TABLE lookup_lists ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY lookup_lists_read ON lookup_lists FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY lookup_lists_write ON lookup_lists FOR ALL TO seamless_app USING (app_has_scope('forms_admin')) WITH CHECK (app_has_scope('forms_admin'));
--> statement-breakpoint
-- A merge moves a person's cases, names, documents and contacts to the surviving record. The
-- caseworker may see both persons but not necessarily own every case, so this runs as the
-- owner after checking visibility of both with the caller's own rule; the move list is kept
-- so an admin can undo it exactly.
CREATE FUNCTION merge_persons(p_survivor uuid, p_merged uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_id uuid;
  v_moved jsonb;
BEGIN
  IF app_user_id() IS NULL OR NOT app_sees_person(p_survivor) OR NOT app_sees_person(p_merged) OR p_survivor = p_merged THEN
    RAISE EXCEPTION 'merge not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
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
CREATE FUNCTION unmerge_persons(p_merge_id uuid) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  m person_merges%ROWTYPE;
BEGIN
  IF NOT app_has_scope('persons_admin') THEN
    RAISE EXCEPTION 'unmerge not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT * INTO m FROM person_merges WHERE id = p_merge_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no such merge' USING ERRCODE = 'no_data_found';
  END IF;
  IF m.undone_at IS NOT NULL THEN
    RAISE EXCEPTION 'merge already undone' USING ERRCODE = 'serialization_failure';
  END IF;
  UPDATE cases SET person_id = m.merged_id, version = version + 1, updated_at = now()
    WHERE id IN (SELECT (jsonb_array_elements_text(m.moved -> 'caseIds'))::uuid);
  UPDATE person_names SET person_id = m.merged_id WHERE id IN (SELECT (jsonb_array_elements_text(m.moved -> 'nameIds'))::uuid);
  UPDATE person_documents SET person_id = m.merged_id WHERE id IN (SELECT (jsonb_array_elements_text(m.moved -> 'documentIds'))::uuid);
  UPDATE person_contacts SET person_id = m.merged_id WHERE id IN (SELECT (jsonb_array_elements_text(m.moved -> 'contactIds'))::uuid);
  UPDATE persons SET merged_into_id = NULL, version = version + 1, updated_at = now() WHERE id = m.merged_id;
  UPDATE person_merges SET undone_at = now(), undone_by = app_user_id() WHERE id = p_merge_id;
  INSERT INTO case_events (case_id, kind, actor_user_id, actor_agency_id, details)
    SELECT id, 'person.unmerged', app_user_id(), app_agency_id(),
      jsonb_build_object('mergeId', p_merge_id, 'survivorId', m.survivor_id, 'mergedPersonId', m.merged_id)
    FROM cases WHERE person_id IN (m.survivor_id, m.merged_id);
  RETURN m.merged_id;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION merge_persons(uuid, uuid), unmerge_persons(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION merge_persons(uuid, uuid), unmerge_persons(uuid) TO seamless_app;
--> statement-breakpoint
-- Staff of a partner agency are named on the records they touch (comments, interviews, the
-- timeline) although their accounts stay invisible: only the display name crosses.
CREATE FUNCTION app_user_display_name(p_user_id uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT display_name FROM users WHERE id = p_user_id AND app_user_id() IS NOT NULL
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_user_display_name(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_user_display_name(uuid) TO seamless_app;
