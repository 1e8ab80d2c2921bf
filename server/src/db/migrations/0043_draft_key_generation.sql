-- Probe F7. A user's draft key is derived from her id and this generation: raising it (a new
-- password, a reset by an administrator, a disabled account) makes drafts left on a lost device
-- unreadable. Existing keys stay valid until then (generation 0).
ALTER TABLE "users" ADD COLUMN "draft_key_generation" integer DEFAULT 0 NOT NULL;
