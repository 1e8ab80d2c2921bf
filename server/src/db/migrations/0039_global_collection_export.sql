-- Issue 13: the k-anonymised export for global data collections (statistics/globalCollection).
--
-- The export is microdata: one row per identified victim, so a person's combination of year, sex,
-- age, citizenship and forms of exploitation leaves the country, where a published table shows
-- only a count. The database therefore hands the exporter no row at all: it counts the persons of
-- each combination of the finest quasi-identifiers across every agency of the reader's country,
-- and the generalisation and suppression to k persons per class happen on those counts.
--
-- Who may call it: the statistics role (scope 'stats', as statistic_counts) who may also take
-- records out of the system (scope 'htcds_export', from export:htcds). Reading suppressed tables
-- is not enough: a row that survives k-anonymity still tells which forms of exploitation went
-- with which age and citizenship, which no table of two breakdowns does.
--
-- Records: as 'identification_decisions' of statistic_counts (a decision to Identified on a case
-- not later found NotAVictim), one per person after merges, the person's first identification in
-- the period dating her and giving her case's values — taken from statistic_units_sql (migration
-- 0038), so the export counts exactly what the figures count. The SQL is fixed: the caller passes
-- two dates and a time zone, and every value returned is a number or one of a closed set of codes
-- (an ISO country shape, a vocabulary value), never text as someone typed it.
CREATE FUNCTION global_collection_counts(p_from date, p_to date, p_time_zone text)
RETURNS TABLE (
  identified_year int, sex_code text, age_years int, citizenship_code text, exploitation_codes text[],
  domestic_abroad text, persons_counted bigint
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_country text;
BEGIN
  IF app_user_id() IS NULL OR NOT app_has_scope('stats') OR NOT app_has_scope('htcds_export') THEN
    RAISE EXCEPTION 'global collection export not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_from IS NULL OR p_to IS NULL OR p_from > p_to OR p_to - p_from > 3700 THEN
    RAISE EXCEPTION 'unknown period' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT country_code INTO v_country FROM agencies WHERE id = app_agency_id();
  RETURN QUERY EXECUTE format($q$
    WITH %s,
    once AS (SELECT DISTINCT ON (g.person_id) g.* FROM g ORDER BY g.person_id, g.dated_on, g.case_id)
    SELECT extract(year FROM o.dated_on)::int, o.sex, CASE WHEN o.age BETWEEN 0 AND 120 THEN o.age END, o.nationality,
      -- A form outside the HTCDS vocabulary is HTCDS's own Other; none recorded is no form.
      ARRAY(SELECT DISTINCT CASE WHEN et = ANY ($9) THEN et ELSE 'Other' END FROM unnest(o.exploitation_types) AS et
        WHERE et <> 'unknown' ORDER BY 1),
      o.domestic_abroad, count(*)
    FROM once o
    GROUP BY 1, 2, 3, 4, 5, 6
  $q$, statistic_units_sql('identification_decisions'))
  USING v_country, p_from, p_to, NULL::uuid, NULL::text, NULL::text, '[]'::jsonb, p_time_zone,
    ARRAY['ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedMarriage', 'Servitude', 'ForcedMilitaryByNonStateActors',
      'OrganRemoval', 'ForcedBegging', 'ForcedAdoption', 'Surrogacy', 'Other',
      'ForcedCriminality', 'OnlineSexualExploitation', 'ForcedLabourFishing', 'DebtBondage'];
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION global_collection_counts(date, date, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION global_collection_counts(date, date, text) TO seamless_app;
