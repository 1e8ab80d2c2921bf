-- Federation between country instances (issue 12, DESIGN.md §5): the partners this instance
-- trusts, a transactional outbox and inbox of signed and encrypted packets, the packets turned
-- away, and repatriations as each side holds them.
--
-- Partners and deliveries are instance business: the federation admin scope reads and changes
-- them. A partner's name and country are shown to anyone choosing where to send a case; its keys
-- are public keys. Packets are written by the commands that send them (in the same transaction as
-- the change they report, which is what makes the outbox transactional) and delivered by the
-- server's own runner, outside row-level security.
CREATE TABLE "partner_instances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" text NOT NULL UNIQUE,
	"country_code" text NOT NULL,
	"name" text NOT NULL,
	"endpoint" text NOT NULL,
	"signing_key" jsonb NOT NULL,
	"encryption_key" jsonb NOT NULL,
	"fingerprint" text NOT NULL UNIQUE,
	"status" text DEFAULT 'active' NOT NULL CHECK ("status" IN ('active', 'suspended', 'revoked')),
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"receiving_agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"registered_by" uuid REFERENCES "users"("id"),
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "federation_outbox" (
	"packet_id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL REFERENCES "partner_instances"("id"),
	"kind" text NOT NULL,
	"thread_id" uuid NOT NULL,
	"sequence" integer NOT NULL CHECK ("sequence" > 0),
	"sealed" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL CHECK ("status" IN ('pending', 'delivered', 'refused', 'rejected', 'cancelled')),
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"receipt" text,
	"via" text CHECK ("via" IN ('push', 'file')),
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	UNIQUE ("partner_id", "thread_id", "sequence")
);
--> statement-breakpoint
CREATE INDEX "federation_outbox_due_idx" ON "federation_outbox" ("next_attempt_at") WHERE "status" = 'pending';
--> statement-breakpoint
CREATE TABLE "federation_inbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partner_id" uuid NOT NULL REFERENCES "partner_instances"("id"),
	"kind" text NOT NULL,
	"thread_id" uuid NOT NULL,
	"sequence" integer NOT NULL CHECK ("sequence" > 0),
	"content_enc" text NOT NULL,
	"status" text NOT NULL CHECK ("status" IN ('waiting', 'applied', 'refused')),
	"refusal" text,
	"via" text NOT NULL CHECK ("via" IN ('push', 'file')),
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	UNIQUE ("partner_id", "thread_id", "sequence")
);
--> statement-breakpoint
CREATE TABLE "federation_rejections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"partner_id" uuid REFERENCES "partner_instances"("id"),
	"packet_id" text,
	"via" text NOT NULL CHECK ("via" IN ('push', 'file'))
);
--> statement-breakpoint
CREATE TABLE "repatriations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"side" text NOT NULL CHECK ("side" IN ('sending', 'receiving')),
	"partner_id" uuid NOT NULL REFERENCES "partner_instances"("id"),
	"agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"case_id" uuid REFERENCES "cases"("id"),
	"sending_case_reference" text NOT NULL,
	"status" text NOT NULL,
	"sections" text[] NOT NULL,
	"consent" jsonb NOT NULL,
	"consent_withdrawn_at" timestamp with time zone,
	"content_enc" text NOT NULL,
	"proposed_date" date,
	"handover_date" date,
	"sent_sequence" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid REFERENCES "users"("id"),
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "repatriations_agency_idx" ON "repatriations" ("agency_id", "updated_at");
--> statement-breakpoint
CREATE INDEX "repatriations_case_idx" ON "repatriations" ("case_id");
--> statement-breakpoint
ALTER TABLE "partner_instances" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "federation_outbox" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "federation_inbox" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "federation_rejections" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "repatriations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "partner_instances" TO seamless_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "federation_outbox" TO seamless_app;
--> statement-breakpoint
GRANT SELECT ON "federation_inbox", "federation_rejections" TO seamless_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "repatriations" TO seamless_app;
--> statement-breakpoint
CREATE POLICY "partner_instances_read" ON "partner_instances" FOR SELECT TO seamless_app USING (true);
--> statement-breakpoint
CREATE POLICY "partner_instances_insert" ON "partner_instances" FOR INSERT TO seamless_app WITH CHECK (app_has_scope('federation_admin'));
--> statement-breakpoint
CREATE POLICY "partner_instances_update" ON "partner_instances" FOR UPDATE TO seamless_app
	USING (app_has_scope('federation_admin')) WITH CHECK (app_has_scope('federation_admin'));
