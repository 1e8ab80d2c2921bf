-- An active referral or consent-based share of the case to the actor's agency that opens at least
-- one section: more than the pseudonym.
CREATE FUNCTION app_shares_case_section(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_access a
    LEFT JOIN consents k ON k.id = a.consent_id
    WHERE a.case_id = p_case_id AND a.agency_id = app_agency_id() AND a.revoked_at IS NULL
      AND cardinality(a.sections) > 0
      AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date))))
$$;
--> statement-breakpoint
-- The actor's agency reaches the case beyond its pseudonym: it owns the case, took its intake,
-- holds at least one section through an active referral or consent-based share, or the actor's
-- emergency access runs. Free text (notes) may carry a name, so it stops short of anyone else.
CREATE FUNCTION app_holds_case_section(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_owns_case(p_case_id) OR app_break_glass(p_case_id)
    OR EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND c.intake_by_agency_id = app_agency_id())
    OR app_shares_case_section(p_case_id)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_shares_case_section(uuid), app_holds_case_section(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_shares_case_section(uuid), app_holds_case_section(uuid) TO seamless_app;
--> statement-breakpoint
DROP POLICY case_comments_read ON case_comments;
--> statement-breakpoint
CREATE POLICY case_comments_read ON case_comments FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, author_agency_id) AND app_holds_case_section(case_id));
--> statement-breakpoint
-- Only the owner or an agency holding a section through a share puts a case on an agenda: a
-- pseudonym-only agency would otherwise show the case's reference and owner to every attendee.
DROP POLICY case_meeting_items_insert ON case_meeting_items;
--> statement-breakpoint
CREATE POLICY case_meeting_items_insert ON case_meeting_items FOR INSERT TO seamless_app
  WITH CHECK (app_sees_meeting(meeting_id) AND (app_owns_case(case_id) OR app_shares_case_section(case_id))
    AND added_by_agency_id = app_agency_id()
    AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.reference = case_reference AND c.owner_agency_id = case_agency_id));
--> statement-breakpoint
-- The case section an agenda item concerns: its purpose, notes and decisions are read only by
-- attendees whose role and agency hold that section on the case (`general`: any section).
ALTER TABLE case_meeting_items ADD COLUMN section text NOT NULL DEFAULT 'general'
  CHECK (section IN ('general', 'identity', 'medical', 'psychosocial', 'legal', 'shelter', 'family', 'care'));
--> statement-breakpoint
-- Carried items keep the section they concern.
CREATE OR REPLACE FUNCTION carry_over_meeting(p_from uuid, p_to uuid) RETURNS integer
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
    INSERT INTO case_meeting_items (meeting_id, case_id, case_reference, case_agency_id, section, position, carried_from_item_id, added_by_agency_id)
      VALUES (p_to, v_item.case_id, v_item.case_reference, v_item.case_agency_id, v_item.section, v_position, v_item.id, v_item.added_by_agency_id)
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
-- Work, attendance and the chair go to people who can still sign in: a deactivated account is no
-- longer a person of its agency for a meeting.
CREATE OR REPLACE FUNCTION user_in_agency(p_user_id uuid, p_agency_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_user_id() IS NOT NULL AND EXISTS (SELECT 1 FROM users u WHERE u.id = p_user_id AND u.agency_id = p_agency_id AND u.active)
$$;
--> statement-breakpoint
-- What is said on an agenda item (purpose, notes, decisions) is read by an agency holding the
-- section the item concerns (any section for `general`); the role part is the route's.
CREATE FUNCTION app_holds_item_section(p_item_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_meeting_items i
    WHERE i.id = p_item_id AND CASE WHEN i.section = 'general' THEN app_holds_case_section(i.case_id)
      ELSE app_owns_case(i.case_id) OR app_break_glass(i.case_id) OR agency_granted_case(app_agency_id(), i.case_id, i.section)
        OR EXISTS (SELECT 1 FROM cases c WHERE c.id = i.case_id AND c.intake_by_agency_id = app_agency_id()) END)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_holds_item_section(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_holds_item_section(uuid) TO seamless_app;
--> statement-breakpoint
DROP POLICY case_meeting_item_notes_read ON case_meeting_item_notes;
--> statement-breakpoint
CREATE POLICY case_meeting_item_notes_read ON case_meeting_item_notes FOR SELECT TO seamless_app
  USING (app_sees_meeting(meeting_id) AND app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_item_section(item_id));
--> statement-breakpoint
DROP POLICY case_meeting_decisions_read ON case_meeting_decisions;
--> statement-breakpoint
CREATE POLICY case_meeting_decisions_read ON case_meeting_decisions FOR SELECT TO seamless_app
  USING (app_sees_meeting(meeting_id) AND app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_item_section(item_id));
