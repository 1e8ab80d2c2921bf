-- Case management meetings (DESIGN.md §2 step 8): an agency convenes, invites other agencies and
-- puts cases on the agenda. The meeting and its agenda's references are shared with every invited
-- agency; what is said about a case (purpose, notes, decisions, actions) is case content and
-- follows access to that case, not attendance.
CREATE TABLE case_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  convening_agency_id uuid NOT NULL REFERENCES agencies(id),
  country_code char(2) NOT NULL,
  series_id uuid NOT NULL,
  previous_meeting_id uuid REFERENCES case_meetings(id),
  title text NOT NULL,
  starts_at timestamptz NOT NULL,
  time_zone text NOT NULL,
  mode text NOT NULL,
  place text,
  online_link text,
  chair_user_id uuid REFERENCES users(id),
  -- A partner instance (another country) taking part once federation carries meetings.
  partner text,
  status text NOT NULL DEFAULT 'scheduled',
  created_by uuid NOT NULL REFERENCES users(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX case_meetings_agency_idx ON case_meetings (convening_agency_id, starts_at);
--> statement-breakpoint
CREATE INDEX case_meetings_series_idx ON case_meetings (series_id);
--> statement-breakpoint
CREATE TABLE case_meeting_agencies (
  meeting_id uuid NOT NULL REFERENCES case_meetings(id) ON DELETE CASCADE,
  agency_id uuid NOT NULL REFERENCES agencies(id),
  invited_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (meeting_id, agency_id)
);
--> statement-breakpoint
CREATE INDEX case_meeting_agencies_agency_idx ON case_meeting_agencies (agency_id);
--> statement-breakpoint
CREATE TABLE case_meeting_attendees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES case_meetings(id) ON DELETE CASCADE,
  user_id uuid REFERENCES users(id),
  external_name text,
  agency_id uuid REFERENCES agencies(id),
  organisation text,
  role text,
  attendance text NOT NULL DEFAULT 'invited',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (user_id IS NOT NULL OR external_name IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX case_meeting_attendees_meeting_idx ON case_meeting_attendees (meeting_id);
--> statement-breakpoint
CREATE TABLE case_meeting_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id uuid NOT NULL REFERENCES case_meetings(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id),
  -- Kept on the item so that an invited agency without access to the case can still name the
  -- item ("a case of <agency>, reference …") without reading the case.
  case_reference text NOT NULL,
  case_agency_id uuid NOT NULL REFERENCES agencies(id),
  position integer NOT NULL,
  resolved boolean NOT NULL DEFAULT false,
  carried_from_item_id uuid REFERENCES case_meeting_items(id),
  added_by_agency_id uuid NOT NULL REFERENCES agencies(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (meeting_id, case_id)
);
--> statement-breakpoint
CREATE INDEX case_meeting_items_case_idx ON case_meeting_items (case_id);
--> statement-breakpoint
CREATE TABLE case_meeting_item_notes (
  item_id uuid PRIMARY KEY REFERENCES case_meeting_items(id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES case_meetings(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id),
  purpose text NOT NULL,
  notes text,
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE case_meeting_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES case_meeting_items(id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES case_meetings(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id),
  text text NOT NULL,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX case_meeting_decisions_item_idx ON case_meeting_decisions (item_id);
--> statement-breakpoint
CREATE TABLE case_meeting_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id uuid NOT NULL REFERENCES case_meeting_items(id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES case_meetings(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id),
  text text NOT NULL,
  owner_agency_id uuid NOT NULL REFERENCES agencies(id),
  owner_user_id uuid REFERENCES users(id),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open',
  task_id uuid REFERENCES case_tasks(id),
  carried_from_action_id uuid REFERENCES case_meeting_actions(id),
  created_by uuid NOT NULL REFERENCES users(id),
  created_by_agency_id uuid NOT NULL REFERENCES agencies(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX case_meeting_actions_item_idx ON case_meeting_actions (item_id);
--> statement-breakpoint
CREATE INDEX case_meeting_actions_owner_idx ON case_meeting_actions (owner_agency_id, status);
--> statement-breakpoint
CREATE FUNCTION app_convenes_meeting(p_meeting_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM case_meetings m WHERE m.id = p_meeting_id AND m.convening_agency_id = app_agency_id())
$$;
--> statement-breakpoint
CREATE FUNCTION app_sees_meeting(p_meeting_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_convenes_meeting(p_meeting_id)
    OR EXISTS (SELECT 1 FROM case_meeting_agencies a WHERE a.meeting_id = p_meeting_id AND a.agency_id = app_agency_id())
$$;
--> statement-breakpoint
-- Whether another agency reaches a case at all (owner, intake, or an active referral or share),
-- asked before an action item becomes that agency's task on the case.
CREATE FUNCTION agency_sees_case(p_agency_id uuid, p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_user_id() IS NOT NULL AND (
    EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND (c.owner_agency_id = p_agency_id OR c.intake_by_agency_id = p_agency_id))
    OR agency_granted_case(p_agency_id, p_case_id, NULL))
$$;
--> statement-breakpoint
-- An action's owner or a meeting's chair is a person of the named agency; accounts of other
-- agencies are not readable, so the check runs here and answers only yes or no.
CREATE FUNCTION user_in_agency(p_user_id uuid, p_agency_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_user_id() IS NOT NULL AND EXISTS (SELECT 1 FROM users u WHERE u.id = p_user_id AND u.agency_id = p_agency_id)
$$;
--> statement-breakpoint
-- The next meeting of a series takes over what is still open: unresolved agenda items and items
-- with open actions (with their purpose), and the open actions themselves, each linked to where it
-- came from. The convener may not read every case on the agenda, so this runs as the owner after
-- checking that the caller's agency convenes both meetings.
CREATE FUNCTION carry_over_meeting(p_from uuid, p_to uuid) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_item record;
  v_new_id uuid;
  v_position integer := 0;
  v_count integer := 0;
BEGIN
  IF app_user_id() IS NULL OR NOT app_convenes_meeting(p_from) OR NOT app_convenes_meeting(p_to)
    OR NOT EXISTS (SELECT 1 FROM case_meetings WHERE id = p_to AND previous_meeting_id = p_from) THEN
    RAISE EXCEPTION 'carry-over not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT coalesce(max(position), 0) INTO v_position FROM case_meeting_items WHERE meeting_id = p_to;
  FOR v_item IN
    SELECT i.* FROM case_meeting_items i
    WHERE i.meeting_id = p_from
      AND (NOT i.resolved OR EXISTS (SELECT 1 FROM case_meeting_actions a WHERE a.item_id = i.id AND a.status = 'open'))
      AND NOT EXISTS (SELECT 1 FROM case_meeting_items t WHERE t.meeting_id = p_to AND t.case_id = i.case_id)
    ORDER BY i.position
  LOOP
    v_position := v_position + 1;
    v_count := v_count + 1;
    INSERT INTO case_meeting_items (meeting_id, case_id, case_reference, case_agency_id, position, carried_from_item_id, added_by_agency_id)
      VALUES (p_to, v_item.case_id, v_item.case_reference, v_item.case_agency_id, v_position, v_item.id, v_item.added_by_agency_id)
      RETURNING id INTO v_new_id;
    INSERT INTO case_meeting_item_notes (item_id, meeting_id, case_id, purpose, recorded_by_agency_id, updated_by)
      SELECT v_new_id, p_to, n.case_id, n.purpose, n.recorded_by_agency_id, app_user_id()
      FROM case_meeting_item_notes n WHERE n.item_id = v_item.id;
    INSERT INTO case_meeting_actions (item_id, meeting_id, case_id, text, owner_agency_id, owner_user_id, due_on, status, task_id,
        carried_from_action_id, created_by, created_by_agency_id)
      SELECT v_new_id, p_to, a.case_id, a.text, a.owner_agency_id, a.owner_user_id, a.due_on, 'open', a.task_id, a.id,
        a.created_by, a.created_by_agency_id
      FROM case_meeting_actions a WHERE a.item_id = v_item.id AND a.status = 'open';
    UPDATE case_meeting_actions SET status = 'carried', updated_at = now() WHERE item_id = v_item.id AND status = 'open';
  END LOOP;
  RETURN v_count;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_convenes_meeting(uuid), app_sees_meeting(uuid), agency_sees_case(uuid, uuid), user_in_agency(uuid, uuid), carry_over_meeting(uuid, uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_convenes_meeting(uuid), app_sees_meeting(uuid), agency_sees_case(uuid, uuid), user_in_agency(uuid, uuid), carry_over_meeting(uuid, uuid) TO seamless_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON case_meetings, case_meeting_item_notes, case_meeting_actions, case_meeting_items TO seamless_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON case_meeting_agencies, case_meeting_attendees TO seamless_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON case_meeting_decisions TO seamless_app;
--> statement-breakpoint
GRANT DELETE ON case_meeting_items, case_meeting_item_notes, case_meeting_actions, case_meeting_decisions TO seamless_app;
--> statement-breakpoint
ALTER TABLE case_meetings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The convener's own row is tested inline: a SECURITY DEFINER function does not yet see a row
-- being inserted (INSERT … RETURNING).
CREATE POLICY case_meetings_read ON case_meetings FOR SELECT TO seamless_app
  USING (convening_agency_id = app_agency_id() OR app_sees_meeting(id));
--> statement-breakpoint
CREATE POLICY case_meetings_insert ON case_meetings FOR INSERT TO seamless_app
  WITH CHECK (convening_agency_id = app_agency_id() AND created_by = app_user_id());
--> statement-breakpoint
CREATE POLICY case_meetings_update ON case_meetings FOR UPDATE TO seamless_app
  USING (convening_agency_id = app_agency_id()) WITH CHECK (convening_agency_id = app_agency_id());
--> statement-breakpoint
ALTER TABLE case_meeting_agencies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_meeting_agencies_read ON case_meeting_agencies FOR SELECT TO seamless_app USING (app_sees_meeting(meeting_id));
--> statement-breakpoint
CREATE POLICY case_meeting_agencies_write ON case_meeting_agencies FOR ALL TO seamless_app
  USING (app_convenes_meeting(meeting_id)) WITH CHECK (app_convenes_meeting(meeting_id));
--> statement-breakpoint
ALTER TABLE case_meeting_attendees ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_meeting_attendees_read ON case_meeting_attendees FOR SELECT TO seamless_app USING (app_sees_meeting(meeting_id));
--> statement-breakpoint
CREATE POLICY case_meeting_attendees_write ON case_meeting_attendees FOR ALL TO seamless_app
  USING (app_convenes_meeting(meeting_id)) WITH CHECK (app_convenes_meeting(meeting_id));
--> statement-breakpoint
ALTER TABLE case_meeting_items ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_meeting_items_read ON case_meeting_items FOR SELECT TO seamless_app USING (app_sees_meeting(meeting_id));
--> statement-breakpoint
-- Only an agency working on the case puts it on an agenda, under its true reference and owner.
CREATE POLICY case_meeting_items_insert ON case_meeting_items FOR INSERT TO seamless_app
  WITH CHECK (app_sees_meeting(meeting_id) AND app_works_on_case(case_id) AND added_by_agency_id = app_agency_id()
    AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.reference = case_reference AND c.owner_agency_id = case_agency_id));
--> statement-breakpoint
CREATE POLICY case_meeting_items_update ON case_meeting_items FOR UPDATE TO seamless_app
  USING (app_sees_meeting(meeting_id) AND (app_convenes_meeting(meeting_id) OR app_works_on_case(case_id)))
  WITH CHECK (app_sees_meeting(meeting_id));
--> statement-breakpoint
CREATE POLICY case_meeting_items_delete ON case_meeting_items FOR DELETE TO seamless_app
  USING (app_convenes_meeting(meeting_id) OR (added_by_agency_id = app_agency_id() AND app_sees_meeting(meeting_id)));
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_meeting_item_notes', 'case_meeting_decisions'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR SELECT TO seamless_app USING (app_sees_meeting(meeting_id) AND app_reads_case_part(case_id, recorded_by_agency_id))', t || '_read', t);
    EXECUTE format('CREATE POLICY %I ON %I FOR INSERT TO seamless_app WITH CHECK (app_sees_meeting(meeting_id) AND app_works_on_case(case_id)'
      || ' AND recorded_by_agency_id = app_agency_id()'
      || ' AND EXISTS (SELECT 1 FROM case_meeting_items i WHERE i.id = item_id AND i.meeting_id = %I.meeting_id AND i.case_id = %I.case_id))', t || '_insert', t, t, t);
    EXECUTE format('CREATE POLICY %I ON %I FOR DELETE TO seamless_app USING (app_sees_meeting(meeting_id) AND app_works_on_case(case_id))', t || '_delete', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY case_meeting_item_notes_update ON case_meeting_item_notes FOR UPDATE TO seamless_app
  USING (app_sees_meeting(meeting_id) AND app_works_on_case(case_id)) WITH CHECK (app_sees_meeting(meeting_id) AND app_works_on_case(case_id));
--> statement-breakpoint
ALTER TABLE case_meeting_actions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The agency owning an action sees it on the meeting even where it cannot see the case.
CREATE POLICY case_meeting_actions_read ON case_meeting_actions FOR SELECT TO seamless_app
  USING (app_sees_meeting(meeting_id) AND (app_reads_case_part(case_id, created_by_agency_id) OR owner_agency_id = app_agency_id()));
--> statement-breakpoint
CREATE POLICY case_meeting_actions_insert ON case_meeting_actions FOR INSERT TO seamless_app
  WITH CHECK (app_sees_meeting(meeting_id) AND app_works_on_case(case_id) AND created_by_agency_id = app_agency_id() AND created_by = app_user_id()
    AND EXISTS (SELECT 1 FROM case_meeting_items i WHERE i.id = item_id AND i.meeting_id = case_meeting_actions.meeting_id AND i.case_id = case_meeting_actions.case_id));
--> statement-breakpoint
CREATE POLICY case_meeting_actions_update ON case_meeting_actions FOR UPDATE TO seamless_app
  USING (app_sees_meeting(meeting_id) AND (app_works_on_case(case_id) OR owner_agency_id = app_agency_id()))
  WITH CHECK (app_sees_meeting(meeting_id));
--> statement-breakpoint
CREATE POLICY case_meeting_actions_delete ON case_meeting_actions FOR DELETE TO seamless_app
  USING (app_sees_meeting(meeting_id) AND app_works_on_case(case_id));
