ALTER TABLE "certificates" ALTER COLUMN "course_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "hifz_milestone_id" integer;--> statement-breakpoint
-- Milestones reached before this migration get a documentId like the app's (a letter, then 23 lowercase
-- letters or digits) before the column becomes NOT NULL. Existing certificates all have a course, so they
-- meet certificates_one_subject as they are.
ALTER TABLE "hifz_milestones" ADD COLUMN "document_id" varchar(24);--> statement-breakpoint
UPDATE "hifz_milestones" SET "document_id" = 'm' || substr(md5(random()::text || "id"::text), 1, 23) WHERE "document_id" IS NULL;--> statement-breakpoint
ALTER TABLE "hifz_milestones" ALTER COLUMN "document_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_hifz_milestone_id_hifz_milestones_id_fk" FOREIGN KEY ("hifz_milestone_id") REFERENCES "public"."hifz_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_hifz_milestone_key" ON "certificates" USING btree ("hifz_milestone_id");--> statement-breakpoint
ALTER TABLE "hifz_milestones" ADD CONSTRAINT "hifz_milestones_document_id_unique" UNIQUE("document_id");--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_one_subject" CHECK (num_nonnulls("certificates"."course_id", "certificates"."hifz_milestone_id") = 1);