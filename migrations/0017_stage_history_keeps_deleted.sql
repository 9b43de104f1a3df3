ALTER TABLE "deal_stage_history" DROP CONSTRAINT "deal_stage_history_stage_id_pipeline_stages_id_fk";
--> statement-breakpoint
ALTER TABLE "deal_stage_history" ALTER COLUMN "stage_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD COLUMN "stage_name" text;--> statement-breakpoint
-- Backfill the snapshot from the stages that still exist, then require it.
UPDATE "deal_stage_history" h SET "stage_name" = s."name" FROM "pipeline_stages" s WHERE s."id" = h."stage_id";--> statement-breakpoint
ALTER TABLE "deal_stage_history" ALTER COLUMN "stage_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE set null ON UPDATE no action;
