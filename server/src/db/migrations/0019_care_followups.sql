-- An admission computes the reflection and recovery period; the case carries its end so the
-- overview shows it. The admitting agency may not own the case (row-level security lets only the
-- owner update it), so this function writes that one date, and only from a current placement the
-- caller's agency recorded with that end, and only where the case has none yet.
CREATE FUNCTION app_note_reflection_end(p_case_id uuid, p_ends_on date) RETURNS boolean LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = public AS $$
  WITH noted AS (
    UPDATE cases SET reflection_period_ends_on = p_ends_on
    WHERE id = p_case_id AND reflection_period_ends_on IS NULL AND app_user_id() IS NOT NULL
      AND EXISTS (SELECT 1 FROM shelter_placements p WHERE p.case_id = p_case_id AND p.ended_on IS NULL
        AND p.reflection_ends_on = p_ends_on AND p.recorded_by_agency_id = app_agency_id())
    RETURNING id)
  SELECT EXISTS (SELECT 1 FROM noted)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_note_reflection_end(uuid, date) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_note_reflection_end(uuid, date) TO seamless_app;
