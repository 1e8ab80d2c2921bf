-- Issue 13, a regional report: the released statistics partner instances send (packet kind
-- statistic_release). Only what the partner published is kept — counts as shown, hidden cells as
-- hidden, the threshold and adjustment, the template, period and release date, and the
-- signatory's position — nothing about a person. The same release arriving again is kept once;
-- a newer release of the same template and period becomes current, the older one stays.
CREATE TABLE "partner_statistic_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partner_id" uuid NOT NULL REFERENCES "partner_instances"("id"),
	"packet_id" uuid NOT NULL,
	-- The partner's own report id: one release, however often it is sent.
	"report_id" uuid NOT NULL,
	"country_code" text NOT NULL,
	-- The country of this instance, which received it: its statistics role reads it.
	"receiving_country_code" text NOT NULL,
	"template" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"locale" text NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"approver_position" text NOT NULL,
	"tables" jsonb NOT NULL,
	"current" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	UNIQUE ("partner_id", "report_id"),
	CHECK ("period_from" <= "period_to"),
	CHECK (jsonb_typeof("tables") = 'array')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "partner_statistic_releases_current_idx" ON "partner_statistic_releases" ("partner_id", "template", "period_from")
	WHERE "current";
--> statement-breakpoint
ALTER TABLE "partner_statistic_releases" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Written by the inbox alone; no role changes or removes one.
GRANT SELECT ON "partner_statistic_releases" TO seamless_app;
--> statement-breakpoint
CREATE POLICY "partner_statistic_releases_read" ON "partner_statistic_releases" FOR SELECT TO seamless_app
	USING (app_has_scope('stats') AND receiving_country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id()));
--> statement-breakpoint
-- Where a released report stands with each partner, for the statistics role of its country (the
-- outbox itself is the federation admin's): partner, delivery status, when sent and settled.
CREATE FUNCTION statistic_release_deliveries(p_report_id uuid)
RETURNS TABLE (partner_id uuid, status text, sent_at timestamp with time zone, settled_at timestamp with time zone)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT o.partner_id, o.status, o.created_at, o.settled_at
    FROM federation_outbox o JOIN statistic_reports r ON r.id = o.thread_id
    WHERE o.thread_id = p_report_id AND o.kind = 'statistic_release' AND app_has_scope('stats')
      AND r.country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id())
    ORDER BY o.created_at, o.partner_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION statistic_release_deliveries(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION statistic_release_deliveries(uuid) TO seamless_app;
