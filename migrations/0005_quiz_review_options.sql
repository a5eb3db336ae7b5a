CREATE TYPE "public"."answer_review" AS ENUM('immediately', 'after_passing', 'after_last_attempt', 'after_passing_or_last_attempt', 'never');--> statement-breakpoint
ALTER TABLE "quizzes" ADD COLUMN "show_correct_answers" "answer_review" DEFAULT 'after_passing_or_last_attempt' NOT NULL;--> statement-breakpoint
ALTER TABLE "quizzes" ADD COLUMN "attempts_allowed" integer;--> statement-breakpoint
ALTER TABLE "quizzes" ADD COLUMN "attempt_delay" integer;--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_attempts_allowed_range" CHECK ("quizzes"."attempts_allowed" IS NULL OR "quizzes"."attempts_allowed" BETWEEN 1 AND 100);--> statement-breakpoint
ALTER TABLE "quizzes" ADD CONSTRAINT "quizzes_attempt_delay_range" CHECK ("quizzes"."attempt_delay" IS NULL OR "quizzes"."attempt_delay" BETWEEN 1 AND 2592000);