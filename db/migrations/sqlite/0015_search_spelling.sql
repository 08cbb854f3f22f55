-- The spelling index behind search's "did you mean" (server/search/spelling.ts): every word of
-- the claims, speakers and sources as typed (case and diacritics folded, not stemmed), with how
-- many rows of each kind hold it, kept in step by triggers so every write path keeps it. A
-- reader's corrections draw only on words of published claims (public_claims) and of the
-- speakers and sources a reader can search; a draft's words count in `claims` alone.
--
-- * search_words: a word (3 to 40 letters, no digits) and its document counts. A word whose
--   counts fall to zero stays (with its trigrams) but is never proposed.
-- * search_word_trigrams: the word's trigrams (padded '  word '), with its length, to find the
--   words near a misspelling without reading the whole vocabulary.
-- * Triggers cut a text into words with the same tokenizer as the search index (unicode61
--   without diacritics, minus the stemmer), through a one-row contentless FTS5 table whose
--   vocabulary is read and then emptied. The twin on PostgreSQL uses a text-search
--   configuration (cp_words) with the same rules.
CREATE TABLE `search_words` (
  `word` text PRIMARY KEY NOT NULL,
  `claims` integer DEFAULT 0 NOT NULL,
  `public_claims` integer DEFAULT 0 NOT NULL,
  `speakers` integer DEFAULT 0 NOT NULL,
  `sources` integer DEFAULT 0 NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `search_word_trigrams` (
  `trigram` text NOT NULL,
  `len` integer NOT NULL,
  `word` text NOT NULL,
  PRIMARY KEY (`trigram`, `len`, `word`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_scratch` USING fts5(text, content='', tokenize = 'unicode61 remove_diacritics 2', detail = none);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_scratch_vocab` USING fts5vocab(search_words_scratch, row);
--> statement-breakpoint
-- The words already stored, counted in bulk: a throwaway index over each kind of row.
CREATE VIEW `search_words_backfill_content` AS SELECT id, text || ' ' || coalesce(quote, '') AS text FROM claims;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill` USING fts5(text, content='search_words_backfill_content', content_rowid='id', tokenize = 'unicode61 remove_diacritics 2', detail = none);
--> statement-breakpoint
INSERT INTO search_words_backfill(search_words_backfill) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill_vocab` USING fts5vocab(search_words_backfill, row);
--> statement-breakpoint
INSERT INTO search_words(word, claims) SELECT term, doc FROM search_words_backfill_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*';
--> statement-breakpoint
DROP TABLE `search_words_backfill_vocab`;
--> statement-breakpoint
DROP TABLE `search_words_backfill`;
--> statement-breakpoint
DROP VIEW `search_words_backfill_content`;
--> statement-breakpoint
CREATE VIEW `search_words_backfill_content` AS SELECT id, text || ' ' || coalesce(quote, '') AS text FROM claims WHERE status = 'published';
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill` USING fts5(text, content='search_words_backfill_content', content_rowid='id', tokenize = 'unicode61 remove_diacritics 2', detail = none);
--> statement-breakpoint
INSERT INTO search_words_backfill(search_words_backfill) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill_vocab` USING fts5vocab(search_words_backfill, row);
--> statement-breakpoint
INSERT INTO search_words(word, public_claims) SELECT term, doc FROM search_words_backfill_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
  ON CONFLICT(word) DO UPDATE SET public_claims = excluded.public_claims;
--> statement-breakpoint
DROP TABLE `search_words_backfill_vocab`;
--> statement-breakpoint
DROP TABLE `search_words_backfill`;
--> statement-breakpoint
DROP VIEW `search_words_backfill_content`;
--> statement-breakpoint
CREATE VIEW `search_words_backfill_content` AS SELECT id, name || ' ' || coalesce(aliases, '') AS text FROM speakers;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill` USING fts5(text, content='search_words_backfill_content', content_rowid='id', tokenize = 'unicode61 remove_diacritics 2', detail = none);
--> statement-breakpoint
INSERT INTO search_words_backfill(search_words_backfill) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill_vocab` USING fts5vocab(search_words_backfill, row);
--> statement-breakpoint
INSERT INTO search_words(word, speakers) SELECT term, doc FROM search_words_backfill_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
  ON CONFLICT(word) DO UPDATE SET speakers = excluded.speakers;
--> statement-breakpoint
DROP TABLE `search_words_backfill_vocab`;
--> statement-breakpoint
DROP TABLE `search_words_backfill`;
--> statement-breakpoint
DROP VIEW `search_words_backfill_content`;
--> statement-breakpoint
CREATE VIEW `search_words_backfill_content` AS SELECT id, coalesce(title, '') || ' ' || coalesce(text, '') AS text FROM sources;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill` USING fts5(text, content='search_words_backfill_content', content_rowid='id', tokenize = 'unicode61 remove_diacritics 2', detail = none);
--> statement-breakpoint
INSERT INTO search_words_backfill(search_words_backfill) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_words_backfill_vocab` USING fts5vocab(search_words_backfill, row);
--> statement-breakpoint
INSERT INTO search_words(word, sources) SELECT term, doc FROM search_words_backfill_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
  ON CONFLICT(word) DO UPDATE SET sources = excluded.sources;
--> statement-breakpoint
DROP TABLE `search_words_backfill_vocab`;
--> statement-breakpoint
DROP TABLE `search_words_backfill`;
--> statement-breakpoint
DROP VIEW `search_words_backfill_content`;
--> statement-breakpoint
INSERT INTO search_word_trigrams(trigram, len, word)
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= 40)
  SELECT DISTINCT substr('  ' || w.word || ' ', n.i, 3), length(w.word), w.word FROM search_words w JOIN n ON n.i <= length(w.word) + 1;
--> statement-breakpoint
CREATE TRIGGER `search_words_ai` AFTER INSERT ON `search_words`
BEGIN
  INSERT OR IGNORE INTO search_word_trigrams(trigram, len, word)
    SELECT substr('  ' || new.word || ' ', n.i, 3), length(new.word), new.word
    FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= length(new.word)) SELECT i FROM n) AS n;
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_claims_ai` AFTER INSERT ON `claims`
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, new.text || ' ' || coalesce(new.quote, ''));
  INSERT INTO search_words(word, claims, public_claims) SELECT term, 1, new.status = 'published' FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET claims = claims + 1, public_claims = public_claims + excluded.public_claims;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_claims_ad` AFTER DELETE ON `claims`
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, old.text || ' ' || coalesce(old.quote, ''));
  UPDATE search_words SET claims = claims - 1, public_claims = public_claims - (old.status = 'published') WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
