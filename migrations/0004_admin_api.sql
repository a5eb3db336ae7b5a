CREATE TABLE "activity_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "activity_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_document_id" varchar(24),
	"actor_role" varchar(16),
	"action" varchar(32) NOT NULL,
	"entity_type" varchar(32) NOT NULL,
	"entity_document_id" varchar(64),
	"summary" text NOT NULL,
	"changed_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"request_id" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "pairing_codes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pairing_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"document_id" varchar(24) NOT NULL,
	"code_hash" varchar(64) NOT NULL,
	"child_id" integer NOT NULL,
	"created_by_id" integer,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"used_by_id" integer,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairing_codes_document_id_unique" UNIQUE("document_id"),
	CONSTRAINT "pairing_codes_code_hash_unique" UNIQUE("code_hash"),
	CONSTRAINT "pairing_codes_expiry_after_creation" CHECK ("pairing_codes"."expires_at" > "pairing_codes"."created_at")
);
--> statement-breakpoint
CREATE TABLE "pairing_failures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pairing_failures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parent_id" integer NOT NULL,
	"address" varchar(64) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_child_id_users_id_fk" FOREIGN KEY ("child_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_codes" ADD CONSTRAINT "pairing_codes_used_by_id_users_id_fk" FOREIGN KEY ("used_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairing_failures" ADD CONSTRAINT "pairing_failures_parent_id_users_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_log_at_idx" ON "activity_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "activity_log_actor_idx" ON "activity_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "activity_log_entity_idx" ON "activity_log" USING btree ("entity_type","entity_document_id","at");--> statement-breakpoint
CREATE INDEX "activity_log_action_idx" ON "activity_log" USING btree ("action","at");--> statement-breakpoint
CREATE INDEX "pairing_codes_child_idx" ON "pairing_codes" USING btree ("child_id");--> statement-breakpoint
CREATE INDEX "pairing_codes_created_by_idx" ON "pairing_codes" USING btree ("created_by_id");--> statement-breakpoint
CREATE INDEX "pairing_codes_used_by_idx" ON "pairing_codes" USING btree ("used_by_id");--> statement-breakpoint
CREATE INDEX "pairing_failures_parent_idx" ON "pairing_failures" USING btree ("parent_id","at");--> statement-breakpoint
CREATE INDEX "pairing_failures_address_idx" ON "pairing_failures" USING btree ("address","at");--> statement-breakpoint
CREATE INDEX "pairing_failures_at_idx" ON "pairing_failures" USING btree ("at");