DROP INDEX "course_enrollments_course_idx";--> statement-breakpoint
DROP INDEX "progress_events_lesson_idx";--> statement-breakpoint
CREATE INDEX "course_enrollments_course_enrolled_idx" ON "course_enrollments" USING btree ("course_id","enrolled_at");--> statement-breakpoint
CREATE INDEX "progress_events_lesson_occurred_idx" ON "progress_events" USING btree ("lesson_id","occurred_at");--> statement-breakpoint
CREATE INDEX "quiz_attempts_started_at_idx" ON "quiz_attempts" USING btree ("started_at");