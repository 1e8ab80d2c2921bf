-- Issue 15, dashboard indicators within 1.5× of one raw GROUP BY: cases opened are counted from
-- one narrow row per case, kept in the same transaction as the case, person and victim-context
-- writes that decide it. Counting the live records cost a join of three tables, two per-row
-- subqueries (forms of exploitation, age band) and an md5 per case for its cell key; here each
-- row already holds its breakdown values and its key, so a figure is one scan and one GROUP BY.
--
-- Not pre-summed: a cell per (agency, month, sex, age, nationality, ethnic minority,
-- domestic/abroad, province, forms of exploitation) is about as many rows as cases at national
-- scale (7,000 cases a month against millions of combinations), so summing would save nothing.
-- Suppression and cell-key adjustment still apply to the counted table, never to these rows.
--
-- What depends on data that changes elsewhere stays raw and is mapped when counting: the age
-- (its band is the country's, its year the opening's in the country's zone) and the place of
-- intake (the provinces lookup list decides whether it is one).
CREATE TABLE case_opening_facts (
  case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  country_code text NOT NULL,
  agency_id uuid NOT NULL,
  opened_at timestamptz NOT NULL,
  sex text NOT NULL,
  nationality text NOT NULL,
  ethnic_minority text NOT NULL,
  domestic_abroad text NOT NULL,
  place text,
  exploitation_types text[] NOT NULL,
  age_when_trafficked int,
  birth_year int,
  age_at_intake int,
  unit_key bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX case_opening_facts_country_opened_idx ON case_opening_facts (country_code, opened_at);
--> statement-breakpoint
-- The row each case gives, with the values and the cell key statistic_counts (migration 0037)
-- computes for it. Owned by the schema owner and granted to nobody: it reads every case.
CREATE VIEW case_opening_fact_rows AS
  SELECT c.id AS case_id, c.country_code, c.owner_agency_id AS agency_id, c.opened_at,
    CASE p.gender WHEN 'Feminine' THEN 'female' WHEN 'TransgenderFeminine' THEN 'female'
      WHEN 'Masculine' THEN 'male' WHEN 'TransgenderMasculine' THEN 'male'
      WHEN 'NonConforming' THEN 'other' ELSE 'unknown' END AS sex,
    CASE WHEN p.citizenship[1] IS NULL THEN 'unknown' WHEN p.citizenship[1] ~ '^[A-Z]{2}$' THEN p.citizenship[1] ELSE 'other' END AS nationality,
    CASE p.ethnic_minority WHEN true THEN 'yes' WHEN false THEN 'no' ELSE 'unknown' END AS ethnic_minority,
    CASE WHEN v.exploitation_country IS NULL THEN 'unknown' WHEN v.exploitation_country = c.country_code THEN 'domestic' ELSE 'abroad' END AS domestic_abroad,
    nullif(btrim(c.intake_location), '') AS place,
    CASE WHEN coalesce(cardinality(v.exploitation_types), 0) = 0 THEN ARRAY['unknown']
      ELSE ARRAY(SELECT DISTINCT CASE WHEN et ~ '^[A-Za-z]{1,64}$' THEN et ELSE 'other' END FROM unnest(v.exploitation_types) AS et) END AS exploitation_types,
    v.age_when_trafficked::int AS age_when_trafficked, p.birth_year::int AS birth_year, c.age_at_intake::int AS age_at_intake,
    ('x' || left(md5(s.secret || c.id::text), 12))::bit(48)::bigint AS unit_key
  FROM cases c JOIN persons p ON p.id = c.person_id LEFT JOIN victim_contexts v ON v.case_id = c.id
    CROSS JOIN statistic_perturbation_secret s;
--> statement-breakpoint
REVOKE ALL ON case_opening_fact_rows FROM PUBLIC;
--> statement-breakpoint
INSERT INTO case_opening_facts SELECT * FROM case_opening_fact_rows;
--> statement-breakpoint
CREATE FUNCTION refresh_case_opening_facts(p_case_ids uuid[]) RETURNS void
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO case_opening_facts SELECT * FROM case_opening_fact_rows WHERE case_id = ANY (p_case_ids)
  ON CONFLICT (case_id) DO UPDATE SET country_code = EXCLUDED.country_code, agency_id = EXCLUDED.agency_id,
    opened_at = EXCLUDED.opened_at, sex = EXCLUDED.sex, nationality = EXCLUDED.nationality,
    ethnic_minority = EXCLUDED.ethnic_minority, domestic_abroad = EXCLUDED.domestic_abroad, place = EXCLUDED.place,
    exploitation_types = EXCLUDED.exploitation_types, age_when_trafficked = EXCLUDED.age_when_trafficked,
    birth_year = EXCLUDED.birth_year, age_at_intake = EXCLUDED.age_at_intake, unit_key = EXCLUDED.unit_key
$$;
--> statement-breakpoint
-- Many cases at once (an import, the synthetic load's COPY): one set-based insert per statement.
CREATE FUNCTION case_opening_facts_inserted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'cases' THEN
    INSERT INTO case_opening_facts SELECT f.* FROM case_opening_fact_rows f JOIN inserted i ON i.id = f.case_id;
  ELSE
    PERFORM refresh_case_opening_facts(ARRAY(SELECT i.case_id FROM inserted i));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION case_opening_fact_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_TABLE_NAME = 'cases' THEN
    PERFORM refresh_case_opening_facts(ARRAY[NEW.id]);
  ELSIF TG_TABLE_NAME = 'persons' THEN
    PERFORM refresh_case_opening_facts(ARRAY(SELECT c.id FROM cases c WHERE c.person_id = NEW.id));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_case_opening_facts(ARRAY[OLD.case_id]);
  ELSE
    PERFORM refresh_case_opening_facts(ARRAY[OLD.case_id, NEW.case_id]);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION refresh_case_opening_facts(uuid[]), case_opening_facts_inserted(), case_opening_fact_changed() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER case_opening_facts_on_case_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION case_opening_facts_inserted();
--> statement-breakpoint
CREATE TRIGGER case_opening_facts_on_case_update AFTER UPDATE OF person_id, country_code, owner_agency_id, opened_at, intake_location, age_at_intake ON cases
  FOR EACH ROW WHEN (
    (OLD.person_id, OLD.country_code, OLD.owner_agency_id, OLD.opened_at, OLD.intake_location, OLD.age_at_intake)
    IS DISTINCT FROM (NEW.person_id, NEW.country_code, NEW.owner_agency_id, NEW.opened_at, NEW.intake_location, NEW.age_at_intake))
  EXECUTE FUNCTION case_opening_fact_changed();
--> statement-breakpoint
CREATE TRIGGER case_opening_facts_on_person_update AFTER UPDATE OF gender, citizenship, ethnic_minority, birth_year ON persons
  FOR EACH ROW WHEN (
    (OLD.gender, OLD.citizenship, OLD.ethnic_minority, OLD.birth_year) IS DISTINCT FROM (NEW.gender, NEW.citizenship, NEW.ethnic_minority, NEW.birth_year))
  EXECUTE FUNCTION case_opening_fact_changed();
--> statement-breakpoint
CREATE TRIGGER case_opening_facts_on_victim_context_insert AFTER INSERT ON victim_contexts
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION case_opening_facts_inserted();
--> statement-breakpoint
CREATE TRIGGER case_opening_facts_on_victim_context_update AFTER UPDATE OF case_id, exploitation_types, exploitation_country, age_when_trafficked ON victim_contexts
  FOR EACH ROW WHEN (
    (OLD.case_id, OLD.exploitation_types, OLD.exploitation_country, OLD.age_when_trafficked)
    IS DISTINCT FROM (NEW.case_id, NEW.exploitation_types, NEW.exploitation_country, NEW.age_when_trafficked))
  EXECUTE FUNCTION case_opening_fact_changed();
--> statement-breakpoint
CREATE TRIGGER case_opening_facts_on_victim_context_delete AFTER DELETE ON victim_contexts
  FOR EACH ROW EXECUTE FUNCTION case_opening_fact_changed();
--> statement-breakpoint
-- Read under row-level security: the rows of the reader's country, for the statistics scope only.
-- Each condition is a subquery, so it is evaluated once per statement, not once per row.
ALTER TABLE case_opening_facts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON case_opening_facts TO seamless_app;
--> statement-breakpoint
CREATE POLICY case_opening_facts_read ON case_opening_facts FOR SELECT TO seamless_app
  USING ((SELECT app_has_scope('stats')) AND country_code = (SELECT a.country_code FROM agencies a WHERE a.id = (SELECT app_agency_id())));
--> statement-breakpoint
-- Cases opened, counted as statistic_counts counts them (cells, margins and the total in one
-- pass, each case once per set, the cell key the sum of its cases' keys modulo 2^32), from the
-- rows above as the reader's row-level security leaves them.
CREATE FUNCTION case_opening_counts(p_from date, p_to date, p_by jsonb, p_age_bands jsonb, p_time_zone text)
RETURNS TABLE (keys text[], value bigint, cell_key bigint)
LANGUAGE plpgsql STABLE SET search_path = public AS $$
DECLARE
  v_country text;
  v_keys text[] := '{}';
  v_fragment text;
  v_breakdown text;
  v_band record;
  v_age_band text := $a$CASE WHEN f.age IS NULL THEN 'unknown'$a$;
  v_exploitation text := '';
  v_province text := 'NULL::text';
  v_count text := 'count(*)';
  v_key_sum text := 'sum(f.unit_key)';
  v_sets text;
BEGIN
  IF app_user_id() IS NULL OR NOT app_has_scope('stats') THEN
    RAISE EXCEPTION 'statistics not permitted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF jsonb_typeof(p_by) <> 'array' OR jsonb_array_length(p_by) > 2 THEN
    RAISE EXCEPTION 'unknown statistic' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  SELECT country_code INTO v_country FROM agencies WHERE id = app_agency_id();
  -- The country's bands as one CASE, the first that holds the age winning, as in statistic_counts.
  FOR v_band IN SELECT b.key, b."from", b."to" FROM jsonb_to_recordset(p_age_bands) AS b(key text, "from" int, "to" int) WHERE b."from" IS NOT NULL LOOP
    v_age_band := v_age_band || format(' WHEN f.age >= %s%s THEN %L', v_band."from",
      CASE WHEN v_band."to" IS NULL THEN '' ELSE format(' AND f.age < %s', v_band."to") END, coalesce(v_band.key, 'unknown'));
  END LOOP;
  v_age_band := v_age_band || $a$ ELSE 'unknown' END$a$;
  FOR v_breakdown IN SELECT jsonb_array_elements_text(p_by) LOOP
    v_fragment := CASE v_breakdown
      WHEN 'year' THEN $f$to_char(f.dated_on, 'YYYY')$f$
      WHEN 'quarter' THEN $f$to_char(f.dated_on, 'YYYY-"Q"Q')$f$
      WHEN 'month' THEN $f$to_char(f.dated_on, 'YYYY-MM')$f$
      WHEN 'sex' THEN 'f.sex'
      WHEN 'child' THEN $f$CASE WHEN f.age IS NULL THEN 'unknown' WHEN f.age < 18 THEN 'child' ELSE 'adult' END$f$
      WHEN 'ageBand' THEN v_age_band
      WHEN 'nationality' THEN 'f.nationality'
      WHEN 'exploitationType' THEN 'x.exploitation_type'
      WHEN 'domesticAbroad' THEN 'f.domestic_abroad'
      WHEN 'ethnicMinority' THEN 'f.ethnic_minority'
      WHEN 'province' THEN 'f.province'
      WHEN 'agency' THEN 'f.agency_id::text'
    END;
    IF v_fragment IS NULL THEN
      RAISE EXCEPTION 'unknown breakdown' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    -- Worked out in f, not in the grouping: a subquery in a grouping-set key is computed again for
    -- the sets that sum over it (PostgreSQL 15 then shows a value where the key is summed over).
    IF v_breakdown = 'province' THEN
      v_province := $f$CASE WHEN o.place IS NULL THEN 'unknown'
        WHEN o.place IN (SELECT pv.value ->> 'value' FROM lookup_lists pl CROSS JOIN jsonb_array_elements(pl.values) AS pv(value)
          WHERE pl.country_code = $1 AND pl.list_key = 'provinces') THEN o.place ELSE 'other' END$f$;
    END IF;
    IF v_breakdown = 'exploitationType' THEN
      -- A case of two forms is a row in each: the sets without this breakdown count it once.
      v_exploitation := 'CROSS JOIN LATERAL unnest(f.exploitation_types) AS x(exploitation_type)';
      v_count := 'count(DISTINCT f.case_id)';
      v_key_sum := 'sum(DISTINCT f.unit_key)';
    END IF;
    v_keys := v_keys || v_fragment;
  END LOOP;
  v_sets := CASE cardinality(v_keys)
    WHEN 0 THEN '()'
    WHEN 1 THEN format('(%s), ()', v_keys[1])
    ELSE format('(%1$s, %2$s), (%1$s), (%2$s), ()', v_keys[1], v_keys[2])
  END;
  RETURN QUERY EXECUTE format($q$
    WITH f AS (
      SELECT o.case_id, o.agency_id, o.sex, o.nationality, o.ethnic_minority, o.domestic_abroad, %6$s AS province, o.exploitation_types, o.unit_key,
        (o.opened_at AT TIME ZONE $4)::date AS dated_on,
        coalesce(o.age_when_trafficked, extract(year FROM o.opened_at AT TIME ZONE $4)::int - o.birth_year, o.age_at_intake) AS age
      FROM case_opening_facts o
      WHERE o.country_code = $1 AND o.opened_at >= ($2::timestamp AT TIME ZONE $4) AND o.opened_at < (($3 + 1)::timestamp AT TIME ZONE $4)
    )
    SELECT ARRAY[%1$s]::text[], %2$s, (coalesce(%3$s, 0) %% 4294967296)::bigint
    FROM f %4$s
    GROUP BY GROUPING SETS (%5$s)
  $q$, array_to_string(v_keys, ', '), v_count, v_key_sum, v_exploitation, v_sets, v_province)
  USING v_country, p_from, p_to, p_time_zone;
END $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION case_opening_counts(date, date, jsonb, jsonb, text) TO seamless_app;
