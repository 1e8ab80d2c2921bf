CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"section" text DEFAULT 'general' NOT NULL,
	"file_name_enc" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_by_agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"section" text DEFAULT 'general' NOT NULL,
	"body_enc" text NOT NULL,
	"author_user_id" uuid NOT NULL,
	"author_agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"section" text,
	"actor_user_id" uuid,
	"actor_agency_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"due_on" date NOT NULL,
	"agency_id" uuid NOT NULL,
	"assignee_user_id" uuid,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perpetrators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"roles" text[] DEFAULT '{}' NOT NULL,
	"name_enc" text,
	"gender" text,
	"nationality" text,
	"relationship" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_case_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trafficking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"country" text,
	"place" text,
	"started_on" date,
	"ended_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "victim_contexts" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"recruitment_methods" text[] DEFAULT '{}' NOT NULL,
	"recruitment_place" text,
	"recruitment_country" text,
	"recruitment_apps" text[] DEFAULT '{}' NOT NULL,
	"control_methods" text[] DEFAULT '{}' NOT NULL,
	"exploitation_types" text[] DEFAULT '{}' NOT NULL,
	"forced_labour_industries" text[] DEFAULT '{}' NOT NULL,
	"sexual_exploitation_types" text[] DEFAULT '{}' NOT NULL,
	"relationships_to_trafficker" text[] DEFAULT '{}' NOT NULL,
	"age_when_trafficked" smallint,
	"exploitation_country" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "break_glass_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"sections" text[] DEFAULT '{}' NOT NULL,
	"agency_ids" uuid[] DEFAULT '{}' NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"given_by" text NOT NULL,
	"guardian_name_enc" text,
	"guardian_relationship" text,
	"given_on" date NOT NULL,
	"expires_on" date,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawal_reason" text
);
--> statement-breakpoint
CREATE TABLE "form_configurations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"agency_id" uuid,
	"form" text NOT NULL,
	"definition" jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "form_configurations_scope_key" UNIQUE NULLS NOT DISTINCT("country_code","agency_id","form")
);
--> statement-breakpoint
CREATE TABLE "lookup_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_code" text NOT NULL,
	"list_key" text NOT NULL,
	"labels" jsonb NOT NULL,
	"values" jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lookup_lists_key" UNIQUE("country_code","list_key")
);
--> statement-breakpoint
CREATE TABLE "identification_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"procedure" text NOT NULL,
	"steps_completed" text[] DEFAULT '{}' NOT NULL,
	"conducted_on" date NOT NULL,
	"place" text,
	"language" text,
	"conducted_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"participant_agency_ids" uuid[] DEFAULT '{}' NOT NULL,
	"indicators" jsonb NOT NULL,
	"child_at_time" boolean DEFAULT false NOT NULL,
	"account_enc" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interpreter_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interview_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"language" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"interpreter_name_enc" text,
	"interpreter_organisation" text,
	"provided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prescreenings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"conducted_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"conducted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trafficking_status_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"deciding_agency_id" uuid NOT NULL,
	"decided_on" date NOT NULL,
	"decided_by_name" text NOT NULL,
	"reasons" text NOT NULL,
	"interview_id" uuid,
	"indicators" jsonb,
	"certificate_number" text,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value_enc" text NOT NULL,
	"value_bidx" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"number_enc" text NOT NULL,
	"number_bidx" text NOT NULL,
	"issuing_country" text,
	"expires_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"moved" jsonb NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name_enc" text NOT NULL,
	"search_key" text NOT NULL,
	"phonetic_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "persons_document_bidx";--> statement-breakpoint
