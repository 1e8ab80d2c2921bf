-- Issue 13, privacy-safe publication: the counts of a differentially private release. Noise hides
-- one person only if her presence changes a bounded number of counts, so here each counted unit
-- (person, case or follow-up) is in exactly one cell of a table: at its first record in the period,
-- with that record's age, province and agency, and one form of exploitation (the first by name) —
-- a person found twice in a year, or exploited in two forms, would otherwise move several cells.
-- Cells only, for the statistics role, counts only; the release adds the noise.
CREATE FUNCTION statistic_unit_counts(
  p_records text, p_unit text, p_from date, p_to date, p_by jsonb, p_age_bands jsonb, p_time_zone text
) RETURNS TABLE (keys text[], value bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_country text;
  v_unit text;
  v_keys text[] := statistic_breakdowns_sql(p_by);
BEGIN
  IF app_user_id() IS NULL OR NOT app_has_scope('stats') THEN
    RAISE EXCEPTION 'statistics not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT country_code INTO v_country FROM agencies WHERE id = app_agency_id();
  v_unit := CASE p_unit WHEN 'persons' THEN 'g.person_id' WHEN 'cases' THEN 'g.case_id' WHEN 'follow_ups' THEN 'g.item_id' END;
  IF v_unit IS NULL THEN
    RAISE EXCEPTION 'unknown statistic' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY EXECUTE format($q$
    WITH %1$s,
    once AS (
      SELECT DISTINCT ON (%2$s) g.* FROM g WHERE %2$s IS NOT NULL ORDER BY %2$s, g.dated_on, g.case_id
    )
    SELECT ARRAY[%3$s]::text[], count(*)
    FROM once AS g CROSS JOIN LATERAL (SELECT min(t) FROM unnest(g.exploitation_types) AS t) AS x(exploitation_type)
    GROUP BY 1
  $q$, statistic_units_sql(p_records), v_unit, array_to_string(v_keys, ', '))
  USING v_country, p_from, p_to, NULL::uuid, NULL::text, NULL::text, p_age_bands, p_time_zone;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION statistic_unit_counts(text, text, date, date, jsonb, jsonb, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION statistic_unit_counts(text, text, date, date, jsonb, jsonb, text) TO seamless_app;
