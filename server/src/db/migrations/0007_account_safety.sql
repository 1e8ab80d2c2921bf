-- Which roles an agency administrator may hand out is the system administrator's decision, kept
-- as data on the role (DESIGN.md §4: no administrator grants a permission it lacks). Only the
-- agency administrator role itself is delegated by default: working roles open victim data.
ALTER TABLE roles ADD COLUMN assignable_by_agency_admins boolean DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE roles SET assignable_by_agency_admins = true WHERE key = 'agency_admin';
--> statement-breakpoint
-- The database refuses an agency administrator's grant of an undelegated role even if route code
-- ever forgot to ask.
DROP POLICY user_roles_insert ON user_roles;
--> statement-breakpoint
CREATE POLICY user_roles_insert ON user_roles FOR INSERT TO seamless_app WITH CHECK (
  app_has_scope('users_admin')
  AND EXISTS (SELECT 1 FROM users u WHERE u.id = user_id AND (u.agency_id = app_agency_id() OR app_has_scope('users_all')))
  AND (app_has_scope('users_all') OR EXISTS (SELECT 1 FROM roles r WHERE r.id = role_id AND r.assignable_by_agency_admins)));
--> statement-breakpoint
-- Sign-in waits are counted per account name and per address in login_failures, the same for
-- names that exist and names that do not; a lock kept on the account would tell them apart.
ALTER TABLE users DROP COLUMN failed_login_count;
--> statement-breakpoint
ALTER TABLE users DROP COLUMN locked_until;
--> statement-breakpoint
-- The second-factor waiver belongs to the demo accounts the seed creates; nothing the application
-- does as a signed-in user may set it, and no update may turn it on later.
CREATE FUNCTION users_second_factor_waiver_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.second_factor_waived AND (current_user = 'seamless_app' OR (TG_OP = 'UPDATE' AND NOT OLD.second_factor_waived)) THEN
    RAISE EXCEPTION 'second_factor_waived is set only by the demo seed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_second_factor_waiver_guard BEFORE INSERT OR UPDATE OF second_factor_waived ON users
FOR EACH ROW EXECUTE FUNCTION users_second_factor_waiver_guard();
--> statement-breakpoint
-- User administrators see, and may lift, the sign-in waits of the accounts they administer.
GRANT SELECT, DELETE ON login_failures TO seamless_app;
--> statement-breakpoint
CREATE POLICY login_failures_read ON login_failures FOR SELECT TO seamless_app
USING (app_has_scope('users_admin') AND EXISTS (SELECT 1 FROM users u WHERE key = 'user:' || u.username));
--> statement-breakpoint
CREATE POLICY login_failures_delete ON login_failures FOR DELETE TO seamless_app
USING (app_has_scope('users_admin') AND EXISTS (SELECT 1 FROM users u WHERE key = 'user:' || u.username));
--> statement-breakpoint
-- Browsers an account signed in from before: they skip the wait an outsider can put on the
-- account's name (not the wait of their address), so a worker under attack still gets in.
CREATE TABLE known_devices (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz DEFAULT now() NOT NULL,
  expires_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX known_devices_user_idx ON known_devices (user_id);
--> statement-breakpoint
ALTER TABLE known_devices ENABLE ROW LEVEL SECURITY;
