-- Statistical reports (issue 13): generated for one period from a template, with the suppressed
-- tables frozen in the row; approved by a second person; released, then never changed. Only
-- counts are stored: the tables come from statistic_counts, which returns no rows of records.
CREATE TABLE "statistic_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"template" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"locale" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL CHECK ("status" IN ('draft', 'approved', 'released')),
	"version" integer DEFAULT 1 NOT NULL,
	"tables" jsonb NOT NULL,
	"generated_by" uuid NOT NULL REFERENCES "users"("id"),
	-- Names as they were at each step: printed on the report, readable by every statistics user.
	"generated_by_name" text NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid REFERENCES "users"("id"),
	"approved_by_name" text,
	"signatory_name" text,
	"signatory_position" text,
	"approved_at" timestamp with time zone,
	"released_by" uuid REFERENCES "users"("id"),
	"released_by_name" text,
	"released_at" timestamp with time zone,
	CHECK (("status" = 'draft') = ("approved_by" IS NULL)),
	CHECK (("status" = 'released') = ("released_by" IS NOT NULL)),
	-- Four eyes: the approver is not who generated the figures.
	CHECK ("approved_by" IS DISTINCT FROM "generated_by")
);
--> statement-breakpoint
CREATE INDEX "statistic_reports_period_idx" ON "statistic_reports" ("country_code", "period_from" DESC);
--> statement-breakpoint
-- One released report per template and period: a second release is refused, nothing is overwritten.
CREATE UNIQUE INDEX "statistic_reports_released_idx" ON "statistic_reports" ("country_code", "template", "period_from", "locale")
	WHERE "status" = 'released';
--> statement-breakpoint
ALTER TABLE "statistic_reports" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "statistic_reports" TO seamless_app;
--> statement-breakpoint
-- The statistics role of the instance's country reads and writes them; a released report is frozen.
CREATE POLICY "statistic_reports_read" ON "statistic_reports" FOR SELECT TO seamless_app
	USING (app_has_scope('stats') AND country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id()));
--> statement-breakpoint
CREATE POLICY "statistic_reports_insert" ON "statistic_reports" FOR INSERT TO seamless_app
	WITH CHECK (app_has_scope('stats') AND generated_by = app_user_id() AND status = 'draft'
		AND country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id()));
--> statement-breakpoint
CREATE POLICY "statistic_reports_update" ON "statistic_reports" FOR UPDATE TO seamless_app
	USING (app_has_scope('stats') AND status <> 'released'
		AND country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id()))
	WITH CHECK (app_has_scope('stats'));
