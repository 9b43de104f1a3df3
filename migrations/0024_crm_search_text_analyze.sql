-- The planner needs the new columns' statistics to tell a common fragment (walk the list's sort index) from a rare one (trigram index).
ANALYZE "clients" ("search_text");--> statement-breakpoint
ANALYZE "contacts" ("search", "search_text");--> statement-breakpoint
ANALYZE "deals" ("search_text");
