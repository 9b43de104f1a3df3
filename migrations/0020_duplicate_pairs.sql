CREATE TABLE "duplicate_pairs" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"low_id" uuid NOT NULL,
	"high_id" uuid NOT NULL,
	"reasons" text[] NOT NULL,
	"similarity" real,
	"score" real NOT NULL,
	"computed_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "duplicate_pairs_workspace_id_entity_type_low_id_high_id_pk" PRIMARY KEY("workspace_id","entity_type","low_id","high_id")
);
--> statement-breakpoint
CREATE TABLE "duplicate_scans" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"scan_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"cursor_type" text DEFAULT 'client' NOT NULL,
	"cursor_id" uuid,
	"total" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_scans" ADD CONSTRAINT "duplicate_scans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_scans" ADD CONSTRAINT "duplicate_scans_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duplicate_pairs_high_idx" ON "duplicate_pairs" USING btree ("workspace_id","entity_type","high_id");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_score_idx" ON "duplicate_pairs" USING btree ("workspace_id","entity_type","score" DESC NULLS LAST,"low_id","high_id");--> statement-breakpoint
CREATE INDEX "clients_workspace_phone_idx" ON "clients" USING btree ("workspace_id","phone");--> statement-breakpoint
CREATE INDEX "contacts_workspace_updated_idx" ON "contacts" USING btree ("workspace_id","updated_at");--> statement-breakpoint
CREATE INDEX "contacts_workspace_phone_idx" ON "contacts" USING btree ("workspace_id","phone");--> statement-breakpoint
-- Hand-written: key expressions the duplicate rescore probes per record (they must match duplicates.repository.ts).
CREATE INDEX "leads_workspace_email_lower_idx" ON "leads" USING btree ("workspace_id", lower("email"));--> statement-breakpoint
CREATE INDEX "leads_workspace_email_domain_idx" ON "leads" USING btree ("workspace_id", (nullif(split_part(lower("email"), '@', 2), '')));--> statement-breakpoint
CREATE INDEX "contacts_workspace_email_lower_idx" ON "contacts" USING btree ("workspace_id", lower("email"));--> statement-breakpoint
CREATE INDEX "clients_workspace_host_idx" ON "clients" USING btree ("workspace_id", (nullif(lower(regexp_replace(regexp_replace(trim("website"), '^[a-zA-Z][a-zA-Z0-9+.-]*://', ''), '^www\.|[/:?#].*$', '', 'g')), '')));--> statement-breakpoint
-- Existing workspaces get a queued rescan; the server enqueues its job at boot (duplicates.rebuild).
INSERT INTO "duplicate_scans" ("workspace_id", "status") SELECT "id", 'pending' FROM "workspaces" ON CONFLICT DO NOTHING;
