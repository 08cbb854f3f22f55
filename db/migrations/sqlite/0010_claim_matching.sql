-- The claim matcher's index ("Checked before?", lib/matching): claims' text, quote and rationale
-- (for an imported fact-check, its title and subtitle), tokenised as claims_fts is. A separate
-- index rather than a third column of claims_fts, so site search keeps ranking and matching on
-- what the claim says only. Contentless (the words are read from claims) and kept by triggers.
-- claims_match_vocab gives each stem's document count: the matcher's idf.
CREATE VIRTUAL TABLE `claims_match_fts` USING fts5(
  text, quote, rationale,
  content='', contentless_delete=1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `claims_match_vocab` USING fts5vocab(claims_match_fts, 'row');
--> statement-breakpoint
CREATE TRIGGER `claims_match_fts_ai` AFTER INSERT ON `claims`
BEGIN
  INSERT INTO claims_match_fts(rowid, text, quote, rationale) VALUES (new.id, new.text, new.quote, new.rationale);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_match_fts_ad` AFTER DELETE ON `claims`
BEGIN
  DELETE FROM claims_match_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `claims_match_fts_au` AFTER UPDATE OF text, quote, rationale ON `claims`
WHEN old.text IS NOT new.text OR old.quote IS NOT new.quote OR old.rationale IS NOT new.rationale
BEGIN
  DELETE FROM claims_match_fts WHERE rowid = old.id;
  INSERT INTO claims_match_fts(rowid, text, quote, rationale) VALUES (new.id, new.text, new.quote, new.rationale);
END;
--> statement-breakpoint
INSERT INTO claims_match_fts(rowid, text, quote, rationale) SELECT id, text, quote, rationale FROM claims;
