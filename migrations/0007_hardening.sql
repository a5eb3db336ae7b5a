-- Throttle keys are now the account or a hash of the normalised identifier: rows under the old
-- "sign-in:<identifier>" keys would never be read again, and held identifiers in plain text.
DELETE FROM "auth_throttles";--> statement-breakpoint
CREATE TYPE "public"."answer_review" AS ENUM('immediately', 'after_passing', 'after_last_attempt', 'after_passing_or_last_attempt', 'never');--> statement-breakpoint
CREATE TABLE "upload_parts" (
	"session_id" integer NOT NULL,
	"part_number" integer NOT NULL,
	"etag" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upload_parts_session_id_part_number_pk" PRIMARY KEY("session_id","part_number")
);
--> statement-breakpoint
CREATE TABLE "upload_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "upload_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" varchar(24) NOT NULL,
	"user_id" integer NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"alternative_text" text,
	"caption" text,
	"size" integer NOT NULL,
	"mime" varchar(127),
	"hash" varchar(255),
	"ext" varchar(16),
	"key" varchar(255),
	"upload_id" text,
	"width" integer,
	"height" integer,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upload_sessions_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "upload_sessions_size_positive" CHECK ("upload_sessions"."size" > 0)
);
--> statement-breakpoint
ALTER TABLE "quizzes" ADD COLUMN "show_correct_answers" "answer_review" DEFAULT 'after_passing_or_last_attempt' NOT NULL;--> statement-breakpoint
ALTER TABLE "quizzes" ADD COLUMN "attempts_allowed" integer;--> statement-breakpoint
ALTER TABLE "quizzes" ADD COLUMN "attempt_delay" integer;--> statement-breakpoint
ALTER TABLE "upload_parts" ADD CONSTRAINT "upload_parts_session_id_upload_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."upload_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_sessions" ADD CONSTRAINT "upload_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "upload_sessions_user_idx" ON "upload_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "upload_sessions_expires_at_idx" ON "upload_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "auth_throttles_window_start_idx" ON "auth_throttles" USING btree ("window_start");--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_attempts_allowed_range" CHECK ("quizzes"."attempts_allowed" IS NULL OR "quizzes"."attempts_allowed" BETWEEN 1 AND 100);--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_attempt_delay_range" CHECK ("quizzes"."attempt_delay" IS NULL OR "quizzes"."attempt_delay" BETWEEN 1 AND 2592000);