-- The people a meeting's convener may list as attendees or action owners: the active accounts of
-- the convening and invited agencies. Accounts of other agencies stay unreadable under row-level
-- security, so only their display names and roles cross, and only to an agency in the meeting.
CREATE FUNCTION meeting_people(p_meeting_id uuid)
RETURNS TABLE (agency_id uuid, user_id uuid, display_name text, role_keys text[], role_names text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.agency_id, u.id, u.display_name,
    coalesce(array_agg(r.key ORDER BY r.key) FILTER (WHERE r.id IS NOT NULL), '{}'),
    coalesce(array_agg(r.name ORDER BY r.key) FILTER (WHERE r.id IS NOT NULL), '{}')
  FROM users u
  LEFT JOIN user_roles ur ON ur.user_id = u.id
  LEFT JOIN roles r ON r.id = ur.role_id
  WHERE u.active AND app_user_id() IS NOT NULL AND app_sees_meeting(p_meeting_id)
    AND (u.agency_id = (SELECT m.convening_agency_id FROM case_meetings m WHERE m.id = p_meeting_id)
      OR u.agency_id IN (SELECT a.agency_id FROM case_meeting_agencies a WHERE a.meeting_id = p_meeting_id))
  GROUP BY u.agency_id, u.id, u.display_name
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION meeting_people(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION meeting_people(uuid) TO seamless_app;
