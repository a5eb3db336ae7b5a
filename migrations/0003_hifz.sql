CREATE TYPE "public"."hifz_attendance" AS ENUM('present', 'absent', 'excused');--> statement-breakpoint
CREATE TYPE "public"."hifz_check_kind" AS ENUM('sabaq', 'sabqi', 'manzil');--> statement-breakpoint
CREATE TYPE "public"."hifz_direction" AS ENUM('reverse', 'forward');--> statement-breakpoint
CREATE TYPE "public"."hifz_grade" AS ENUM('excellent', 'very_good', 'good', 'acceptable', 'needs_repeat');--> statement-breakpoint
CREATE TYPE "public"."hifz_milestone_kind" AS ENUM('surah', 'juz', 'juz_count');--> statement-breakpoint
CREATE TYPE "public"."hifz_mistake_type" AS ENUM('forgotten_word', 'wrong_word', 'tajweed', 'hesitation');--> statement-breakpoint
CREATE TYPE "public"."hifz_new_unit" AS ENUM('lines', 'ayahs', 'half_pages');--> statement-breakpoint
CREATE TYPE "public"."hifz_recitation_status" AS ENUM('uploading', 'submitted', 'graded');--> statement-breakpoint
CREATE TYPE "public"."hifz_revision_unit" AS ENUM('pages', 'quarters', 'hizb', 'juz');--> statement-breakpoint
CREATE TYPE "public"."quran_revelation" AS ENUM('meccan', 'medinan');--> statement-breakpoint
CREATE TABLE "hifz_checks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hifz_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" varchar(24) NOT NULL,
	"client_id" uuid NOT NULL,
	"session_id" integer NOT NULL,
	"student_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"kind" "hifz_check_kind" NOT NULL,
	"from_ayah_id" integer NOT NULL,
	"to_ayah_id" integer NOT NULL,
	"grade" "hifz_grade" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hifz_checks_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "hifz_checks_id_student_key" UNIQUE("id","student_id"),
	CONSTRAINT "hifz_checks_range_forward" CHECK ("hifz_checks"."from_ayah_id" <= "hifz_checks"."to_ayah_id")
);
--> statement-breakpoint
CREATE TABLE "hifz_milestones" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hifz_milestones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"student_id" integer NOT NULL,
	"kind" "hifz_milestone_kind" NOT NULL,
	"number" smallint NOT NULL,
	"reached_on" date NOT NULL,
	"check_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hifz_milestones_number_positive" CHECK ("hifz_milestones"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "hifz_mistakes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hifz_mistakes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"client_id" uuid NOT NULL,
	"check_id" integer,
	"recitation_id" integer,
	"student_id" integer NOT NULL,
	"ayah_id" integer NOT NULL,
	"word" smallint,
	"type" "hifz_mistake_type" NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hifz_mistakes_one_parent" CHECK (num_nonnulls("hifz_mistakes"."check_id", "hifz_mistakes"."recitation_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "hifz_plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hifz_plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" varchar(24) NOT NULL,
	"student_id" integer NOT NULL,
	"teacher_id" integer,
	"direction" "hifz_direction" NOT NULL,
	"start_ayah_id" integer NOT NULL,
	"new_amount" smallint NOT NULL,
	"new_unit" "hifz_new_unit" NOT NULL,
	"sabqi_days" smallint NOT NULL,
	"manzil_amount" smallint NOT NULL,
	"manzil_unit" "hifz_revision_unit" NOT NULL,
	"set_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hifz_plans_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "hifz_plans_new_amount_range" CHECK ("hifz_plans"."new_amount" BETWEEN 1 AND 300),
	CONSTRAINT "hifz_plans_sabqi_days_range" CHECK ("hifz_plans"."sabqi_days" BETWEEN 0 AND 60),
	CONSTRAINT "hifz_plans_manzil_amount_range" CHECK ("hifz_plans"."manzil_amount" BETWEEN 1 AND 604)
);
--> statement-breakpoint
CREATE TABLE "hifz_recitations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hifz_recitations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" varchar(24) NOT NULL,
	"client_id" uuid NOT NULL,
	"student_id" integer NOT NULL,
	"kind" "hifz_check_kind",
	"from_ayah_id" integer NOT NULL,
	"to_ayah_id" integer NOT NULL,
	"r2_key" text NOT NULL,
	"upload_id" text,
	"mime" varchar(64) NOT NULL,
	"size_bytes" integer,
	"duration_ms" integer,
	"status" "hifz_recitation_status" DEFAULT 'uploading' NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"grade" "hifz_grade",
	"graded_by_id" integer,
	"graded_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hifz_recitations_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "hifz_recitations_id_student_key" UNIQUE("id","student_id"),
	CONSTRAINT "hifz_recitations_range_forward" CHECK ("hifz_recitations"."from_ayah_id" <= "hifz_recitations"."to_ayah_id"),
	CONSTRAINT "hifz_recitations_size_positive" CHECK ("hifz_recitations"."size_bytes" IS NULL OR "hifz_recitations"."size_bytes" > 0),
	CONSTRAINT "hifz_recitations_duration_positive" CHECK ("hifz_recitations"."duration_ms" IS NULL OR "hifz_recitations"."duration_ms" > 0),
	CONSTRAINT "hifz_recitations_graded_has_grade" CHECK (("hifz_recitations"."status" = 'graded') = ("hifz_recitations"."grade" IS NOT NULL AND "hifz_recitations"."graded_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "hifz_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hifz_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" varchar(24) NOT NULL,
	"client_id" uuid NOT NULL,
	"student_id" integer NOT NULL,
	"teacher_id" integer,
	"held_on" date NOT NULL,
	"attendance" "hifz_attendance" DEFAULT 'present' NOT NULL,
	"note" text,
	"recorded_offline" boolean DEFAULT false NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hifz_sessions_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "hifz_sessions_id_student_day_key" UNIQUE("id","student_id","held_on")
);
--> statement-breakpoint
CREATE TABLE "quran_ayahs" (
	"id" integer PRIMARY KEY NOT NULL,
	"surah" smallint NOT NULL,
	"ayah" smallint NOT NULL,
	"juz" smallint NOT NULL,
	"hizb" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"page" smallint NOT NULL,
	"line_start" integer NOT NULL,
	"line_end" integer NOT NULL,
	"sajda" boolean DEFAULT false NOT NULL,
	"word_count" smallint NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "quran_ayahs_id_range" CHECK ("quran_ayahs"."id" BETWEEN 1 AND 6236),
	CONSTRAINT "quran_ayahs_ayah_positive" CHECK ("quran_ayahs"."ayah" >= 1),
	CONSTRAINT "quran_ayahs_juz_range" CHECK ("quran_ayahs"."juz" BETWEEN 1 AND 30),
	CONSTRAINT "quran_ayahs_hizb_range" CHECK ("quran_ayahs"."hizb" BETWEEN 1 AND 60),
	CONSTRAINT "quran_ayahs_quarter_range" CHECK ("quran_ayahs"."quarter" BETWEEN 1 AND 240),
	CONSTRAINT "quran_ayahs_page_range" CHECK ("quran_ayahs"."page" BETWEEN 1 AND 604),
	CONSTRAINT "quran_ayahs_lines_ordered" CHECK ("quran_ayahs"."line_start" < "quran_ayahs"."line_end"),
	CONSTRAINT "quran_ayahs_word_count_positive" CHECK ("quran_ayahs"."word_count" >= 1)
);
--> statement-breakpoint
CREATE TABLE "quran_reference" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"checksum" varchar(64) NOT NULL,
	"text_source" text NOT NULL,
	"structure_source" text NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quran_reference_single_row" CHECK ("quran_reference"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "quran_surahs" (
	"number" smallint PRIMARY KEY NOT NULL,
	"name_arabic" text NOT NULL,
	"name_transliterated" text NOT NULL,
	"revelation" "quran_revelation" NOT NULL,
	"ayah_count" smallint NOT NULL,
	"first_ayah_id" integer NOT NULL,
	"last_ayah_id" integer NOT NULL,
	"basmala_header" boolean NOT NULL,
	CONSTRAINT "quran_surahs_number_range" CHECK ("quran_surahs"."number" BETWEEN 1 AND 114),
	CONSTRAINT "quran_surahs_ayah_span" CHECK ("quran_surahs"."last_ayah_id" - "quran_surahs"."first_ayah_id" + 1 = "quran_surahs"."ayah_count")
);
--> statement-breakpoint
CREATE TABLE "quran_words" (
	"ayah_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "quran_words_pkey" PRIMARY KEY("ayah_id","position")
);
--> statement-breakpoint
ALTER TABLE "hifz_checks" ADD CONSTRAINT "hifz_checks_from_ayah_id_quran_ayahs_id_fk" FOREIGN KEY ("from_ayah_id") REFERENCES "public"."quran_ayahs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_checks" ADD CONSTRAINT "hifz_checks_to_ayah_id_quran_ayahs_id_fk" FOREIGN KEY ("to_ayah_id") REFERENCES "public"."quran_ayahs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_checks" ADD CONSTRAINT "hifz_checks_session_fkey" FOREIGN KEY ("session_id","student_id","held_on") REFERENCES "public"."hifz_sessions"("id","student_id","held_on") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "hifz_milestones" ADD CONSTRAINT "hifz_milestones_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_milestones" ADD CONSTRAINT "hifz_milestones_check_id_hifz_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."hifz_checks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_mistakes" ADD CONSTRAINT "hifz_mistakes_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_mistakes" ADD CONSTRAINT "hifz_mistakes_ayah_id_quran_ayahs_id_fk" FOREIGN KEY ("ayah_id") REFERENCES "public"."quran_ayahs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_mistakes" ADD CONSTRAINT "hifz_mistakes_check_fkey" FOREIGN KEY ("check_id","student_id") REFERENCES "public"."hifz_checks"("id","student_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_mistakes" ADD CONSTRAINT "hifz_mistakes_recitation_fkey" FOREIGN KEY ("recitation_id","student_id") REFERENCES "public"."hifz_recitations"("id","student_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_mistakes" ADD CONSTRAINT "hifz_mistakes_word_fkey" FOREIGN KEY ("ayah_id","word") REFERENCES "public"."quran_words"("ayah_id","position") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_plans" ADD CONSTRAINT "hifz_plans_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_plans" ADD CONSTRAINT "hifz_plans_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_plans" ADD CONSTRAINT "hifz_plans_start_ayah_id_quran_ayahs_id_fk" FOREIGN KEY ("start_ayah_id") REFERENCES "public"."quran_ayahs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_plans" ADD CONSTRAINT "hifz_plans_set_by_id_users_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_recitations" ADD CONSTRAINT "hifz_recitations_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_recitations" ADD CONSTRAINT "hifz_recitations_from_ayah_id_quran_ayahs_id_fk" FOREIGN KEY ("from_ayah_id") REFERENCES "public"."quran_ayahs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_recitations" ADD CONSTRAINT "hifz_recitations_to_ayah_id_quran_ayahs_id_fk" FOREIGN KEY ("to_ayah_id") REFERENCES "public"."quran_ayahs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_recitations" ADD CONSTRAINT "hifz_recitations_graded_by_id_users_id_fk" FOREIGN KEY ("graded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_sessions" ADD CONSTRAINT "hifz_sessions_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hifz_sessions" ADD CONSTRAINT "hifz_sessions_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quran_ayahs" ADD CONSTRAINT "quran_ayahs_surah_quran_surahs_number_fk" FOREIGN KEY ("surah") REFERENCES "public"."quran_surahs"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_checks_session_client_key" ON "hifz_checks" USING btree ("session_id","client_id");--> statement-breakpoint
CREATE INDEX "hifz_checks_student_day_idx" ON "hifz_checks" USING btree ("student_id","held_on");--> statement-breakpoint
CREATE INDEX "hifz_checks_student_kind_day_idx" ON "hifz_checks" USING btree ("student_id","kind","held_on");--> statement-breakpoint
CREATE INDEX "hifz_checks_from_ayah_idx" ON "hifz_checks" USING btree ("from_ayah_id");--> statement-breakpoint
CREATE INDEX "hifz_checks_to_ayah_idx" ON "hifz_checks" USING btree ("to_ayah_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_milestones_student_kind_number_key" ON "hifz_milestones" USING btree ("student_id","kind","number");--> statement-breakpoint
CREATE INDEX "hifz_milestones_reached_on_idx" ON "hifz_milestones" USING btree ("reached_on");--> statement-breakpoint
CREATE INDEX "hifz_milestones_check_idx" ON "hifz_milestones" USING btree ("check_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_mistakes_check_client_key" ON "hifz_mistakes" USING btree ("check_id","client_id") WHERE "hifz_mistakes"."check_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_mistakes_recitation_client_key" ON "hifz_mistakes" USING btree ("recitation_id","client_id") WHERE "hifz_mistakes"."recitation_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "hifz_mistakes_student_ayah_idx" ON "hifz_mistakes" USING btree ("student_id","ayah_id");--> statement-breakpoint
CREATE INDEX "hifz_mistakes_ayah_idx" ON "hifz_mistakes" USING btree ("ayah_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_plans_student_key" ON "hifz_plans" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "hifz_plans_teacher_idx" ON "hifz_plans" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "hifz_plans_start_ayah_idx" ON "hifz_plans" USING btree ("start_ayah_id");--> statement-breakpoint
CREATE INDEX "hifz_plans_set_by_idx" ON "hifz_plans" USING btree ("set_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_recitations_student_client_key" ON "hifz_recitations" USING btree ("student_id","client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_recitations_r2_key" ON "hifz_recitations" USING btree ("r2_key");--> statement-breakpoint
CREATE INDEX "hifz_recitations_student_recorded_idx" ON "hifz_recitations" USING btree ("student_id","recorded_at");--> statement-breakpoint
CREATE INDEX "hifz_recitations_status_idx" ON "hifz_recitations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "hifz_recitations_from_ayah_idx" ON "hifz_recitations" USING btree ("from_ayah_id");--> statement-breakpoint
CREATE INDEX "hifz_recitations_to_ayah_idx" ON "hifz_recitations" USING btree ("to_ayah_id");--> statement-breakpoint
CREATE INDEX "hifz_recitations_graded_by_idx" ON "hifz_recitations" USING btree ("graded_by_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hifz_sessions_teacher_client_key" ON "hifz_sessions" USING btree ("teacher_id","client_id");--> statement-breakpoint
CREATE INDEX "hifz_sessions_student_day_idx" ON "hifz_sessions" USING btree ("student_id","held_on");--> statement-breakpoint
CREATE INDEX "hifz_sessions_teacher_day_idx" ON "hifz_sessions" USING btree ("teacher_id","held_on");--> statement-breakpoint
CREATE INDEX "hifz_sessions_held_on_idx" ON "hifz_sessions" USING btree ("held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "quran_ayahs_surah_ayah_key" ON "quran_ayahs" USING btree ("surah","ayah");--> statement-breakpoint
CREATE INDEX "quran_ayahs_juz_idx" ON "quran_ayahs" USING btree ("juz");--> statement-breakpoint
CREATE INDEX "quran_ayahs_page_idx" ON "quran_ayahs" USING btree ("page");