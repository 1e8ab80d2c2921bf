-- What an action item asks (its text) is said about the case, like an agenda item's purpose, notes
-- and decisions: it is read under the item's rule (access to the case and the section the item
-- concerns), not because the action is owned. The owning agency without that access still learns
-- that work is its own, when it is due and where it stands, through meeting_actions_owned.

-- Whether an agency (not only the actor's) reads an agenda item's text: it owns or took in the
-- case, or holds the item's section through an active share (any section for `general`). Asked
-- before an action is handed to that agency, so that its task never carries text it may not read.
CREATE FUNCTION agency_reads_item(p_agency_id uuid, p_item_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_user_id() IS NOT NULL AND EXISTS (
    SELECT 1 FROM case_meeting_items i JOIN cases c ON c.id = i.case_id
    WHERE i.id = p_item_id AND (
      c.owner_agency_id = p_agency_id OR c.intake_by_agency_id = p_agency_id
      OR CASE WHEN i.section = 'general' THEN EXISTS (
          SELECT 1 FROM case_access a
          LEFT JOIN consents k ON k.id = a.consent_id
          WHERE a.case_id = i.case_id AND a.agency_id = p_agency_id AND a.revoked_at IS NULL AND cardinality(a.sections) > 0
            AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date))))
        ELSE agency_granted_case(p_agency_id, i.case_id, i.section) END))
$$;
--> statement-breakpoint
-- The actor's agency's own actions on a meeting it takes part in, without their text: what an
-- owner that cannot read the item may know of work handed to it.
CREATE FUNCTION meeting_actions_owned(p_meeting_id uuid)
RETURNS TABLE (id uuid, item_id uuid, owner_user_id uuid, owner_user_name text, due_on date, status text, carried_from_action_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.id, a.item_id, a.owner_user_id, u.display_name, a.due_on, a.status, a.carried_from_action_id
  FROM case_meeting_actions a
  LEFT JOIN users u ON u.id = a.owner_user_id
  WHERE app_user_id() IS NOT NULL AND app_sees_meeting(p_meeting_id)
    AND a.meeting_id = p_meeting_id AND a.owner_agency_id = app_agency_id()
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION agency_reads_item(uuid, uuid), meeting_actions_owned(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION agency_reads_item(uuid, uuid), meeting_actions_owned(uuid) TO seamless_app;
--> statement-breakpoint
DROP POLICY case_meeting_actions_read ON case_meeting_actions;
--> statement-breakpoint
CREATE POLICY case_meeting_actions_read ON case_meeting_actions FOR SELECT TO seamless_app
  USING (app_sees_meeting(meeting_id) AND app_reads_case_part(case_id, created_by_agency_id) AND app_holds_item_section(item_id));
--> statement-breakpoint
-- Closing or reopening an action is work on the case by an agency that reads what it asks.
DROP POLICY case_meeting_actions_update ON case_meeting_actions;
--> statement-breakpoint
CREATE POLICY case_meeting_actions_update ON case_meeting_actions FOR UPDATE TO seamless_app
  USING (app_sees_meeting(meeting_id) AND app_works_on_case(case_id) AND app_holds_item_section(item_id))
  WITH CHECK (app_sees_meeting(meeting_id));
