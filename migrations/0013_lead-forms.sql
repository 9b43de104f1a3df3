CREATE TABLE "lead_forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"public_id" text NOT NULL,
	"fields" jsonb NOT NULL,
	"consent" jsonb NOT NULL,
	"success" jsonb NOT NULL,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"last_submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lead_forms" ADD CONSTRAINT "lead_forms_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lead_forms_public_id_idx" ON "lead_forms" USING btree ("public_id");--> statement-breakpoint
CREATE INDEX "lead_forms_workspace_id_idx" ON "lead_forms" USING btree ("workspace_id","id");