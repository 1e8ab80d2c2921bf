-- A notice names its case; a named recipient must hold the kind's acting permission just as
-- every recipient of an agency-wide notice does, so nobody learns of a case through a notice
-- she could not open.
CREATE OR REPLACE FUNCTION app_notify(p_kind text, p_agency_id uuid, p_user_id uuid, p_permission text, p_case_id uuid,
  p_subject_id uuid, p_due_on date, p_once_key text) RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public AS $$
DECLARE
  written integer;
BEGIN
  IF current_user = 'seamless_app' AND app_user_id() IS NULL THEN
    RAISE EXCEPTION 'notify needs a signed-in actor' USING ERRCODE = '42501';
  END IF;
  INSERT INTO notifications (kind, agency_id, user_id, case_id, subject_id, due_on, once_key)
  SELECT p_kind, u.agency_id, u.id, p_case_id, p_subject_id, p_due_on, p_once_key
  FROM users u
  WHERE u.agency_id = p_agency_id AND u.active
    AND (p_user_id IS NULL OR u.id = p_user_id)
    AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
      WHERE ur.user_id = u.id AND p_permission = ANY (r.permissions))
  ON CONFLICT (user_id, once_key) WHERE once_key IS NOT NULL DO NOTHING;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END $$;
