-- Referrals and transfers of case ownership (issue 11). One row per referral of a case (or of one
-- service need of it) from the owner agency to another agency on this instance, per offer to hand
-- the case over, and per referral recorded from or to an organisation outside the platform.
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL REFERENCES "cases"("id"),
	"kind" text DEFAULT 'referral' NOT NULL,
	"direction" text DEFAULT 'outgoing' NOT NULL,
	"from_agency_id" uuid REFERENCES "agencies"("id"),
	"to_agency_id" uuid REFERENCES "agencies"("id"),
	"external_organisation" text,
	"external_case_worker" text,
	"directory_organisation_id" uuid REFERENCES "directory_organisations"("id"),
	"directory_service_id" uuid REFERENCES "directory_services"("id"),
	"service_area" text,
	"consent_id" uuid REFERENCES "consents"("id"),
	"sections" text[] DEFAULT '{}' NOT NULL,
	"reason" text NOT NULL,
	"details_enc" text,
	"urgency" text DEFAULT 'routine' NOT NULL,
	"referred_on" date NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'pending' NOT NULL,
	"case_reference" text NOT NULL,
	"pseudonym" text NOT NULL,
	"country_code" text NOT NULL,
	"recorded_by_agency_id" uuid DEFAULT app_agency_id() NOT NULL REFERENCES "agencies"("id"),
	"sent_by" uuid REFERENCES "users"("id"),
	"answered_by" uuid REFERENCES "users"("id"),
	"answered_at" timestamp with time zone,
	"decline_reason" text,
	"outcome" text,
	"finished_by" uuid REFERENCES "users"("id"),
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_kind_check" CHECK (kind IN ('referral', 'transfer')),
	CONSTRAINT "referrals_direction_check" CHECK (direction IN ('outgoing', 'incoming')),
	CONSTRAINT "referrals_urgency_check" CHECK (urgency IN ('routine', 'urgent', 'emergency')),
	CONSTRAINT "referrals_status_check" CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn', 'completed', 'closed')),
	-- A referral between agencies on the platform names both; one with an outside organisation names it.
	CONSTRAINT "referrals_parties_check" CHECK (
		(from_agency_id IS NOT NULL AND to_agency_id IS NOT NULL AND external_organisation IS NULL)
		OR (external_organisation IS NOT NULL AND kind = 'referral')),
	CONSTRAINT "referrals_declined_check" CHECK (status <> 'declined' OR decline_reason IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" ("case_id", "created_at" DESC);
--> statement-breakpoint
CREATE INDEX "referrals_to_idx" ON "referrals" ("to_agency_id", "status", "due_on");
--> statement-breakpoint
CREATE INDEX "referrals_from_idx" ON "referrals" ("from_agency_id", "status");
--> statement-breakpoint
-- One open offer to hand a case over at a time.
CREATE UNIQUE INDEX "referrals_pending_transfer_idx" ON "referrals" ("case_id") WHERE kind = 'transfer' AND status = 'pending';
--> statement-breakpoint
ALTER TABLE "referrals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "referrals" TO seamless_app;
--> statement-breakpoint
-- The two parties see a referral; the owner of the case sees every referral made of it (including
-- those its former owner made before a transfer). Nobody else learns a case was referred.
CREATE POLICY "referrals_read" ON "referrals" FOR SELECT TO seamless_app
	USING (from_agency_id = app_agency_id() OR to_agency_id = app_agency_id() OR app_owns_case(case_id));
--> statement-breakpoint
CREATE POLICY "referrals_insert" ON "referrals" FOR INSERT TO seamless_app
	WITH CHECK (app_owns_case(case_id) AND recorded_by_agency_id = app_agency_id()
		AND (from_agency_id IS NULL OR from_agency_id = app_agency_id()));
--> statement-breakpoint
CREATE POLICY "referrals_update" ON "referrals" FOR UPDATE TO seamless_app
	USING (from_agency_id = app_agency_id() OR to_agency_id = app_agency_id() OR app_owns_case(case_id))
	WITH CHECK (from_agency_id = app_agency_id() OR to_agency_id = app_agency_id() OR app_owns_case(case_id));
--> statement-breakpoint
-- The receiving agency writes its answer on the sender's timeline even when it does not (yet, or
-- any more) work on the case: a declined referral leaves it outside.
CREATE FUNCTION app_referred_case(p_case_id uuid) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = public AS $$
	SELECT EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = p_case_id AND r.to_agency_id = app_agency_id())
$$;
--> statement-breakpoint
CREATE POLICY "case_events_insert_referral" ON "case_events" FOR INSERT TO seamless_app
	WITH CHECK (kind LIKE 'referral.%' AND actor_agency_id = app_agency_id() AND actor_user_id = app_user_id() AND app_referred_case(case_id));
--> statement-breakpoint
-- Accepting opens the case to the receiver (a referral: the referred sections, on the consent, so
-- withdrawing the consent revokes it as for any share) or hands it over (a transfer: the receiver
-- owns it, the former owner keeps the sections the offer named, on the consent, or nothing). The
-- receiver does not own the case and so cannot write case_access or cases itself; this function
-- checks that the actor's agency is the one asked. It answers why the consent no longer holds
-- (null: accepted), since the receiver cannot read the consent itself.
CREATE FUNCTION accept_referral(p_referral_id uuid) RETURNS text LANGUAGE plpgsql VOLATILE SECURITY DEFINER
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
REVOKE ALL ON FUNCTION app_referred_case(uuid), accept_referral(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_referred_case(uuid), accept_referral(uuid) TO seamless_app;
