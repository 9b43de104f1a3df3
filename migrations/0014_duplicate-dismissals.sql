CREATE TABLE "duplicate_dismissals" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"low_id" uuid NOT NULL,
	"high_id" uuid NOT NULL,
	"dismissed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_workspace_id_entity_type_low_id_high_id_pk" PRIMARY KEY("workspace_id","entity_type","low_id","high_id")
);
--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duplicate_dismissals_high_idx" ON "duplicate_dismissals" USING btree ("workspace_id","entity_type","high_id");