ALTER TABLE "leads" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(coalesce("name", '') || ' ' || coalesce("company", '') || ' ' || coalesce("email", '') || ' ' || coalesce("phone", '') || ' ' || coalesce(immutable_array_to_string("tags", ' '), ''))) STORED;--> statement-breakpoint
CREATE INDEX "leads_search_text_trgm_idx" ON "leads" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- The planner needs the new column's statistics to tell a common fragment (walk the date index) from a rare one (trigram index).
ANALYZE "leads" ("search_text");
