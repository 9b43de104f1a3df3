CREATE TABLE "duplicate_scan_prefixes" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"trigram" text NOT NULL,
	"rank" smallint NOT NULL,
	"core" boolean NOT NULL,
	"len" smallint NOT NULL,
	"sig" bit(256) NOT NULL,
	CONSTRAINT "duplicate_scan_prefixes_workspace_id_entity_type_record_id_trigram_pk" PRIMARY KEY("workspace_id","entity_type","record_id","trigram")
);
--> statement-breakpoint
CREATE TABLE "duplicate_scan_trigrams" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"trigram" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "duplicate_scan_trigrams_workspace_id_entity_type_trigram_pk" PRIMARY KEY("workspace_id","entity_type","trigram")
);
--> statement-breakpoint
ALTER TABLE "duplicate_scans" ADD COLUMN "phase" text DEFAULT 'purge' NOT NULL;--> statement-breakpoint
ALTER TABLE "duplicate_scan_prefixes" ADD CONSTRAINT "duplicate_scan_prefixes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_scan_trigrams" ADD CONSTRAINT "duplicate_scan_trigrams_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duplicate_scan_prefixes_trigram_idx" ON "duplicate_scan_prefixes" USING btree ("workspace_id","entity_type","trigram");