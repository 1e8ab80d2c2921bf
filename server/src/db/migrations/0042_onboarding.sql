-- Issue 14, onboarding. A user who forgot her password asks her agency's administrators for a new
-- one: the request is kept on her account (when asked, never by whom or from where) until an
-- administrator sets a password. The first-run tour is shown once per user, on any device.
ALTER TABLE "users" ADD COLUMN "password_reset_requested_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "tour_seen_at" timestamp with time zone;
--> statement-breakpoint
-- The request reaches her agency's administrators as a notice (kind and her user id, no name).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN ('referral_received', 'referral_accepted', 'referral_declined', 'referral_withdrawn', 'transfer_offered', 'transfer_accepted', 'follow_up_visit_due', 'follow_up_visit_missed', 'admission_ending', 'stay_limit_reached', 'assessment_risk', 'meeting_invited', 'meeting_action_assigned', 'directory_contact_unverified', 'task_due', 'packet_rejected', 'repatriation_received', 'repatriation_updated', 'cross_border_referral_received', 'cross_border_referral_updated', 'password_reset_requested'));