DROP INDEX "persons_phone_bidx";--> statement-breakpoint
ALTER TABLE "case_access" ADD COLUMN "consent_id" uuid;--> statement-breakpoint
ALTER TABLE "case_access" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "country_code" text;--> statement-breakpoint
UPDATE "cases" SET "country_code" = split_part("reference", '-', 1);--> statement-breakpoint
ALTER TABLE "cases" ALTER COLUMN "country_code" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "stage" text DEFAULT 'intake' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "intake_channel" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "urgency" text DEFAULT 'routine' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "intake_location" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "intake_narrative_enc" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "intake_by_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "identification_due_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "reflection_period_ends_on" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "returning_person" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "previous_case_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "closure_reason" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "form_answers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "birth_year_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "languages" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "ethnic_minority" boolean;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "address_enc" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "photo_attachment_id" uuid;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_agency_id_agencies_id_fk" FOREIGN KEY ("uploaded_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_author_agency_id_agencies_id_fk" FOREIGN KEY ("author_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_agency_id_agencies_id_fk" FOREIGN KEY ("actor_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_assignee_user_id_users_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_done_by_users_id_fk" FOREIGN KEY ("done_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_tasks" ADD CONSTRAINT "case_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perpetrators" ADD CONSTRAINT "perpetrators_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perpetrators" ADD CONSTRAINT "perpetrators_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_case_filters" ADD CONSTRAINT "saved_case_filters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trafficking_events" ADD CONSTRAINT "trafficking_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trafficking_events" ADD CONSTRAINT "trafficking_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_contexts" ADD CONSTRAINT "victim_contexts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "break_glass_grants" ADD CONSTRAINT "break_glass_grants_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_configurations" ADD CONSTRAINT "form_configurations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_configurations" ADD CONSTRAINT "form_configurations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lookup_lists" ADD CONSTRAINT "lookup_lists_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_interviews" ADD CONSTRAINT "identification_interviews_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_interviews" ADD CONSTRAINT "identification_interviews_conducted_by_users_id_fk" FOREIGN KEY ("conducted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identification_interviews" ADD CONSTRAINT "identification_interviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_interview_id_identification_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."identification_interviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interpreter_requests" ADD CONSTRAINT "interpreter_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescreenings" ADD CONSTRAINT "prescreenings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescreenings" ADD CONSTRAINT "prescreenings_conducted_by_users_id_fk" FOREIGN KEY ("conducted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prescreenings" ADD CONSTRAINT "prescreenings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trafficking_status_decisions" ADD CONSTRAINT "trafficking_status_decisions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trafficking_status_decisions" ADD CONSTRAINT "trafficking_status_decisions_deciding_agency_id_agencies_id_fk" FOREIGN KEY ("deciding_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trafficking_status_decisions" ADD CONSTRAINT "trafficking_status_decisions_interview_id_identification_interviews_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."identification_interviews"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trafficking_status_decisions" ADD CONSTRAINT "trafficking_status_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_contacts" ADD CONSTRAINT "person_contacts_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_documents" ADD CONSTRAINT "person_documents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_survivor_id_persons_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_id_persons_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_case_idx" ON "attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_comments_case_idx" ON "case_comments" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_tasks_case_idx" ON "case_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_tasks_agency_due_idx" ON "case_tasks" USING btree ("agency_id","due_on");--> statement-breakpoint
CREATE INDEX "perpetrators_case_idx" ON "perpetrators" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "trafficking_events_case_idx" ON "trafficking_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "break_glass_user_idx" ON "break_glass_grants" USING btree ("user_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_case_idx" ON "break_glass_grants" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "identification_interviews_case_idx" ON "identification_interviews" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "interpreter_requests_interview_idx" ON "interpreter_requests" USING btree ("interview_id");--> statement-breakpoint
CREATE INDEX "prescreenings_case_idx" ON "prescreenings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "trafficking_status_decisions_case_idx" ON "trafficking_status_decisions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "person_contacts_person_idx" ON "person_contacts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_contacts_bidx" ON "person_contacts" USING btree ("value_bidx");--> statement-breakpoint
CREATE INDEX "person_documents_person_idx" ON "person_documents" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_documents_bidx" ON "person_documents" USING btree ("number_bidx");--> statement-breakpoint
CREATE INDEX "person_names_person_idx" ON "person_names" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_intake_by_agency_id_agencies_id_fk" FOREIGN KEY ("intake_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_owner_user_idx" ON "cases" USING btree ("owner_user_id");--> statement-breakpoint
-- Documents and phones recorded before persons could hold several move to their own tables,
-- still under the same ciphertext and blind index (names are indexed again at start-up).
INSERT INTO "person_documents" ("person_id", "document_type", "number_enc", "number_bidx")
  SELECT "id", 'other', "document_number_enc", "document_number_bidx" FROM "persons" WHERE "document_number_enc" IS NOT NULL;--> statement-breakpoint
INSERT INTO "person_contacts" ("person_id", "kind", "value_enc", "value_bidx")
  SELECT "id", 'phone', "phone_enc", "phone_bidx" FROM "persons" WHERE "phone_enc" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "document_number_enc";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "document_number_bidx";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "phone_enc";--> statement-breakpoint
ALTER TABLE "persons" DROP COLUMN "phone_bidx";
