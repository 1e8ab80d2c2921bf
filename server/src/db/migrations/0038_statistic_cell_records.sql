-- Issue 13: one definition of what a figure counts, used twice. The statistics role's counts
-- (statistic_counts, SECURITY DEFINER, every agency of the country, counts only) and a reader's
-- drill-down to the cases behind a cell (statistic_cell_cases, SECURITY INVOKER: row-level
-- security leaves only the cases she may already see) select the same records with the same
-- derived values, because both take their SQL from the functions below. The text they return is
-- fixed SQL with positional parameters ($1 country, $2 from, $3 to, $4 agency, $5 child, $6 sex,
-- $7 age bands, $8 time zone); nothing a caller sends becomes SQL.
--
-- Repatriation has landed, so victims repatriated are counted: a handover both sides signed, dated
-- by the agreed handover date, on either side (the sending country repatriates her, the country of
-- origin receives her back; each counts its own case).
CREATE FUNCTION statistic_records_sql(p_records text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_records
    WHEN 'identification_decisions' THEN
      $r$SELECT d.case_id, d.decided_on AS dated_on, NULL::uuid AS item_id FROM trafficking_status_decisions d
         JOIN cases dc ON dc.id = d.case_id WHERE d.to_status = 'Identified' AND dc.trafficking_status <> 'NotAVictim'$r$
    WHEN 'services_and_accepted_referrals' THEN
      $r$SELECT s.case_id, s.delivered_on AS dated_on, NULL::uuid AS item_id FROM care_services s
         UNION ALL
         SELECT rf.case_id, (rf.answered_at AT TIME ZONE $8)::date, NULL::uuid FROM referrals rf
         WHERE rf.to_agency_id IS NOT NULL AND rf.answered_at IS NOT NULL AND rf.status IN ('accepted', 'completed', 'closed')$r$
    WHEN 'shelter_admissions' THEN
      $r$SELECT sp.case_id, sp.admitted_on AS dated_on, NULL::uuid AS item_id FROM shelter_placements sp
         WHERE sp.previous_placement_id IS NULL$r$
    WHEN 'case_openings' THEN
      $r$SELECT oc.id AS case_id, (oc.opened_at AT TIME ZONE $8)::date AS dated_on, NULL::uuid AS item_id FROM cases oc$r$
    WHEN 'completed_follow_ups' THEN
      $r$SELECT fu.case_id, fu.closed_on AS dated_on, fu.id AS item_id FROM follow_ups fu
         WHERE fu.status = 'closed' AND fu.closure_reason = 'plan_completed' AND fu.closed_on IS NOT NULL$r$
    WHEN 'repatriation_handovers' THEN
      $r$SELECT rp.case_id, rp.handover_date AS dated_on, NULL::uuid AS item_id FROM repatriations rp
         WHERE rp.status = 'handed_over' AND rp.case_id IS NOT NULL AND rp.handover_date IS NOT NULL$r$
  END
$$;
--> statement-breakpoint
-- The counted units of a record set with every breakdown's value (CTEs r, f and g).
CREATE FUNCTION statistic_units_sql(p_records text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_records text := statistic_records_sql(p_records);
BEGIN
  IF v_records IS NULL THEN
    RAISE EXCEPTION 'unknown statistic' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN format($q$
    r AS (%s),
    f AS (
      SELECT r.dated_on, r.item_id, r.case_id, coalesce(p.merged_into_id, p.id) AS person_id, c.owner_agency_id AS agency_id,
        CASE p.gender WHEN 'Feminine' THEN 'female' WHEN 'TransgenderFeminine' THEN 'female'
          WHEN 'Masculine' THEN 'male' WHEN 'TransgenderMasculine' THEN 'male'
          WHEN 'NonConforming' THEN 'other' ELSE 'unknown' END AS sex,
        CASE WHEN p.citizenship[1] IS NULL THEN 'unknown' WHEN p.citizenship[1] ~ '^[A-Z]{2}$' THEN p.citizenship[1] ELSE 'other' END AS nationality,
        CASE p.ethnic_minority WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'unknown' END AS ethnic_minority,
        CASE WHEN v.exploitation_country IS NULL THEN 'unknown' WHEN v.exploitation_country = c.country_code THEN 'domestic' ELSE 'abroad' END AS domestic_abroad,
        CASE WHEN nullif(btrim(c.intake_location), '') IS NULL THEN 'unknown'
          WHEN btrim(c.intake_location) IN (SELECT pv.value ->> 'value' FROM lookup_lists pl CROSS JOIN jsonb_array_elements(pl.values) AS pv(value)
            WHERE pl.country_code = $1 AND pl.list_key = 'provinces') THEN btrim(c.intake_location)
          ELSE 'other' END AS province,
        CASE WHEN coalesce(cardinality(v.exploitation_types), 0) = 0 THEN ARRAY['unknown']
          ELSE ARRAY(SELECT DISTINCT CASE WHEN et ~ '^[A-Za-z]{1,64}$' THEN et ELSE 'other' END FROM unnest(v.exploitation_types) AS et) END AS exploitation_types,
        coalesce(v.age_when_trafficked::int, extract(year FROM r.dated_on)::int - p.birth_year,
          c.age_at_intake + extract(year FROM r.dated_on)::int - extract(year FROM c.opened_at AT TIME ZONE $8)::int) AS age
      FROM r JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.person_id LEFT JOIN victim_contexts v ON v.case_id = c.id
      WHERE c.country_code = $1 AND r.dated_on BETWEEN $2 AND $3 AND ($4::uuid IS NULL OR c.owner_agency_id = $4)
    ),
    g AS (
      SELECT f.*,
        CASE WHEN f.age IS NULL THEN 'unknown' WHEN f.age < 18 THEN 'child' ELSE 'adult' END AS child,
        coalesce((SELECT b.key FROM jsonb_to_recordset($7) AS b(key text, "from" int, "to" int)
          WHERE f.age >= b."from" AND (b."to" IS NULL OR f.age < b."to") LIMIT 1), 'unknown') AS age_band
      FROM f
    )$q$, v_records);
END $$;
--> statement-breakpoint
-- A breakdown's value of a unit in g (x.exploitation_type comes from unnesting its types).
CREATE FUNCTION statistic_breakdown_sql(p_breakdown text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_breakdown
    WHEN 'year' THEN $f$to_char(g.dated_on, 'YYYY')$f$
    WHEN 'quarter' THEN $f$to_char(g.dated_on, 'YYYY-"Q"Q')$f$
    WHEN 'month' THEN $f$to_char(g.dated_on, 'YYYY-MM')$f$
    WHEN 'sex' THEN 'g.sex'
    WHEN 'child' THEN 'g.child'
    WHEN 'ageBand' THEN 'g.age_band'
    WHEN 'nationality' THEN 'g.nationality'
    WHEN 'exploitationType' THEN 'x.exploitation_type'
    WHEN 'domesticAbroad' THEN 'g.domestic_abroad'
    WHEN 'ethnicMinority' THEN 'g.ethnic_minority'
    WHEN 'province' THEN 'g.province'
    WHEN 'agency' THEN 'g.agency_id::text'
  END
$$;
--> statement-breakpoint
-- Each breakdown asked for as its SQL, in order: at most two, each one known.
CREATE FUNCTION statistic_breakdowns_sql(p_by jsonb) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  v_keys text[] := '{}';
  v_fragment text;
  v_breakdown text;
BEGIN
  IF jsonb_typeof(p_by) <> 'array' OR jsonb_array_length(p_by) > 2 THEN
    RAISE EXCEPTION 'unknown statistic' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  FOR v_breakdown IN SELECT jsonb_array_elements_text(p_by) LOOP
    v_fragment := statistic_breakdown_sql(v_breakdown);
    IF v_fragment IS NULL THEN
      RAISE EXCEPTION 'unknown breakdown' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_keys := v_keys || v_fragment;
  END LOOP;
  RETURN v_keys;
END $$;
--> statement-breakpoint
-- The join that gives x.exploitation_type, one row per form, when a breakdown is by form of exploitation.
CREATE FUNCTION statistic_exploitation_sql(p_by jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_by ? 'exploitationType' THEN 'CROSS JOIN LATERAL unnest(g.exploitation_types) AS x(exploitation_type)' ELSE '' END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION statistic_counts(
  p_records text, p_unit text, p_from date, p_to date, p_by jsonb, p_agency_id uuid, p_child text, p_sex text,
  p_age_bands jsonb, p_time_zone text
) RETURNS TABLE (keys text[], value bigint, cell_key bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  v_country text;
  v_unit text;
  v_keys text[] := statistic_breakdowns_sql(p_by);
  v_secret text;
  v_sets text;
BEGIN
  IF app_user_id() IS NULL OR NOT app_has_scope('stats') THEN
    RAISE EXCEPTION 'statistics not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT country_code INTO v_country FROM agencies WHERE id = app_agency_id();
  SELECT secret INTO STRICT v_secret FROM statistic_perturbation_secret;
  v_unit := CASE p_unit WHEN 'persons' THEN 'g.person_id' WHEN 'cases' THEN 'g.case_id' WHEN 'follow_ups' THEN 'g.item_id' END;
  IF v_unit IS NULL THEN
    RAISE EXCEPTION 'unknown statistic' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  v_sets := CASE cardinality(v_keys)
    WHEN 0 THEN '()'
    WHEN 1 THEN format('(%s), ()', v_keys[1])
    ELSE format('(%1$s, %2$s), (%1$s), (%2$s), ()', v_keys[1], v_keys[2])
  END;
  RETURN QUERY EXECUTE format($q$
    WITH %1$s
    SELECT ARRAY[%2$s]::text[], count(DISTINCT %3$s),
      (coalesce(sum(DISTINCT ('x' || left(md5($9 || %3$s::text), 12))::bit(48)::bigint), 0) %% 4294967296)::bigint
    FROM g %4$s
    WHERE ($5::text IS NULL OR g.child = $5) AND ($6::text IS NULL OR g.sex = $6) AND %3$s IS NOT NULL
    GROUP BY GROUPING SETS (%5$s)
  $q$, statistic_units_sql(p_records), array_to_string(v_keys, ', '), v_unit, statistic_exploitation_sql(p_by), v_sets)
  USING v_country, p_from, p_to, p_agency_id, p_child, p_sex, p_age_bands, p_time_zone, v_secret;
END $$;
--> statement-breakpoint
-- The cases behind one cell, as the reader sees them: SECURITY INVOKER, so row-level security
-- drops every record of a case she may not read before anything is counted or compared.
CREATE FUNCTION statistic_cell_cases(
  p_records text, p_from date, p_to date, p_by jsonb, p_keys jsonb, p_agency_id uuid, p_child text, p_sex text,
  p_age_bands jsonb, p_time_zone text
) RETURNS TABLE (case_id uuid, person_id uuid, dated_on date)
LANGUAGE plpgsql STABLE SECURITY INVOKER SET search_path = public AS $$
DECLARE
  v_country text;
  v_keys text[] := statistic_breakdowns_sql(p_by);
  v_conditions text := '';
BEGIN
  IF jsonb_typeof(p_keys) <> 'array' OR jsonb_array_length(p_keys) <> cardinality(v_keys) THEN
    RAISE EXCEPTION 'unknown cell' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT country_code INTO v_country FROM agencies WHERE id = app_agency_id();
  FOR v_position IN 1 .. cardinality(v_keys) LOOP
    v_conditions := v_conditions || format(' AND %s = $9 ->> %s', v_keys[v_position], v_position - 1);
  END LOOP;
  -- The earliest date that puts the case in the cell (the one a reader checks first) and the person
-- it counts, after merges: two cases of one person are one person in a count of persons.
  RETURN QUERY EXECUTE format($q$
    WITH %s
    SELECT g.case_id, g.person_id, min(g.dated_on) FROM g %s
    WHERE ($5::text IS NULL OR g.child = $5) AND ($6::text IS NULL OR g.sex = $6)%s
    GROUP BY g.case_id, g.person_id
  $q$, statistic_units_sql(p_records), statistic_exploitation_sql(p_by), v_conditions)
  USING v_country, p_from, p_to, p_agency_id, p_child, p_sex, p_age_bands, p_time_zone, p_keys;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION statistic_cell_cases(text, date, date, jsonb, jsonb, uuid, text, text, jsonb, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION statistic_cell_cases(text, date, date, jsonb, jsonb, uuid, text, text, jsonb, text) TO seamless_app;
