-- The specialist parts of the care work (DESIGN.md §4: medical, psychosocial and legal content is
-- that section's) open to an agency holding the section, with or without `care`: a shelter given
-- psychosocial lets its psychologist read and record the psychosocial parts. A row opens to such
-- an agency where it has a part in one of its sections: an assessment by the sections of the
-- domains it scored, a goal, service or action by its service area, a plan version by its goals.
-- Care holders keep reading every row (a revision carries on the goals its reviser cannot see);
-- which parts a reader is shown stays the route policy's (careReach).
CREATE FUNCTION app_area_section(p_area text) RETURNS text LANGUAGE sql IMMUTABLE
SET search_path = public AS $$
  SELECT CASE WHEN p_area IN ('medical', 'psychosocial', 'legal') THEN p_area ELSE 'care' END
$$;
--> statement-breakpoint
CREATE FUNCTION app_assessment_sections(p_instrument_id uuid, p_domain_scores jsonb) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT coalesce(domain->>'section', 'care')), '{}')
  FROM assessment_instruments AS instrument, jsonb_array_elements(instrument.domains) AS domain
  WHERE instrument.id = p_instrument_id AND p_domain_scores ? (domain->>'key')
$$;
--> statement-breakpoint
CREATE FUNCTION app_care_goal_section(p_goal_id uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_area_section(service_area) FROM care_plan_goals WHERE id = p_goal_id
$$;
--> statement-breakpoint
CREATE FUNCTION app_care_plan_version_sections(p_version_id uuid) RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT coalesce(array_agg(DISTINCT app_area_section(service_area)), '{}') FROM care_plan_goals WHERE plan_version_id = p_version_id
$$;
--> statement-breakpoint
-- Reading: the agency holds a specialist section the row has a part in.
CREATE FUNCTION app_holds_specialist_part(p_case_id uuid, p_sections text[]) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM unnest(p_sections) AS section
    WHERE section <> 'care' AND agency_granted_case(app_agency_id(), p_case_id, section)
  )
$$;
--> statement-breakpoint
-- Recording: every part of the row is in a specialist section the agency was given; emergency
-- access only reads, as with care.
CREATE FUNCTION app_writes_specialist_part(p_case_id uuid, p_sections text[]) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT cardinality(p_sections) > 0 AND NOT EXISTS (
    SELECT 1 FROM unnest(p_sections) AS section
    WHERE section = 'care' OR NOT agency_granted_case(app_agency_id(), p_case_id, section)
  )
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_area_section(text), app_assessment_sections(uuid, jsonb), app_care_goal_section(uuid),
  app_care_plan_version_sections(uuid), app_holds_specialist_part(uuid, text[]), app_writes_specialist_part(uuid, text[]) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_area_section(text), app_assessment_sections(uuid, jsonb), app_care_goal_section(uuid),
  app_care_plan_version_sections(uuid), app_holds_specialist_part(uuid, text[]), app_writes_specialist_part(uuid, text[]) TO seamless_app;
--> statement-breakpoint
CREATE POLICY case_assessments_read_specialist ON case_assessments FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_specialist_part(case_id, app_assessment_sections(instrument_id, domain_scores)));
--> statement-breakpoint
CREATE POLICY case_assessments_insert_specialist ON case_assessments FOR INSERT TO seamless_app
  WITH CHECK (recorded_by_agency_id = app_agency_id() AND app_writes_specialist_part(case_id, app_assessment_sections(instrument_id, domain_scores)));
--> statement-breakpoint
CREATE POLICY care_services_read_specialist ON care_services FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_specialist_part(case_id, ARRAY[app_area_section(service_area)]));
--> statement-breakpoint
CREATE POLICY care_services_insert_specialist ON care_services FOR INSERT TO seamless_app
  WITH CHECK (recorded_by_agency_id = app_agency_id() AND app_writes_specialist_part(case_id, ARRAY[app_area_section(service_area)]));
--> statement-breakpoint
CREATE POLICY care_plan_versions_read_specialist ON care_plan_versions FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_specialist_part(case_id, app_care_plan_version_sections(id)));
--> statement-breakpoint
CREATE POLICY care_plan_goals_read_specialist ON care_plan_goals FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_specialist_part(case_id, ARRAY[app_area_section(service_area)]));
--> statement-breakpoint
CREATE POLICY care_plan_actions_read_specialist ON care_plan_actions FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, recorded_by_agency_id) AND app_holds_specialist_part(case_id, ARRAY[app_care_goal_section(goal_id)]));
--> statement-breakpoint
-- Progress on an action of her section's goal is hers to record.
CREATE POLICY care_plan_actions_update_specialist ON care_plan_actions FOR UPDATE TO seamless_app
  USING (app_writes_specialist_part(case_id, ARRAY[app_care_goal_section(goal_id)]))
  WITH CHECK (app_writes_specialist_part(case_id, ARRAY[app_care_goal_section(goal_id)]));
