-- Issue 16, names however they were written: the normalised-name keys are computed by code
-- (nameKeys.ts), so when that code changes the keys of names already stored are stale until they
-- are computed again from the decrypted names. Each row records the version of the code that
-- made its keys; rows stored before versions existed are version 0, and new rows take the
-- current version (NAME_KEYS_VERSION), which a later change of the keys raises here and in code.
-- Bootstrap re-keys every older row (rekeyStalePersonNames) after migrating.
ALTER TABLE person_names ADD COLUMN keys_version smallint NOT NULL DEFAULT 0;
--> statement-breakpoint
ALTER TABLE person_names ALTER COLUMN keys_version SET DEFAULT 1;
