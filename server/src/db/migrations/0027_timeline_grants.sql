-- Need-to-know on the timeline (DESIGN.md §4): an agency the case was shared with sees the sharing
-- and consent entries about its own grant, not the owner's list of which other agencies hold which
-- sections. The owner and an emergency (break-glass) reader see every entry.
CREATE FUNCTION app_event_names_other_agency(p_details jsonb) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM (
      SELECT p_details->>'agencyId' AS agency_id WHERE jsonb_typeof(p_details->'agencyId') = 'string'
      UNION ALL
      SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(p_details->'agencyIds') = 'array' THEN p_details->'agencyIds' ELSE '[]'::jsonb END)
      UNION ALL
      SELECT jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(p_details->'revokedAgencyIds') = 'array' THEN p_details->'revokedAgencyIds' ELSE '[]'::jsonb END)
    ) named
    WHERE named.agency_id IS DISTINCT FROM app_agency_id()::text)
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_event_names_other_agency(jsonb) TO seamless_app;
--> statement-breakpoint
DROP POLICY case_events_read ON case_events;
--> statement-breakpoint
CREATE POLICY case_events_read ON case_events FOR SELECT TO seamless_app
  USING (
    (app_reads_case_part(case_id, actor_agency_id) OR (kind = 'case.status_changed' AND app_sees_case(case_id)))
    AND (NOT app_event_names_other_agency(details) OR app_owns_case(case_id) OR app_break_glass(case_id))
  );
