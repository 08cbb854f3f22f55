-- Full-text search (FTS5) over claims, sources and speakers, kept in step by triggers so every
-- write path (present and future) updates the index in the writer's own transaction.
--
-- * claims_fts: external content over claims(text, quote); rowid = claims.id.
-- * Sources are indexed by passage, not whole: a source's text (up to 5 MB) is cut into
--   passages of roughly 0.5–2 KB at line breaks (else at a space, else at a character
--   boundary) kept in source_passages, and source_passages_fts indexes each passage with its
--   source's title. snippet() then tokenises one short passage instead of a 2 MB text, and
--   bm25 ranks the passage that matches rather than the whole, length-penalised, document.
-- * speakers_fts: external content over the view speakers_search, in which the JSON array of
--   aliases is flattened to text (by string functions: json_each inside a view read by FTS5
--   fails with "no such table: main.json_each" on 'rebuild').
-- The porter stemmer over unicode61 without diacritics: "identified" finds "identify",
-- "Sihanoukville" finds "sihanoukville". prefix='2 3' keeps search-as-you-type (`cam*`) fast.
CREATE VIRTUAL TABLE `claims_fts` USING fts5(
  text, quote,
  content='claims', content_rowid='id',
  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ai` AFTER INSERT ON `claims`
BEGIN
  INSERT INTO claims_fts(rowid, text, quote) VALUES (new.id, new.text, new.quote);
END;
--> statement-breakpoint
CREATE TRIGGER `claims_fts_ad` AFTER DELETE ON `claims`
BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text, quote) VALUES ('delete', old.id, old.text, old.quote);
END;
--> statement-breakpoint
-- Only when the indexed words change: workflow steps and version bumps leave the index alone.
CREATE TRIGGER `claims_fts_au` AFTER UPDATE OF text, quote ON `claims`
WHEN old.text IS NOT new.text OR old.quote IS NOT new.quote
BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text, quote) VALUES ('delete', old.id, old.text, old.quote);
  INSERT INTO claims_fts(rowid, text, quote) VALUES (new.id, new.text, new.quote);
END;
--> statement-breakpoint
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
--> statement-breakpoint
CREATE VIEW `speakers_search` AS
  SELECT id, name, replace(replace(substr(trim(json(aliases), '[]'), 2, length(trim(json(aliases), '[]')) - 2), '","', ' · '), '\"', '"') AS aliases FROM speakers;
--> statement-breakpoint
CREATE VIRTUAL TABLE `speakers_fts` USING fts5(
  name, aliases,
  content='speakers_search', content_rowid='id',
  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
CREATE TRIGGER `speakers_fts_ai` AFTER INSERT ON `speakers`
BEGIN
  INSERT INTO speakers_fts(rowid, name, aliases)
    VALUES (new.id, new.name, replace(replace(substr(trim(json(new.aliases), '[]'), 2, length(trim(json(new.aliases), '[]')) - 2), '","', ' · '), '\"', '"'));
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_fts_ad` AFTER DELETE ON `speakers`
BEGIN
  INSERT INTO speakers_fts(speakers_fts, rowid, name, aliases)
    VALUES ('delete', old.id, old.name, replace(replace(substr(trim(json(old.aliases), '[]'), 2, length(trim(json(old.aliases), '[]')) - 2), '","', ' · '), '\"', '"'));
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_fts_au` AFTER UPDATE OF name, aliases ON `speakers`
WHEN old.name IS NOT new.name OR old.aliases IS NOT new.aliases
BEGIN
  INSERT INTO speakers_fts(speakers_fts, rowid, name, aliases)
    VALUES ('delete', old.id, old.name, replace(replace(substr(trim(json(old.aliases), '[]'), 2, length(trim(json(old.aliases), '[]')) - 2), '","', ' · '), '\"', '"'));
  INSERT INTO speakers_fts(rowid, name, aliases)
    VALUES (new.id, new.name, replace(replace(substr(trim(json(new.aliases), '[]'), 2, length(trim(json(new.aliases), '[]')) - 2), '","', ' · '), '\"', '"'));
END;
--> statement-breakpoint
INSERT INTO speakers_fts(speakers_fts) VALUES ('rebuild');
--> statement-breakpoint
-- A source's current text in passages: `start` and `length` are in bytes of its UTF-8 text.
CREATE TABLE `source_passages` (
  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  `source_id` integer NOT NULL REFERENCES `sources`(`id`),
  `seq` integer NOT NULL,
  `start` integer NOT NULL,
  `length` integer NOT NULL,
  `text` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `source_passages_source_seq_unique` ON `source_passages` (`source_id`, `seq`);
--> statement-breakpoint
-- The passages' content as FTS reads it back (for snippets): each passage with its source's title.
CREATE VIEW `source_passages_search` AS
  SELECT p.id, s.title, p.text FROM source_passages p JOIN sources s ON s.id = p.source_id;
--> statement-breakpoint
CREATE VIRTUAL TABLE `source_passages_fts` USING fts5(
  title, text,
  content='source_passages_search', content_rowid='id',
  tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
-- Cuts a text into passages. Byte offsets on the text as a BLOB make each step O(1) (a
-- character offset would rescan the text from its start). Where the remainder is longer than
-- 2000 bytes, a passage ends at the first line break after 400 bytes, else at the first space
-- after 1000, else at 2000 bytes moved back to the start of a UTF-8 character.
CREATE TRIGGER `sources_search_ai` AFTER INSERT ON `sources`
BEGIN
  INSERT INTO source_passages(source_id, seq, start, length, text)
  WITH RECURSIVE cut(seq, start, length) AS (
    SELECT 1, 1, 0
    UNION ALL
    SELECT seq + 1, start + length, (
      SELECT CASE
        WHEN total - here + 1 <= 2000 THEN total - here + 1
        WHEN instr(substr(b, here + 400, 1600), x'0A') > 0 THEN 399 + instr(substr(b, here + 400, 1600), x'0A')
        WHEN instr(substr(b, here + 1000, 1000), x'20') > 0 THEN 999 + instr(substr(b, here + 1000, 1000), x'20')
        WHEN substr(b, here + 2000, 1) NOT BETWEEN x'80' AND x'BF' THEN 2000
        WHEN substr(b, here + 1999, 1) NOT BETWEEN x'80' AND x'BF' THEN 1999
        WHEN substr(b, here + 1998, 1) NOT BETWEEN x'80' AND x'BF' THEN 1998
        ELSE 1997 END
      FROM (SELECT CAST(new.text AS BLOB) AS b, length(CAST(new.text AS BLOB)) AS total, start + length AS here)
    )
    FROM cut WHERE start + length <= length(CAST(new.text AS BLOB))
  )
  SELECT new.id, seq - 1, start - 1, length, CAST(substr(CAST(new.text AS BLOB), start, length) AS TEXT)
  FROM cut WHERE seq > 1;
  INSERT INTO source_passages_fts(rowid, title, text) SELECT id, new.title, text FROM source_passages WHERE source_id = new.id;
END;
--> statement-breakpoint
-- The passages are written only by these triggers, which also keep their index (FTS needs the
-- old title and text to remove a passage, so the three steps go in this order).
CREATE TRIGGER `sources_search_ad` AFTER DELETE ON `sources`
BEGIN
  INSERT INTO source_passages_fts(source_passages_fts, rowid, title, text) SELECT 'delete', id, old.title, text FROM source_passages WHERE source_id = old.id;
  DELETE FROM source_passages WHERE source_id = old.id;
END;
--> statement-breakpoint
-- A new text (a revision) is cut again; a new title re-indexes the passages under it.
CREATE TRIGGER `sources_search_au` AFTER UPDATE OF title, text ON `sources`
WHEN old.title IS NOT new.title OR old.text IS NOT new.text
BEGIN
  INSERT INTO source_passages_fts(source_passages_fts, rowid, title, text) SELECT 'delete', id, old.title, text FROM source_passages WHERE source_id = old.id;
  DELETE FROM source_passages WHERE source_id = old.id AND old.text IS NOT new.text;
  INSERT INTO source_passages(source_id, seq, start, length, text)
  WITH RECURSIVE cut(seq, start, length) AS (
    SELECT 1, 1, 0
    UNION ALL
    SELECT seq + 1, start + length, (
      SELECT CASE
        WHEN total - here + 1 <= 2000 THEN total - here + 1
        WHEN instr(substr(b, here + 400, 1600), x'0A') > 0 THEN 399 + instr(substr(b, here + 400, 1600), x'0A')
        WHEN instr(substr(b, here + 1000, 1000), x'20') > 0 THEN 999 + instr(substr(b, here + 1000, 1000), x'20')
        WHEN substr(b, here + 2000, 1) NOT BETWEEN x'80' AND x'BF' THEN 2000
        WHEN substr(b, here + 1999, 1) NOT BETWEEN x'80' AND x'BF' THEN 1999
        WHEN substr(b, here + 1998, 1) NOT BETWEEN x'80' AND x'BF' THEN 1998
        ELSE 1997 END
      FROM (SELECT CAST(new.text AS BLOB) AS b, length(CAST(new.text AS BLOB)) AS total, start + length AS here)
    )
    FROM cut WHERE start + length <= length(CAST(new.text AS BLOB))
  )
  SELECT new.id, seq - 1, start - 1, length, CAST(substr(CAST(new.text AS BLOB), start, length) AS TEXT)
  FROM cut WHERE seq > 1 AND old.text IS NOT new.text;
  INSERT INTO source_passages_fts(rowid, title, text) SELECT id, new.title, text FROM source_passages WHERE source_id = new.id;
END;
--> statement-breakpoint
-- The passages of the sources already stored: the same cut, through a throwaway INSTEAD OF
-- trigger so that the text is a value (as in the triggers) rather than re-read at every step.
CREATE VIEW `source_passages_backfill` AS SELECT id, title, text FROM sources;
--> statement-breakpoint
CREATE TRIGGER `source_passages_backfill_ii` INSTEAD OF INSERT ON `source_passages_backfill`
BEGIN
  INSERT INTO source_passages(source_id, seq, start, length, text)
  WITH RECURSIVE cut(seq, start, length) AS (
    SELECT 1, 1, 0
    UNION ALL
    SELECT seq + 1, start + length, (
      SELECT CASE
        WHEN total - here + 1 <= 2000 THEN total - here + 1
        WHEN instr(substr(b, here + 400, 1600), x'0A') > 0 THEN 399 + instr(substr(b, here + 400, 1600), x'0A')
        WHEN instr(substr(b, here + 1000, 1000), x'20') > 0 THEN 999 + instr(substr(b, here + 1000, 1000), x'20')
        WHEN substr(b, here + 2000, 1) NOT BETWEEN x'80' AND x'BF' THEN 2000
        WHEN substr(b, here + 1999, 1) NOT BETWEEN x'80' AND x'BF' THEN 1999
        WHEN substr(b, here + 1998, 1) NOT BETWEEN x'80' AND x'BF' THEN 1998
        ELSE 1997 END
      FROM (SELECT CAST(new.text AS BLOB) AS b, length(CAST(new.text AS BLOB)) AS total, start + length AS here)
    )
    FROM cut WHERE start + length <= length(CAST(new.text AS BLOB))
  )
  SELECT new.id, seq - 1, start - 1, length, CAST(substr(CAST(new.text AS BLOB), start, length) AS TEXT)
  FROM cut WHERE seq > 1;
END;
--> statement-breakpoint
INSERT INTO source_passages_backfill(id, title, text) SELECT id, title, text FROM sources ORDER BY id;
--> statement-breakpoint
DROP VIEW `source_passages_backfill`;
--> statement-breakpoint
INSERT INTO source_passages_fts(source_passages_fts) VALUES ('rebuild');
