-- Service directory (DESIGN.md §2 step 7): who does what, where, in which language, and whom to call.
-- It holds no victim data, so every signed-in user reads it. Writing takes `directory:manage`:
-- an agency's own organisation for agency administrators (scope directory_manage), any
-- organisation for those who keep the whole directory (scope directory_any).
CREATE TABLE directory_organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id uuid REFERENCES agencies(id),
  name text NOT NULL,
  local_name text,
  organisation_type text NOT NULL,
  country_code char(2) NOT NULL,
  province text,
  district text,
  address text,
  website text,
  hours text,
  languages text[] NOT NULL DEFAULT '{}',
  notes text,
  active boolean NOT NULL DEFAULT true,
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- A tenant agency appears once: referrals to it resolve to one organisation.
CREATE UNIQUE INDEX directory_organisations_agency_idx ON directory_organisations (agency_id) WHERE agency_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX directory_organisations_search_trgm ON directory_organisations USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE directory_services (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES directory_organisations(id),
  service_area text NOT NULL,
  description text NOT NULL,
  local_description text,
  coverage_provinces text[] NOT NULL DEFAULT '{}',
  coverage_districts text[] NOT NULL DEFAULT '{}',
  target_sexes text[] NOT NULL DEFAULT '{}',
  min_age integer,
  max_age integer,
  nationalities text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  hours text,
  capacity_note text,
  cost_note text,
  active boolean NOT NULL DEFAULT true,
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT directory_services_ages CHECK (min_age IS NULL OR max_age IS NULL OR min_age <= max_age)
);
--> statement-breakpoint
CREATE INDEX directory_services_organisation_idx ON directory_services (organisation_id);
--> statement-breakpoint
CREATE INDEX directory_services_search_trgm ON directory_services USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE TABLE directory_contacts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES directory_organisations(id),
  name text NOT NULL,
  position text,
  phone text,
  email text,
  line_id text,
  whatsapp text,
  wechat text,
  viber text,
  telegram text,
  languages text[] NOT NULL DEFAULT '{}',
  last_verified_on date,
  verified_by uuid REFERENCES users(id),
  search_text text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX directory_contacts_organisation_idx ON directory_contacts (organisation_id);
--> statement-breakpoint
CREATE INDEX directory_contacts_search_trgm ON directory_contacts USING gin (search_text gin_trgm_ops);
--> statement-breakpoint
CREATE FUNCTION app_manages_directory_agency(p_agency_id uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT app_has_scope('directory_any')
    OR (app_has_scope('directory_manage') AND p_agency_id IS NOT NULL AND p_agency_id = app_agency_id())
$$;
--> statement-breakpoint
-- Services and contacts follow their organisation's rule; the definer reads the organisation's agency.
CREATE FUNCTION app_manages_directory_organisation(p_organisation_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM directory_organisations o WHERE o.id = p_organisation_id AND app_manages_directory_agency(o.agency_id))
$$;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON directory_organisations, directory_services, directory_contacts TO seamless_app;
--> statement-breakpoint
GRANT DELETE ON directory_contacts TO seamless_app;
--> statement-breakpoint
ALTER TABLE directory_organisations ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE directory_services ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE directory_contacts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY directory_organisations_read ON directory_organisations FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY directory_organisations_insert ON directory_organisations FOR INSERT TO seamless_app WITH CHECK (app_manages_directory_agency(agency_id));
--> statement-breakpoint
CREATE POLICY directory_organisations_update ON directory_organisations FOR UPDATE TO seamless_app USING (app_manages_directory_agency(agency_id)) WITH CHECK (app_manages_directory_agency(agency_id));
--> statement-breakpoint
CREATE POLICY directory_services_read ON directory_services FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY directory_services_insert ON directory_services FOR INSERT TO seamless_app WITH CHECK (app_manages_directory_organisation(organisation_id));
--> statement-breakpoint
CREATE POLICY directory_services_update ON directory_services FOR UPDATE TO seamless_app USING (app_manages_directory_organisation(organisation_id)) WITH CHECK (app_manages_directory_organisation(organisation_id));
--> statement-breakpoint
CREATE POLICY directory_contacts_read ON directory_contacts FOR SELECT TO seamless_app USING (app_user_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY directory_contacts_insert ON directory_contacts FOR INSERT TO seamless_app WITH CHECK (app_manages_directory_organisation(organisation_id));
--> statement-breakpoint
CREATE POLICY directory_contacts_update ON directory_contacts FOR UPDATE TO seamless_app USING (app_manages_directory_organisation(organisation_id)) WITH CHECK (app_manages_directory_organisation(organisation_id));
--> statement-breakpoint
CREATE POLICY directory_contacts_delete ON directory_contacts FOR DELETE TO seamless_app USING (app_manages_directory_organisation(organisation_id));
