-- Throttle keys are now the account or a hash of the normalised identifier: rows under the old
-- "sign-in:<identifier>" keys would never be read again, and held identifiers in plain text.
DELETE FROM "auth_throttles";--> statement-breakpoint
CREATE INDEX "auth_throttles_window_start_idx" ON "auth_throttles" USING btree ("window_start");
