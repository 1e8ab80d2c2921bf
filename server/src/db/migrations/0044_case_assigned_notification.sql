-- A worker is told when a case is assigned to her (kind and case id only; the reference is shown
-- to her as to any reader of the case).
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK (kind IN ('referral_received', 'referral_accepted', 'referral_declined', 'referral_withdrawn', 'transfer_offered', 'transfer_accepted', 'follow_up_visit_due', 'follow_up_visit_missed', 'admission_ending', 'stay_limit_reached', 'assessment_risk', 'meeting_invited', 'meeting_action_assigned', 'directory_contact_unverified', 'task_due', 'packet_rejected', 'repatriation_received', 'repatriation_updated', 'cross_border_referral_received', 'cross_border_referral_updated', 'password_reset_requested', 'case_assigned'));
