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
-- the period dating her and giving her case's values. The SQL is fixed and static: the caller
-- passes two dates and a time zone, and every value returned is a number or one of a closed set
-- of codes (an ISO country shape, a vocabulary value), never text as someone typed it.
CREATE FUNCTION global_collection_counts(p_from date, p_to date, p_time_zone text)
RETURNS TABLE (
  identified_year int, sex_code text, age_years int, citizenship_code text, exploitation_codes text[],
  domestic_abroad text, persons_counted bigint
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
#variable_conflict use_column
BEGIN
  IF app_user_id() IS NULL OR NOT app_has_scope('stats') OR NOT app_has_scope('htcds_export') THEN
    RAISE EXCEPTION 'global collection export not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_from IS NULL OR p_to IS NULL OR p_from > p_to OR p_to - p_from > 3700 THEN
    RAISE EXCEPTION 'unknown period' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN QUERY
  WITH identified AS (
    SELECT DISTINCT ON (coalesce(p.merged_into_id, p.id))
      d.decided_on, p.gender, p.citizenship[1] AS citizenship, p.birth_year, c.country_code, c.age_at_intake, c.opened_at,
      v.age_when_trafficked, v.exploitation_types, v.exploitation_country
    FROM trafficking_status_decisions d
      JOIN cases c ON c.id = d.case_id
      JOIN persons p ON p.id = c.person_id
      LEFT JOIN victim_contexts v ON v.case_id = c.id
    WHERE d.to_status = 'Identified' AND c.trafficking_status <> 'NotAVictim'
      AND c.country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id())
      AND d.decided_on BETWEEN p_from AND p_to
    ORDER BY coalesce(p.merged_into_id, p.id), d.decided_on, d.id
  ),
  coded AS (
    SELECT extract(year FROM i.decided_on)::int AS identified_year,
      CASE i.gender WHEN 'Feminine' THEN 'female' WHEN 'TransgenderFeminine' THEN 'female'
        WHEN 'Masculine' THEN 'male' WHEN 'TransgenderMasculine' THEN 'male'
        WHEN 'NonConforming' THEN 'other' ELSE 'unknown' END AS sex_code,
      -- As statistic_counts: age when trafficked first (a child then is a child case).
      coalesce(i.age_when_trafficked::int, extract(year FROM i.decided_on)::int - i.birth_year,
        i.age_at_intake + extract(year FROM i.decided_on)::int - extract(year FROM i.opened_at AT TIME ZONE p_time_zone)::int) AS age,
      CASE WHEN i.citizenship IS NULL THEN 'unknown' WHEN i.citizenship ~ '^[A-Z]{2}$' THEN i.citizenship ELSE 'other' END AS citizenship_code,
      ARRAY(
        SELECT DISTINCT CASE WHEN et = ANY (ARRAY[
          'ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedMarriage', 'Servitude', 'ForcedMilitaryByNonStateActors',
          'OrganRemoval', 'ForcedBegging', 'ForcedAdoption', 'Surrogacy', 'Other',
          'ForcedCriminality', 'OnlineSexualExploitation', 'ForcedLabourFishing', 'DebtBondage']) THEN et ELSE 'Other' END
        FROM unnest(coalesce(i.exploitation_types, '{}')) AS et ORDER BY 1
      ) AS exploitation_codes,
      CASE WHEN i.exploitation_country IS NULL THEN 'unknown' WHEN i.exploitation_country = i.country_code THEN 'domestic' ELSE 'abroad' END AS domestic_abroad
    FROM identified i
  )
  SELECT k.identified_year, k.sex_code, CASE WHEN k.age BETWEEN 0 AND 120 THEN k.age END, k.citizenship_code, k.exploitation_codes,
    k.domestic_abroad, count(*)
  FROM coded k
  GROUP BY 1, 2, 3, 4, 5, 6;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION global_collection_counts(date, date, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION global_collection_counts(date, date, text) TO seamless_app;
