-- Shelters (DESIGN.md §2 step 4): facilities an agency runs, their units and beds, and the
-- placements of people in them. A facility's name, type and province are known to every signed-in
-- user (so that a case manager can find a bed); its address and phone are confidential, kept in
-- their own table that only the owning agency reads. Placements belong to the case's `shelter`
-- section; everyone else sees beds counted, never who is in them.
CREATE TABLE shelter_facilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  country_code char(2) NOT NULL REFERENCES countries(code),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('government_protection_centre', 'ngo_shelter', 'transit_shelter', 'children_home')),
  province text NOT NULL,
  district text,
  serves_sexes text[] NOT NULL CHECK (serves_sexes <@ ARRAY['female', 'male'] AND cardinality(serves_sexes) > 0),
  serves_age_groups text[] NOT NULL CHECK (serves_age_groups <@ ARRAY['child', 'adult'] AND cardinality(serves_age_groups) > 0),
  serves_families boolean NOT NULL DEFAULT false,
  special_needs_capacity integer NOT NULL DEFAULT 0 CHECK (special_needs_capacity BETWEEN 0 AND 1000),
  -- Null: the country's reflection and recovery period (Thailand 45 days).
  stay_limit_days integer CHECK (stay_limit_days BETWEEN 1 AND 730),
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX shelter_facilities_agency_idx ON shelter_facilities (agency_id);
--> statement-breakpoint
CREATE INDEX shelter_facilities_country_idx ON shelter_facilities (country_code, province);
--> statement-breakpoint
-- Where the shelter is and how to call it: traffickers look for the people who escaped them.
-- One row per facility, keyed by the facility's id (ciphertexts are bound to their row's id).
CREATE TABLE shelter_facility_contacts (
  id uuid PRIMARY KEY REFERENCES shelter_facilities(id),
  address_enc text,
  phone_enc text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE shelter_units (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  facility_id uuid NOT NULL REFERENCES shelter_facilities(id),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('room', 'dormitory', 'family_unit')),
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'any')),
  age_group text NOT NULL CHECK (age_group IN ('child', 'adult', 'family')),
  beds integer NOT NULL CHECK (beds BETWEEN 1 AND 500),
  special_needs boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'family_unit') = (age_group = 'family'))
);
--> statement-breakpoint
CREATE INDEX shelter_units_facility_idx ON shelter_units (facility_id);
--> statement-breakpoint
-- One stay in one unit. A transfer ends one placement and opens the next in the same transaction;
-- sex and age group are copied at admission so beds are counted without reading the case.
CREATE TABLE shelter_placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases(id),
  facility_id uuid NOT NULL REFERENCES shelter_facilities(id),
  unit_id uuid NOT NULL REFERENCES shelter_units(id),
  -- The facility's agency, which hosts her: its staff read the placement through the case's shelter section.
  agency_id uuid NOT NULL REFERENCES agencies(id),
  bed text,
  resident_sex text NOT NULL CHECK (resident_sex IN ('female', 'male', 'other')),
  resident_age_group text NOT NULL CHECK (resident_age_group IN ('child', 'adult')),
  special_needs boolean NOT NULL DEFAULT false,
  admitted_on date NOT NULL,
  -- First day of the continuous stay (kept across transfers): the stay limit counts from it.
  stay_started_on date NOT NULL,
  stay_limit_on date NOT NULL,
  reflection_starts_on date,
  reflection_ends_on date,
  expected_leave_on date,
  ended_on date,
  end_kind text CHECK (end_kind IN ('transfer', 'discharge')),
  discharge_destination text CHECK (discharge_destination IN ('home_community', 'another_shelter', 'repatriation', 'independent_living', 'absconded', 'other')),
  discharge_note_enc text,
  previous_placement_id uuid REFERENCES shelter_placements(id),
  override_rules text[] NOT NULL DEFAULT '{}',
  override_reason_enc text,
  stay_limit_task_id uuid REFERENCES case_tasks(id),
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_by_agency_id uuid NOT NULL REFERENCES agencies(id) DEFAULT app_agency_id(),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((ended_on IS NULL) = (end_kind IS NULL)),
  CHECK ((end_kind = 'discharge') = (discharge_destination IS NOT NULL)),
  CHECK (ended_on IS NULL OR ended_on >= admitted_on),
  CHECK (cardinality(override_rules) = 0 OR override_reason_enc IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX shelter_placements_one_current_idx ON shelter_placements (case_id) WHERE ended_on IS NULL;
--> statement-breakpoint
CREATE INDEX shelter_placements_unit_current_idx ON shelter_placements (unit_id) WHERE ended_on IS NULL;
--> statement-breakpoint
CREATE INDEX shelter_placements_agency_current_idx ON shelter_placements (agency_id) WHERE ended_on IS NULL;
--> statement-breakpoint
-- The agency may host a person of this case: it owns the case or holds its shelter section.
CREATE FUNCTION agency_hosts_case(p_agency_id uuid, p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND c.owner_agency_id = p_agency_id)
    OR agency_granted_case(p_agency_id, p_case_id, 'shelter')
$$;
--> statement-breakpoint
-- The actor's agency may change a placement of this case: it owns the case or holds its shelter section.
CREATE FUNCTION app_places_case(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_agency_id() IS NOT NULL AND agency_hosts_case(app_agency_id(), p_case_id)
$$;
--> statement-breakpoint
-- Beds taken per unit, by sex and age group, with how many stays reach their limit within a week:
-- counts only, never a case, so every signed-in user may see where there is room.
CREATE FUNCTION shelter_occupancy(p_today date)
RETURNS TABLE (unit_id uuid, resident_sex text, resident_age_group text, occupied integer, limit_soon integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.unit_id, p.resident_sex, p.resident_age_group, count(*)::int,
    count(*) FILTER (WHERE p.stay_limit_on <= p_today + 7)::int
  FROM shelter_placements p
  WHERE p.ended_on IS NULL AND app_user_id() IS NOT NULL
  GROUP BY p.unit_id, p.resident_sex, p.resident_age_group
$$;
--> statement-breakpoint
-- Beds taken in one unit, for the full-unit rule: the actor may not read the others' placements.
CREATE FUNCTION shelter_unit_occupied(p_unit_id uuid) RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT count(*)::int FROM shelter_placements p WHERE p.unit_id = p_unit_id AND p.ended_on IS NULL AND app_user_id() IS NOT NULL
$$;
--> statement-breakpoint
-- Whether a case already has a current placement anywhere (no double placement), without revealing where.
CREATE FUNCTION shelter_case_placed(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_user_id() IS NOT NULL AND EXISTS (SELECT 1 FROM shelter_placements p WHERE p.case_id = p_case_id AND p.ended_on IS NULL)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION agency_hosts_case(uuid, uuid), app_places_case(uuid), shelter_occupancy(date), shelter_unit_occupied(uuid), shelter_case_placed(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION agency_hosts_case(uuid, uuid), app_places_case(uuid), shelter_occupancy(date), shelter_unit_occupied(uuid), shelter_case_placed(uuid) TO seamless_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON shelter_facilities, shelter_facility_contacts, shelter_units, shelter_placements TO seamless_app;
--> statement-breakpoint
ALTER TABLE shelter_facilities ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shelter_facilities_read ON shelter_facilities FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY shelter_facilities_insert ON shelter_facilities FOR INSERT TO seamless_app WITH CHECK (agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY shelter_facilities_update ON shelter_facilities FOR UPDATE TO seamless_app
  USING (agency_id = app_agency_id()) WITH CHECK (agency_id = app_agency_id());
--> statement-breakpoint
ALTER TABLE shelter_facility_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shelter_facility_contacts_own ON shelter_facility_contacts FOR ALL TO seamless_app
  USING (EXISTS (SELECT 1 FROM shelter_facilities f WHERE f.id = shelter_facility_contacts.id AND f.agency_id = app_agency_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM shelter_facilities f WHERE f.id = shelter_facility_contacts.id AND f.agency_id = app_agency_id()));
--> statement-breakpoint
ALTER TABLE shelter_units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shelter_units_read ON shelter_units FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY shelter_units_insert ON shelter_units FOR INSERT TO seamless_app
  WITH CHECK (EXISTS (SELECT 1 FROM shelter_facilities f WHERE f.id = facility_id AND f.agency_id = app_agency_id()));
--> statement-breakpoint
CREATE POLICY shelter_units_update ON shelter_units FOR UPDATE TO seamless_app
  USING (EXISTS (SELECT 1 FROM shelter_facilities f WHERE f.id = facility_id AND f.agency_id = app_agency_id()))
  WITH CHECK (EXISTS (SELECT 1 FROM shelter_facilities f WHERE f.id = facility_id AND f.agency_id = app_agency_id()));
--> statement-breakpoint
ALTER TABLE shelter_placements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY shelter_placements_read ON shelter_placements FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, recorded_by_agency_id)
    AND (app_owns_case(case_id) OR agency_granted_case(app_agency_id(), case_id, 'shelter') OR app_break_glass(case_id)));
--> statement-breakpoint
-- The placing agency owns the case or holds its shelter section, and so does the hosting agency.
CREATE POLICY shelter_placements_insert ON shelter_placements FOR INSERT TO seamless_app
  WITH CHECK (recorded_by_agency_id = app_agency_id() AND app_places_case(case_id) AND agency_hosts_case(agency_id, case_id)
    AND EXISTS (SELECT 1 FROM shelter_facilities f WHERE f.id = facility_id AND f.agency_id = shelter_placements.agency_id));
--> statement-breakpoint
CREATE POLICY shelter_placements_update ON shelter_placements FOR UPDATE TO seamless_app
  USING (app_places_case(case_id)) WITH CHECK (app_places_case(case_id));