--> statement-breakpoint
-- A packet enters the outbox with the change it reports, written by the acting user's own agency work.
CREATE POLICY "federation_outbox_insert" ON "federation_outbox" FOR INSERT TO seamless_app
	WITH CHECK (created_by = app_user_id() AND status = 'pending' AND attempts = 0);
--> statement-breakpoint
CREATE POLICY "federation_outbox_read" ON "federation_outbox" FOR SELECT TO seamless_app USING (app_has_scope('federation_admin'));
--> statement-breakpoint
CREATE POLICY "federation_outbox_update" ON "federation_outbox" FOR UPDATE TO seamless_app
	USING (app_has_scope('federation_admin')) WITH CHECK (app_has_scope('federation_admin'));
--> statement-breakpoint
CREATE POLICY "federation_inbox_read" ON "federation_inbox" FOR SELECT TO seamless_app USING (app_has_scope('federation_admin'));
--> statement-breakpoint
CREATE POLICY "federation_rejections_read" ON "federation_rejections" FOR SELECT TO seamless_app USING (app_has_scope('federation_admin'));
--> statement-breakpoint
-- A repatriation belongs to the agency that sent it or that receives for its partner; nobody else reads it.
CREATE POLICY "repatriations_read" ON "repatriations" FOR SELECT TO seamless_app USING (agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY "repatriations_insert" ON "repatriations" FOR INSERT TO seamless_app WITH CHECK (agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY "repatriations_update" ON "repatriations" FOR UPDATE TO seamless_app
	USING (agency_id = app_agency_id()) WITH CHECK (agency_id = app_agency_id());
--> statement-breakpoint
-- Admins hear of every packet turned away; the focal point hears of a repatriation and its steps.
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN ('referral_received', 'referral_accepted', 'referral_declined', 'referral_withdrawn', 'transfer_offered', 'transfer_accepted', 'follow_up_visit_due', 'follow_up_visit_missed', 'admission_ending', 'stay_limit_reached', 'assessment_risk', 'meeting_invited', 'meeting_action_assigned', 'directory_contact_unverified', 'task_due', 'packet_rejected', 'repatriation_received', 'repatriation_updated'));
--> statement-breakpoint
-- The packets of one repatriation, for the agency holding it: which went, which came, and how
-- each settled (the outbox and inbox themselves are the federation admin's).
CREATE FUNCTION repatriation_packets(p_repatriation_id uuid)
RETURNS TABLE (packet_id uuid, kind text, direction text, sequence integer, status text, at timestamp with time zone)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.packet_id, o.kind, 'outgoing', o.sequence, o.status, coalesce(o.settled_at, o.created_at)
    FROM federation_outbox o JOIN repatriations r ON r.id = o.thread_id AND r.partner_id = o.partner_id
    WHERE r.id = p_repatriation_id AND r.agency_id = app_agency_id()
  UNION ALL
  SELECT i.id, i.kind, 'incoming', i.sequence, i.status, i.received_at
    FROM federation_inbox i JOIN repatriations r ON r.id = i.thread_id AND r.partner_id = i.partner_id
    WHERE r.id = p_repatriation_id AND r.agency_id = app_agency_id()
  ORDER BY 6, 3
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION repatriation_packets(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION repatriation_packets(uuid) TO seamless_app;
--> statement-breakpoint
-- Withdrawing consent stops what has not left yet: the packets of the repatriation still waiting
-- (or turned away) are cancelled and their sealed content dropped, for the agency holding it only.
-- The withdrawal packet itself is not among them.
CREATE FUNCTION cancel_repatriation_packets(p_repatriation_id uuid) RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public AS $$
DECLARE
  cancelled integer;
BEGIN
  UPDATE federation_outbox o SET status = 'cancelled', sealed = '', last_error = 'consent_withdrawn', lease_until = NULL, settled_at = now()
  WHERE o.thread_id = p_repatriation_id AND o.status IN ('pending', 'rejected') AND o.kind <> 'consent_withdrawal'
    AND EXISTS (SELECT 1 FROM repatriations r WHERE r.id = p_repatriation_id AND r.partner_id = o.partner_id
      AND r.agency_id = app_agency_id());
  GET DIAGNOSTICS cancelled = ROW_COUNT;
  RETURN cancelled;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION cancel_repatriation_packets(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION cancel_repatriation_packets(uuid) TO seamless_app;
