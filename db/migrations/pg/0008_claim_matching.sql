-- The claim matcher's index (twin of the SQLite claim_matching migration): claims' text (A),
-- quote (B) and rationale (C; for an imported fact-check, its title and subtitle) under
-- cp_porter, in a generated column of its own so site search (search_tsv) is unchanged.
ALTER TABLE "claims" ADD COLUMN "match_tsv" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('cp_porter'::regconfig, "text"), 'A')
  || setweight(to_tsvector('cp_porter'::regconfig, coalesce("quote", '')), 'B')
  || setweight(to_tsvector('cp_porter'::regconfig, coalesce("rationale", '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "claims_match_idx" ON "claims" USING gin ("match_tsv");
