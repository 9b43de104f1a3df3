-- Duplicates view: the contacts' similar-name self-join (lower(first || ' ' || last) % …) probes this
-- trigram index; clients and leads already have theirs (migrations 0003/0007).
CREATE INDEX IF NOT EXISTS "contacts_name_trgm_idx" ON "contacts" USING gin ((lower("first_name" || ' ' || coalesce("last_name", ''))) gin_trgm_ops);
