-- Referrals across a border (issue 12): one service asked of a partner country without a
-- repatriation, as each side holds it. Like a repatriation, it belongs to the agency that sent it
-- or that receives for its partner, and nobody else reads it.
CREATE TABLE "cross_border_referrals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"side" text NOT NULL CHECK ("side" IN ('sending', 'receiving')),
	"partner_id" uuid NOT NULL REFERENCES "partner_instances"("id"),
	"agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"case_id" uuid REFERENCES "cases"("id"),
	"sending_case_reference" text NOT NULL,
	"service_area" text NOT NULL,
	"urgency" text NOT NULL CHECK ("urgency" IN ('routine', 'urgent', 'emergency')),
	"status" text NOT NULL CHECK ("status" IN ('sent', 'accepted', 'declined', 'completed', 'withdrawn')),
	"sections" text[] NOT NULL,
	"consent" jsonb NOT NULL,
	"consent_withdrawn_at" timestamp with time zone,
	"content_enc" text NOT NULL,
	"sent_sequence" integer DEFAULT 0 NOT NULL,
	"sent_by" uuid REFERENCES "users"("id"),
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CHECK (("side" = 'sending') = ("case_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX "cross_border_referrals_agency_idx" ON "cross_border_referrals" ("agency_id", "updated_at");
--> statement-breakpoint
CREATE INDEX "cross_border_referrals_case_idx" ON "cross_border_referrals" ("case_id");
--> statement-breakpoint
ALTER TABLE "cross_border_referrals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "cross_border_referrals" TO seamless_app;
--> statement-breakpoint
CREATE POLICY "cross_border_referrals_read" ON "cross_border_referrals" FOR SELECT TO seamless_app USING (agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY "cross_border_referrals_insert" ON "cross_border_referrals" FOR INSERT TO seamless_app WITH CHECK (agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY "cross_border_referrals_update" ON "cross_border_referrals" FOR UPDATE TO seamless_app
	USING (agency_id = app_agency_id()) WITH CHECK (agency_id = app_agency_id());
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN ('referral_received', 'referral_accepted', 'referral_declined', 'referral_withdrawn', 'transfer_offered', 'transfer_accepted', 'follow_up_visit_due', 'follow_up_visit_missed', 'admission_ending', 'stay_limit_reached', 'assessment_risk', 'meeting_invited', 'meeting_action_assigned', 'directory_contact_unverified', 'task_due', 'packet_rejected', 'repatriation_received', 'repatriation_updated', 'cross_border_referral_received', 'cross_border_referral_updated'));
--> statement-breakpoint
-- Withdrawing consent stops what has not left yet, for referrals as for repatriations: the
-- packets of the referral still waiting (or turned away) are cancelled and their sealed content
-- dropped, for the agency holding it only. The withdrawal packet itself is not among them.
CREATE FUNCTION cancel_cross_border_referral_packets(p_referral_id uuid) RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public AS $$
DECLARE
  cancelled integer;
BEGIN
  UPDATE federation_outbox o SET status = 'cancelled', sealed = '', last_error = 'consent_withdrawn', lease_until = NULL, settled_at = now()
  WHERE o.thread_id = p_referral_id AND o.status IN ('pending', 'rejected') AND o.kind <> 'consent_withdrawal'
    AND EXISTS (SELECT 1 FROM cross_border_referrals r WHERE r.id = p_referral_id AND r.partner_id = o.partner_id
      AND r.agency_id = app_agency_id());
  GET DIAGNOSTICS cancelled = ROW_COUNT;
  RETURN cancelled;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cancel_cross_border_referral_packets(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cancel_cross_border_referral_packets(uuid) TO seamless_app;
