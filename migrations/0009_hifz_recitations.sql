ALTER TYPE "public"."achievement_category" ADD VALUE 'hifz_surah';--> statement-breakpoint
ALTER TYPE "public"."achievement_category" ADD VALUE 'hifz_juz';--> statement-breakpoint
ALTER TYPE "public"."achievement_category" ADD VALUE 'hifz_juz_count';--> statement-breakpoint
CREATE TABLE "hifz_recitation_parts" (
	"recitation_id" integer NOT NULL,
	"part_number" smallint NOT NULL,
	"etag" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hifz_recitation_parts_pkey" PRIMARY KEY("recitation_id","part_number"),
	CONSTRAINT "hifz_recitation_parts_number_positive" CHECK ("hifz_recitation_parts"."part_number" >= 1)
);
--> statement-breakpoint
ALTER TABLE "hifz_recitation_parts" ADD CONSTRAINT "hifz_recitation_parts_recitation_id_hifz_recitations_id_fk" FOREIGN KEY ("recitation_id") REFERENCES "public"."hifz_recitations"("id") ON DELETE cascade ON UPDATE no action;