-- New words, or a claim published or unpublished: its words leave the old counts and join the new.
CREATE TRIGGER `search_words_claims_au` AFTER UPDATE OF text, quote, status ON `claims`
WHEN old.text IS NOT new.text OR old.quote IS NOT new.quote OR (old.status = 'published') IS NOT (new.status = 'published')
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, old.text || ' ' || coalesce(old.quote, ''));
  UPDATE search_words SET claims = claims - 1, public_claims = public_claims - (old.status = 'published') WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, new.text || ' ' || coalesce(new.quote, ''));
  INSERT INTO search_words(word, claims, public_claims) SELECT term, 1, new.status = 'published' FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET claims = claims + 1, public_claims = public_claims + excluded.public_claims;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_speakers_ai` AFTER INSERT ON `speakers`
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, new.name || ' ' || coalesce(new.aliases, ''));
  INSERT INTO search_words(word, speakers) SELECT term, 1 FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET speakers = speakers + 1;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_speakers_ad` AFTER DELETE ON `speakers`
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, old.name || ' ' || coalesce(old.aliases, ''));
  UPDATE search_words SET speakers = speakers - 1 WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_speakers_au` AFTER UPDATE OF name, aliases ON `speakers`
WHEN old.name IS NOT new.name OR old.aliases IS NOT new.aliases
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, old.name || ' ' || coalesce(old.aliases, ''));
  UPDATE search_words SET speakers = speakers - 1 WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, new.name || ' ' || coalesce(new.aliases, ''));
  INSERT INTO search_words(word, speakers) SELECT term, 1 FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET speakers = speakers + 1;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_sources_ai` AFTER INSERT ON `sources`
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(new.title, '') || ' ' || coalesce(new.text, ''));
  INSERT INTO search_words(word, sources) SELECT term, 1 FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET sources = sources + 1;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_sources_ad` AFTER DELETE ON `sources`
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(old.title, '') || ' ' || coalesce(old.text, ''));
  UPDATE search_words SET sources = sources - 1 WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
CREATE TRIGGER `search_words_sources_au` AFTER UPDATE OF title, text ON `sources`
WHEN old.title IS NOT new.title OR old.text IS NOT new.text
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(old.title, '') || ' ' || coalesce(old.text, ''));
  UPDATE search_words SET sources = sources - 1 WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(new.title, '') || ' ' || coalesce(new.text, ''));
  INSERT INTO search_words(word, sources) SELECT term, 1 FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET sources = sources + 1;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
