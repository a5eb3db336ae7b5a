ALTER TABLE "quiz_attempts" ADD COLUMN "offline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD COLUMN "client_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_user_client_key" ON "quiz_attempts" USING btree ("user_id","client_id");