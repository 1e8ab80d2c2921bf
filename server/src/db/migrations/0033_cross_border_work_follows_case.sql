-- A case handed over to another agency took its repatriations and referrals abroad only in name:
-- they stayed with the former owner, who could still act on them, while the new owner could
-- neither follow them nor stop them by withdrawing her consent. They now move with the case.
CREATE OR REPLACE FUNCTION accept_referral(p_referral_id uuid) RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public AS $$
DECLARE
	r referrals%ROWTYPE;
	k consents%ROWTYPE;
	v_former uuid;
BEGIN
	SELECT * INTO r FROM referrals WHERE id = p_referral_id FOR UPDATE;
	IF NOT FOUND OR app_user_id() IS NULL OR r.status <> 'pending' OR r.direction <> 'outgoing'
			OR r.to_agency_id IS DISTINCT FROM app_agency_id() THEN
		RAISE EXCEPTION 'referral acceptance not permitted' USING ERRCODE = 'insufficient_privilege';
	END IF;
	SELECT * INTO k FROM consents WHERE id = r.consent_id AND case_id = r.case_id;
	IF NOT FOUND THEN
		RETURN 'no_consent';
	ELSIF k.withdrawn_at IS NOT NULL THEN
		RETURN 'consent_withdrawn';
	ELSIF k.expires_on IS NOT NULL AND k.expires_on < current_date THEN
		RETURN 'consent_expired';
	END IF;
	IF r.kind = 'referral' THEN
		INSERT INTO case_access (case_id, agency_id, kind, sections, consent_id, purpose, granted_at, granted_by)
		VALUES (r.case_id, r.to_agency_id, 'referral', r.sections, r.consent_id, k.purpose, now(), app_user_id())
		ON CONFLICT (case_id, agency_id) DO UPDATE SET kind = 'referral', sections = EXCLUDED.sections,
			consent_id = EXCLUDED.consent_id, purpose = EXCLUDED.purpose, granted_at = EXCLUDED.granted_at,
			granted_by = EXCLUDED.granted_by, revoked_at = NULL;
	ELSE
		SELECT owner_agency_id INTO v_former FROM cases WHERE id = r.case_id FOR UPDATE;
		IF v_former IS DISTINCT FROM r.from_agency_id THEN
			RAISE EXCEPTION 'the case changed hands since the offer' USING ERRCODE = 'insufficient_privilege';
		END IF;
		UPDATE cases SET owner_agency_id = r.to_agency_id, owner_user_id = app_user_id(), version = version + 1, updated_at = now()
			WHERE id = r.case_id;
		-- What the case has under way with partner countries is the owner's to carry on, or to stop
		-- when she withdraws her consent: it moves with the case (issue 12).
		UPDATE repatriations SET agency_id = r.to_agency_id, updated_at = now() WHERE case_id = r.case_id AND agency_id = v_former;
		UPDATE cross_border_referrals SET agency_id = r.to_agency_id, updated_at = now() WHERE case_id = r.case_id AND agency_id = v_former;
		-- The new owner reaches everything as owner; a share it held before is history now.
		UPDATE case_access SET revoked_at = now() WHERE case_id = r.case_id AND agency_id = r.to_agency_id AND revoked_at IS NULL;
		IF cardinality(r.sections) > 0 THEN
			INSERT INTO case_access (case_id, agency_id, kind, sections, consent_id, purpose, granted_at, granted_by)
			VALUES (r.case_id, v_former, 'referral', r.sections, r.consent_id, k.purpose, now(), app_user_id())
			ON CONFLICT (case_id, agency_id) DO UPDATE SET kind = 'referral', sections = EXCLUDED.sections,
				consent_id = EXCLUDED.consent_id, purpose = EXCLUDED.purpose, granted_at = EXCLUDED.granted_at,
				granted_by = EXCLUDED.granted_by, revoked_at = NULL;
		ELSE
			UPDATE case_access SET revoked_at = now() WHERE case_id = r.case_id AND agency_id = v_former AND revoked_at IS NULL;
		END IF;
	END IF;
	UPDATE referrals SET status = 'accepted', answered_by = app_user_id(), answered_at = now(), updated_at = now()
		WHERE id = p_referral_id;
	RETURN NULL;
END $$;


--> statement-breakpoint
-- Those already left behind by a transfer go to the case's owner now.
UPDATE repatriations p SET agency_id = c.owner_agency_id, updated_at = now()
FROM cases c WHERE c.id = p.case_id AND p.agency_id <> c.owner_agency_id;
--> statement-breakpoint
UPDATE cross_border_referrals x SET agency_id = c.owner_agency_id, updated_at = now()
FROM cases c WHERE c.id = x.case_id AND x.agency_id <> c.owner_agency_id;
