-- Why a referral no longer holds (null: it holds): the consent it relied on was withdrawn or ran
-- past its last day, or the owner revoked the share its acceptance opened. Decided at every read,
-- as `agency_granted_case` decides access, so a consent that lapses by date ends the referral's
-- text for the receiver at the same moment as its access, without anyone acting. The receiver
-- cannot read the consent or the share; this answers only on a referral the caller's agency sees.
CREATE FUNCTION app_referral_consent_end(p_referral_id uuid) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
	SELECT CASE
		WHEN k.withdrawn_at IS NOT NULL THEN 'consent_withdrawn'
		WHEN k.expires_on IS NOT NULL AND k.expires_on < current_date THEN 'consent_expired'
		WHEN r.kind = 'referral' AND r.status IN ('accepted', 'completed', 'closed')
			AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = r.case_id AND c.owner_agency_id = r.to_agency_id)
			AND NOT EXISTS (SELECT 1 FROM case_access a
				WHERE a.case_id = r.case_id AND a.agency_id = r.to_agency_id AND a.revoked_at IS NULL)
			THEN 'share_revoked'
	END
	FROM referrals r
	JOIN consents k ON k.id = r.consent_id AND k.case_id = r.case_id
	WHERE r.id = p_referral_id AND r.direction = 'outgoing'
		AND (r.from_agency_id = app_agency_id() OR r.to_agency_id = app_agency_id() OR app_owns_case(r.case_id))
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_referral_consent_end(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_referral_consent_end(uuid) TO seamless_app;
--> statement-breakpoint
-- The receiver writes its answer or outcome only while the referral holds; the sender and the
-- owner still end it (withdraw, or close it when the person withdraws her consent).
DROP POLICY "referrals_update" ON "referrals";
--> statement-breakpoint
CREATE POLICY "referrals_update" ON "referrals" FOR UPDATE TO seamless_app
	USING (from_agency_id = app_agency_id() OR to_agency_id = app_agency_id() OR app_owns_case(case_id))
	WITH CHECK (from_agency_id = app_agency_id() OR app_owns_case(case_id)
		OR (to_agency_id = app_agency_id() AND app_referral_consent_end(id) IS NULL));
