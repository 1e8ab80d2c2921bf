-- Notices (issue 11): kind, ids and a date only, one row per recipient so that reading and
-- marking read are the recipient's own rows. Nothing personal is stored here.
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"agency_id" uuid NOT NULL REFERENCES "agencies"("id"),
	"user_id" uuid NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"case_id" uuid REFERENCES "cases"("id"),
	"subject_id" uuid,
	"due_on" date,
	"once_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_kind_check" CHECK (kind IN ('referral_received', 'referral_accepted', 'referral_declined',
		'referral_withdrawn', 'transfer_offered', 'transfer_accepted', 'follow_up_visit_due', 'follow_up_visit_missed',
		'admission_ending', 'stay_limit_reached', 'assessment_risk', 'meeting_invited', 'meeting_action_assigned',
		'directory_contact_unverified', 'task_due'))
);
--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" ("user_id", "read_at", "created_at" DESC);
--> statement-breakpoint
-- Daily scans run again and again; the key makes "once per task per day" a database fact.
CREATE UNIQUE INDEX "notifications_once_key" ON "notifications" ("user_id", "once_key") WHERE once_key IS NOT NULL;
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id") ON DELETE CASCADE,
	"daily_digest" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The demo mail transport keeps messages here instead of sending them (no SMTP in the demo).
CREATE TABLE "mail_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- The embedded job runner (PGlite): the same semantics as pg-boss on PostgreSQL.
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'created' NOT NULL,
	"singleton_key" text,
	"retry_limit" integer DEFAULT 0 NOT NULL,
	"retry_count" integer DEFAULT 0 NOT NULL,
	"retry_delay" integer DEFAULT 0 NOT NULL,
	"retry_backoff" boolean DEFAULT false NOT NULL,
	"start_after" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_state_check" CHECK (state IN ('created', 'retry', 'active', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "jobs_fetch_idx" ON "jobs" ("name", "state", "start_after");
--> statement-breakpoint
-- Like pg-boss's "short" queue policy: one waiting job per singleton key; a second send is dropped.
CREATE UNIQUE INDEX "jobs_singleton_key" ON "jobs" ("name", "singleton_key") WHERE singleton_key IS NOT NULL AND state = 'created';
--> statement-breakpoint
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification_preferences ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Mail and jobs belong to the system: the app role gets no grant and no policy on them.
ALTER TABLE mail_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT ON notifications TO seamless_app;
--> statement-breakpoint
GRANT UPDATE (read_at) ON notifications TO seamless_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON notification_preferences TO seamless_app;
--> statement-breakpoint
CREATE POLICY notifications_own ON notifications FOR SELECT TO seamless_app USING (user_id = app_user_id() AND agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY notifications_mark_read ON notifications FOR UPDATE TO seamless_app
  USING (user_id = app_user_id() AND agency_id = app_agency_id()) WITH CHECK (user_id = app_user_id() AND agency_id = app_agency_id());
--> statement-breakpoint
CREATE POLICY notification_preferences_own ON notification_preferences FOR ALL TO seamless_app USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
--> statement-breakpoint
-- Any signed-in actor may notify any agency (a referral notifies the receiving one), but only
-- through this function: it writes kind, ids and a date, to the named user if she belongs to
-- the agency, or to every active user of the agency whose roles hold the permission to act.
-- SECURITY DEFINER because the actor can neither see the other agency's users nor their notices.
CREATE FUNCTION app_notify(p_kind text, p_agency_id uuid, p_user_id uuid, p_permission text, p_case_id uuid,
  p_subject_id uuid, p_due_on date, p_once_key text) RETURNS integer LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public AS $$
DECLARE
  written integer;
BEGIN
  IF current_user = 'seamless_app' AND app_user_id() IS NULL THEN
    RAISE EXCEPTION 'notify needs a signed-in actor' USING ERRCODE = '42501';
  END IF;
  INSERT INTO notifications (kind, agency_id, user_id, case_id, subject_id, due_on, once_key)
  SELECT p_kind, u.agency_id, u.id, p_case_id, p_subject_id, p_due_on, p_once_key
  FROM users u
  WHERE u.agency_id = p_agency_id AND u.active
    AND (CASE WHEN p_user_id IS NOT NULL THEN u.id = p_user_id
      ELSE EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id = u.id AND p_permission = ANY (r.permissions)) END)
  ON CONFLICT (user_id, once_key) WHERE once_key IS NOT NULL DO NOTHING;
  GET DIAGNOSTICS written = ROW_COUNT;
  RETURN written;
END $$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION app_notify(text, uuid, uuid, text, uuid, uuid, date, text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_notify(text, uuid, uuid, text, uuid, uuid, date, text) TO seamless_app;
