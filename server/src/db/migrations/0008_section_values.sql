-- Answers to country-form fields of the identity section (e.g. Thailand's ID-card and pink-card
-- numbers) are identity data: they are kept apart from the other answers, as one AES-GCM
-- ciphertext of their JSON object, and `form_answers` holds the other sections' answers only.
-- No production instance holds form answers yet and the demo seed writes none, so there is no
-- clear identity answer to move.
ALTER TABLE cases ADD COLUMN form_identity_enc text;
--> statement-breakpoint
-- What other agencies do with a case is its owner's business: an agency administrator's trail
-- shows the events of the agency's own people, and every event whose resource is a case the
-- agency owns (another agency's reads, refusals, changes) — nothing else of other agencies.
CREATE FUNCTION app_audit_about_own_case(p_resource_type text, p_resource_id text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
  SELECT p_resource_type = 'case'
    AND p_resource_id ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    AND EXISTS (SELECT 1 FROM cases c WHERE c.id = p_resource_id::uuid AND c.owner_agency_id = app_agency_id())
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_audit_about_own_case(text, text) TO seamless_app;
--> statement-breakpoint
DROP POLICY audit_read ON audit_events;
--> statement-breakpoint
CREATE POLICY audit_read ON audit_events FOR SELECT TO seamless_app USING (
  app_has_scope('audit_all')
  OR (app_has_scope('audit_agency') AND (actor_agency_id = app_agency_id() OR app_audit_about_own_case(resource_type, resource_id))));
