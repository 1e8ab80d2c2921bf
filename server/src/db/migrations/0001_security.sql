-- Tenancy and audit guarantees enforced by the database itself (DESIGN.md §4).
-- The application acts as `seamless_app` inside each transaction (see db/actorContext.ts);
-- the migration owner bypasses these policies and is used only for sign-in and jobs.
-- Roles are shared by every database of a server, and several databases may be migrated at
-- once (tests, several instances): a concurrent creation or grant is not an error.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'seamless_app') THEN
    CREATE ROLE seamless_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT seamless_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation OR object_not_in_prerequisite_state THEN NULL;
  WHEN OTHERS THEN
    IF SQLSTATE = 'XX000' THEN NULL; ELSE RAISE; END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO seamless_app;
--> statement-breakpoint
CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.user_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION app_agency_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.agency_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION app_has_scope(scope text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT scope = ANY (string_to_array(coalesce(current_setting('app.scopes', true), ''), ','))
$$;
--> statement-breakpoint
-- SECURITY DEFINER so that the case_access policy can ask about ownership without the
-- cases policy asking about case_access in turn (policy recursion).
CREATE FUNCTION app_owns_case(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND c.owner_agency_id = app_agency_id())
$$;
--> statement-breakpoint
CREATE FUNCTION app_involved_in_case(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_access a
    WHERE a.case_id = p_case_id AND a.agency_id = app_agency_id() AND a.revoked_at IS NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_owns_case(uuid), app_involved_in_case(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_owns_case(uuid), app_involved_in_case(uuid) TO seamless_app;
--> statement-breakpoint
GRANT SELECT ON countries, agencies, roles, users, user_roles, user_groups, user_group_members, persons, cases, case_access, audit_events TO seamless_app;
--> statement-breakpoint
GRANT INSERT, UPDATE ON agencies, roles, users, user_groups, persons, cases, case_access TO seamless_app;
--> statement-breakpoint
GRANT INSERT, DELETE ON user_roles, user_group_members TO seamless_app;
--> statement-breakpoint
ALTER TABLE countries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE agencies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_roles ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_groups ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE user_group_members ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE persons ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_access ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE login_failures ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY countries_read ON countries FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY agencies_read ON agencies FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY agencies_insert ON agencies FOR INSERT TO seamless_app WITH CHECK (app_has_scope('agencies_admin'));
--> statement-breakpoint
CREATE POLICY agencies_update ON agencies FOR UPDATE TO seamless_app USING (app_has_scope('agencies_admin')) WITH CHECK (app_has_scope('agencies_admin'));
--> statement-breakpoint
CREATE POLICY roles_read ON roles FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY roles_insert ON roles FOR INSERT TO seamless_app WITH CHECK (app_has_scope('roles_admin'));
--> statement-breakpoint
CREATE POLICY roles_update ON roles FOR UPDATE TO seamless_app USING (app_has_scope('roles_admin')) WITH CHECK (app_has_scope('roles_admin'));
--> statement-breakpoint
CREATE POLICY users_read ON users FOR SELECT TO seamless_app USING (id = app_user_id() OR (agency_id = app_agency_id() OR app_has_scope('users_all')));
--> statement-breakpoint
CREATE POLICY users_insert ON users FOR INSERT TO seamless_app WITH CHECK (app_has_scope('users_admin') AND (agency_id = app_agency_id() OR app_has_scope('users_all')));
--> statement-breakpoint
CREATE POLICY users_update ON users FOR UPDATE TO seamless_app USING (id = app_user_id() OR (app_has_scope('users_admin') AND (agency_id = app_agency_id() OR app_has_scope('users_all')))) WITH CHECK (id = app_user_id() OR (app_has_scope('users_admin') AND (agency_id = app_agency_id() OR app_has_scope('users_all'))));
--> statement-breakpoint
CREATE POLICY user_roles_read ON user_roles FOR SELECT TO seamless_app USING (EXISTS (SELECT 1 FROM users u WHERE u.id = user_id));
--> statement-breakpoint
CREATE POLICY user_roles_insert ON user_roles FOR INSERT TO seamless_app WITH CHECK (app_has_scope('users_admin') AND EXISTS (SELECT 1 FROM users u WHERE u.id = user_id AND (u.agency_id = app_agency_id() OR app_has_scope('users_all'))));
--> statement-breakpoint
CREATE POLICY user_roles_delete ON user_roles FOR DELETE TO seamless_app USING (app_has_scope('users_admin') AND EXISTS (SELECT 1 FROM users u WHERE u.id = user_id AND (u.agency_id = app_agency_id() OR app_has_scope('users_all'))));
--> statement-breakpoint
CREATE POLICY user_groups_read ON user_groups FOR SELECT TO seamless_app USING (agency_id = app_agency_id() OR app_has_scope('users_all'));
--> statement-breakpoint
CREATE POLICY user_groups_insert ON user_groups FOR INSERT TO seamless_app WITH CHECK (app_has_scope('users_admin') AND (agency_id = app_agency_id() OR app_has_scope('users_all')));
--> statement-breakpoint
CREATE POLICY user_groups_update ON user_groups FOR UPDATE TO seamless_app USING (app_has_scope('users_admin') AND (agency_id = app_agency_id() OR app_has_scope('users_all'))) WITH CHECK (app_has_scope('users_admin') AND (agency_id = app_agency_id() OR app_has_scope('users_all')));
--> statement-breakpoint
CREATE POLICY user_group_members_read ON user_group_members FOR SELECT TO seamless_app USING (EXISTS (SELECT 1 FROM user_groups g WHERE g.id = group_id));
--> statement-breakpoint
CREATE POLICY user_group_members_insert ON user_group_members FOR INSERT TO seamless_app WITH CHECK (app_has_scope('users_admin') AND EXISTS (SELECT 1 FROM user_groups g WHERE g.id = group_id));
--> statement-breakpoint
CREATE POLICY user_group_members_delete ON user_group_members FOR DELETE TO seamless_app USING (app_has_scope('users_admin') AND EXISTS (SELECT 1 FROM user_groups g WHERE g.id = group_id));
--> statement-breakpoint
CREATE POLICY cases_read ON cases FOR SELECT TO seamless_app USING (owner_agency_id = app_agency_id() OR app_involved_in_case(id));
--> statement-breakpoint
CREATE POLICY cases_insert ON cases FOR INSERT TO seamless_app WITH CHECK (owner_agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY cases_update ON cases FOR UPDATE TO seamless_app USING (owner_agency_id = app_agency_id()) WITH CHECK (owner_agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY case_access_read ON case_access FOR SELECT TO seamless_app USING (agency_id = app_agency_id() OR app_owns_case(case_id));
--> statement-breakpoint
CREATE POLICY case_access_insert ON case_access FOR INSERT TO seamless_app WITH CHECK (app_owns_case(case_id));
--> statement-breakpoint
CREATE POLICY case_access_update ON case_access FOR UPDATE TO seamless_app USING (app_owns_case(case_id)) WITH CHECK (app_owns_case(case_id));
--> statement-breakpoint
CREATE POLICY persons_read ON persons FOR SELECT TO seamless_app USING (created_by_agency_id = app_agency_id() OR EXISTS (SELECT 1 FROM cases c WHERE c.person_id = persons.id));
--> statement-breakpoint
CREATE POLICY persons_insert ON persons FOR INSERT TO seamless_app WITH CHECK (created_by_agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY persons_update ON persons FOR UPDATE TO seamless_app USING (EXISTS (SELECT 1 FROM cases c WHERE c.person_id = persons.id AND c.owner_agency_id = app_agency_id())) WITH CHECK (true);
--> statement-breakpoint
CREATE POLICY audit_read ON audit_events FOR SELECT TO seamless_app USING (app_has_scope('audit_all') OR (app_has_scope('audit_agency') AND actor_agency_id = app_agency_id()));
--> statement-breakpoint
CREATE FUNCTION audit_row_hash(
  p_prev_hash text, p_seq bigint, p_occurred_at timestamptz, p_action text, p_actor_user_id uuid,
  p_actor_username text, p_actor_agency_id uuid, p_resource_type text, p_resource_id text,
  p_outcome text, p_request_id text, p_details jsonb
) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(chr(31),
    coalesce(p_prev_hash, ''), p_seq::text,
    to_char(p_occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    p_action, coalesce(p_actor_user_id::text, ''), coalesce(p_actor_username, ''),
    coalesce(p_actor_agency_id::text, ''), coalesce(p_resource_type, ''), coalesce(p_resource_id, ''),
    p_outcome, coalesce(p_request_id, ''), p_details::text), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- The only way in: serialises appends with an advisory lock so each row links to the last.
CREATE FUNCTION audit_append(
  p_action text, p_actor_user_id uuid, p_actor_username text, p_actor_agency_id uuid,
  p_resource_type text, p_resource_id text, p_outcome text, p_request_id text, p_details jsonb
) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_prev text;
  v_seq bigint;
  v_at timestamptz := clock_timestamp();
BEGIN
  PERFORM pg_advisory_xact_lock(727001);
  SELECT hash INTO v_prev FROM audit_events ORDER BY seq DESC LIMIT 1;
  v_seq := nextval(pg_get_serial_sequence('audit_events', 'seq'));
  INSERT INTO audit_events (seq, occurred_at, action, actor_user_id, actor_username, actor_agency_id,
    resource_type, resource_id, outcome, request_id, details, prev_hash, hash)
  OVERRIDING SYSTEM VALUE
  VALUES (v_seq, v_at, p_action, p_actor_user_id, p_actor_username, p_actor_agency_id,
    p_resource_type, p_resource_id, p_outcome, p_request_id, p_details, v_prev,
    audit_row_hash(v_prev, v_seq, v_at, p_action, p_actor_user_id, p_actor_username, p_actor_agency_id,
      p_resource_type, p_resource_id, p_outcome, p_request_id, p_details));
  RETURN v_seq;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_append(text, uuid, text, uuid, text, text, text, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_append(text, uuid, text, uuid, text, text, text, text, jsonb) TO seamless_app;
--> statement-breakpoint
CREATE FUNCTION audit_verify() RETURNS TABLE (events bigint, first_broken_seq bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT count(*), min(seq) FILTER (WHERE NOT intact)
  FROM (
    SELECT seq,
      hash = audit_row_hash(prev_hash, seq, occurred_at, action, actor_user_id, actor_username,
        actor_agency_id, resource_type, resource_id, outcome, request_id, details)
      AND prev_hash IS NOT DISTINCT FROM lag(hash) OVER (ORDER BY seq) AS intact
    FROM audit_events
  ) chain
$$;
--> statement-breakpoint
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
