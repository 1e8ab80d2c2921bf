-- A partner that rotates its keys announces them in a packet signed with the old ones. The old
-- signing keys stay accepted for as long as a packet sealed before the rotation may still arrive.
ALTER TABLE "partner_instances" ADD COLUMN "previous_keys" jsonb NOT NULL DEFAULT '[]'::jsonb;
--> statement-breakpoint
ALTER TABLE "partner_instances" ADD COLUMN "keys_rotated_at" timestamp with time zone;
