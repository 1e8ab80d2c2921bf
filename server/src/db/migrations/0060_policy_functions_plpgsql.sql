-- Issue 15, the case list within 1.5 times its raw query: the read policies of cases, persons
-- and their parts call SECURITY DEFINER functions, which PostgreSQL never inlines. Written in
-- SQL, such a function is parsed and planned again in every statement that calls it, and a
-- function it calls is planned again on every call (PostgreSQL before 18 keeps an SQL
-- function's plan only for the statement that runs it). One person outside the reader's own
-- agency cost a list or a count about a quarter of a millisecond in plans made and thrown away.
-- In PL/pgSQL the same queries are planned once per connection and their plans kept.
--
-- The bodies are the SQL bodies as they stand (0001, 0003, 0006), word for word: who may read
-- what does not change, only where the plans live.
CREATE OR REPLACE FUNCTION app_owns_case(p_case_id uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND c.owner_agency_id = app_agency_id());
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_involved_in_case(p_case_id uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM case_access a
    LEFT JOIN consents k ON k.id = a.consent_id
    WHERE a.case_id = p_case_id AND a.agency_id = app_agency_id() AND a.revoked_at IS NULL
      -- Sharing that relies on a consent ends with it: withdrawn or past its expiry date.
      AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date))))
  OR EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND c.intake_by_agency_id = app_agency_id());
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_break_glass(p_case_id uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM break_glass_grants g
    WHERE g.case_id = p_case_id AND g.user_id = app_user_id() AND g.expires_at > now());
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_sees_case(p_case_id uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN app_owns_case(p_case_id) OR app_involved_in_case(p_case_id) OR app_break_glass(p_case_id);
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_sees_person(p_person_id uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM persons p WHERE p.id = p_person_id AND p.created_by_agency_id = app_agency_id())
    OR EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p_person_id AND app_sees_case(c.id));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_reads_case_part(p_case_id uuid, p_recorded_by uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN app_owns_case(p_case_id) OR agency_granted_case(app_agency_id(), p_case_id, NULL) OR app_break_glass(p_case_id)
    OR (p_recorded_by = app_agency_id() AND app_sees_case(p_case_id));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION agency_granted_case(p_agency_id uuid, p_case_id uuid, p_section text) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM case_access a
    LEFT JOIN consents k ON k.id = a.consent_id
    WHERE a.case_id = p_case_id AND a.agency_id = p_agency_id AND a.revoked_at IS NULL
      AND (p_section IS NULL OR p_section = ANY (a.sections))
      AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date))));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_holds_identity(p_person_id uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM cases c WHERE c.person_id = p_person_id
      AND (c.owner_agency_id = app_agency_id() OR agency_granted_case(app_agency_id(), c.id, 'identity') OR app_break_glass(c.id)));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_reads_identity(p_person_id uuid, p_recorded_by uuid) RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN app_holds_identity(p_person_id) OR (p_recorded_by = app_agency_id() AND app_sees_person(p_person_id));
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user_display_name(p_user_id uuid) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  RETURN (SELECT display_name FROM users WHERE id = p_user_id AND app_user_id() IS NOT NULL);
END
$$;
