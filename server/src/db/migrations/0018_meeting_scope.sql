-- An active referral or consent-based share of the case to the actor's agency that opens at least
-- one section: more than the pseudonym.
CREATE FUNCTION app_shares_case_section(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM case_access a
    LEFT JOIN consents k ON k.id = a.consent_id
    WHERE a.case_id = p_case_id AND a.agency_id = app_agency_id() AND a.revoked_at IS NULL
      AND cardinality(a.sections) > 0
      AND (k.id IS NULL OR (k.withdrawn_at IS NULL AND (k.expires_on IS NULL OR k.expires_on >= current_date))))
$$;
--> statement-breakpoint
-- The actor's agency reaches the case beyond its pseudonym: it owns the case, took its intake,
-- holds at least one section through an active referral or consent-based share, or the actor's
-- emergency access runs. Free text (notes) may carry a name, so it stops short of anyone else.
CREATE FUNCTION app_holds_case_section(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT app_owns_case(p_case_id) OR app_break_glass(p_case_id)
    OR EXISTS (SELECT 1 FROM cases c WHERE c.id = p_case_id AND c.intake_by_agency_id = app_agency_id())
    OR app_shares_case_section(p_case_id)
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_shares_case_section(uuid), app_holds_case_section(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_shares_case_section(uuid), app_holds_case_section(uuid) TO seamless_app;
--> statement-breakpoint
DROP POLICY case_comments_read ON case_comments;
--> statement-breakpoint
CREATE POLICY case_comments_read ON case_comments FOR SELECT TO seamless_app
  USING (app_reads_case_part(case_id, author_agency_id) AND app_holds_case_section(case_id));
--> statement-breakpoint
-- Only the owner or an agency holding a section through a share puts a case on an agenda: a
-- pseudonym-only agency would otherwise show the case's reference and owner to every attendee.
DROP POLICY case_meeting_items_insert ON case_meeting_items;
--> statement-breakpoint
CREATE POLICY case_meeting_items_insert ON case_meeting_items FOR INSERT TO seamless_app
  WITH CHECK (app_sees_meeting(meeting_id) AND (app_owns_case(case_id) OR app_shares_case_section(case_id))
    AND added_by_agency_id = app_agency_id()
    AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_id AND c.reference = case_reference AND c.owner_agency_id = case_agency_id));
