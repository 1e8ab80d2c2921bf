-- Issue 13, reconciliation: figures an agency reported elsewhere, as entered, beside the figures
-- computed from its records. Only counts and breakdown values are kept, and the source named by
-- the data officer; nothing about a person. A submission is never changed: entering the figure
-- again adds a version, so what was compared once can be shown again as it was.
CREATE TABLE "statistic_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"source_agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"statistic" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"by" jsonb NOT NULL,
	"source" text NOT NULL,
	"cells" jsonb NOT NULL,
	"total" bigint CHECK ("total" >= 0),
	"version" integer NOT NULL CHECK ("version" >= 1),
	"submitted_by" uuid NOT NULL REFERENCES "users"("id"),
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CHECK ("period_from" <= "period_to"),
	CHECK (jsonb_typeof("by") = 'array' AND jsonb_typeof("cells") = 'array')
);
--> statement-breakpoint
CREATE UNIQUE INDEX "statistic_submissions_version_idx"
	ON "statistic_submissions" ("source_agency_id", "statistic", "period_from", "period_to", "by", "version");
--> statement-breakpoint
CREATE INDEX "statistic_submissions_country_idx" ON "statistic_submissions" ("country_code", "submitted_at" DESC);
--> statement-breakpoint
ALTER TABLE "statistic_submissions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON "statistic_submissions" TO seamless_app;
--> statement-breakpoint
-- The statistics role of the country reads and adds them, for the country's agencies only; no
-- role may change or remove one.
CREATE POLICY "statistic_submissions_read" ON "statistic_submissions" FOR SELECT TO seamless_app
	USING (app_has_scope('stats') AND country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id()));
--> statement-breakpoint
CREATE POLICY "statistic_submissions_insert" ON "statistic_submissions" FOR INSERT TO seamless_app
	WITH CHECK (app_has_scope('stats') AND submitted_by = app_user_id()
		AND country_code = (SELECT a.country_code FROM agencies a WHERE a.id = app_agency_id())
		AND country_code = (SELECT s.country_code FROM agencies s WHERE s.id = source_agency_id));
