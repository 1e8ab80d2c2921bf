CREATE TABLE "htcds_import_rows" (
	"agency_id" uuid NOT NULL,
	"content_key" text NOT NULL,
	"import_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"matched_existing_person" boolean DEFAULT false NOT NULL,
	CONSTRAINT "htcds_import_rows_agency_id_content_key_pk" PRIMARY KEY("agency_id","content_key")
);
--> statement-breakpoint
CREATE TABLE "htcds_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"dry_run" boolean NOT NULL,
	"checked_by_import_id" uuid,
	"file_name_enc" text NOT NULL,
	"file_bytes" integer NOT NULL,
	"file_sha256" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"format" text,
	"layout" text,
	"rows" integer DEFAULT 0 NOT NULL,
	"imported" integer DEFAULT 0 NOT NULL,
	"matched_existing" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"bytes_read" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"locked_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "htcds_import_rows" ADD CONSTRAINT "htcds_import_rows_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "htcds_import_rows" ADD CONSTRAINT "htcds_import_rows_import_id_htcds_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."htcds_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "htcds_import_rows" ADD CONSTRAINT "htcds_import_rows_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "htcds_imports" ADD CONSTRAINT "htcds_imports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "htcds_imports" ADD CONSTRAINT "htcds_imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "htcds_import_rows_import_idx" ON "htcds_import_rows" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "htcds_imports_agency_idx" ON "htcds_imports" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "htcds_imports_state_idx" ON "htcds_imports" USING btree ("state");--> statement-breakpoint
CREATE INDEX "person_names_search_key_idx" ON "person_names" USING btree ("search_key");
--> statement-breakpoint
-- An import and its rows belong to the importing agency: its data officers follow the job, nobody else sees it.
GRANT SELECT, INSERT, UPDATE ON htcds_imports, htcds_import_rows TO seamless_app;
--> statement-breakpoint
ALTER TABLE htcds_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY htcds_imports_agency ON htcds_imports FOR ALL TO seamless_app USING (agency_id = app_agency_id()) WITH CHECK (agency_id = app_agency_id() AND user_id = app_user_id());
--> statement-breakpoint
ALTER TABLE htcds_import_rows ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY htcds_import_rows_agency ON htcds_import_rows FOR ALL TO seamless_app USING (agency_id = app_agency_id()) WITH CHECK (agency_id = app_agency_id());
