-- Long texts are cut into passages and indexed for search off the request thread. The triggers
-- of 0005_search did it inside the writer's transaction: for a 5 MB text that held the server's
-- only thread (better-sqlite3 is synchronous) for most of a second. Now:
--
-- * A text up to 64 KiB is still cut and indexed by the triggers, in the writer's transaction.
-- * A longer one (or any change to a source whose old or new text is longer, or whose passages
--   are still waiting) only queues the source in source_passages_backlog, in the same
--   transaction as the text: the text and its place in the queue are committed together. The
--   writer then has the source indexed on a worker thread, on its own connection, in one
--   transaction of its own (db/passage-index.ts: INSERT INTO source_passages_reindex, whose
--   INSTEAD OF trigger replaces the passages and empties the source's place in the queue), and
--   answers once that has committed. Until then search still finds the source's previous
--   passages; a crash in between leaves the queue, which is worked off at the next start.
-- * The same goes for the words of the spelling vocabulary (migration search_spelling), which
--   its triggers counted by tokenising the whole text: a long text's words are counted when its
--   passages are made, and the words of the passages it replaces (their text is the old text)
--   are taken off then.
-- * `indexed_title` keeps the title the source's current passages were indexed under (FTS needs
--   it to remove them; NULL when none were).
CREATE TABLE `source_passages_backlog` (
	`source_id` integer PRIMARY KEY NOT NULL,
	`indexed_title` text,
	`queued_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `sources_search_ai`;
--> statement-breakpoint
CREATE TRIGGER `sources_search_ai` AFTER INSERT ON `sources`
WHEN length(CAST(new.text AS BLOB)) <= 65536
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
CREATE TRIGGER `sources_search_ai_later` AFTER INSERT ON `sources`
WHEN NOT (length(CAST(new.text AS BLOB)) <= 65536)
BEGIN
  INSERT INTO source_passages_backlog(source_id, indexed_title) VALUES (new.id, NULL) ON CONFLICT(source_id) DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER `sources_search_au`;
--> statement-breakpoint
CREATE TRIGGER `sources_search_au` AFTER UPDATE OF title, text ON `sources`
WHEN (old.title IS NOT new.title OR old.text IS NOT new.text) AND length(CAST(old.text AS BLOB)) <= 65536 AND length(CAST(new.text AS BLOB)) <= 65536 AND NOT EXISTS (SELECT 1 FROM source_passages_backlog WHERE source_id = new.id)
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
CREATE TRIGGER `sources_search_au_later` AFTER UPDATE OF title, text ON `sources`
WHEN (old.title IS NOT new.title OR old.text IS NOT new.text) AND NOT (length(CAST(old.text AS BLOB)) <= 65536 AND length(CAST(new.text AS BLOB)) <= 65536 AND NOT EXISTS (SELECT 1 FROM source_passages_backlog WHERE source_id = new.id))
BEGIN
  INSERT INTO source_passages_backlog(source_id, indexed_title) VALUES (new.id, old.title) ON CONFLICT(source_id) DO NOTHING;
END;
--> statement-breakpoint
DROP TRIGGER `sources_search_ad`;
--> statement-breakpoint
DROP TRIGGER `search_words_sources_ad`;
--> statement-breakpoint
CREATE TRIGGER `sources_search_ad` AFTER DELETE ON `sources`
BEGIN
  -- The words counted for the source: its text, or, while it waits in the queue, its passages'.
  INSERT INTO search_words_scratch(rowid, text)
    SELECT 1, coalesce(b.indexed_title, '') || ' ' || coalesce((SELECT group_concat(text, '') FROM (SELECT text FROM source_passages WHERE source_id = old.id ORDER BY seq)), '') FROM source_passages_backlog b WHERE b.source_id = old.id
    UNION ALL SELECT 1, coalesce(old.title, '') || ' ' || coalesce(old.text, '') WHERE NOT EXISTS (SELECT 1 FROM source_passages_backlog WHERE source_id = old.id);
  UPDATE search_words SET sources = sources - 1 WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
  INSERT INTO source_passages_fts(source_passages_fts, rowid, title, text) SELECT 'delete', id, coalesce((SELECT indexed_title FROM source_passages_backlog WHERE source_id = old.id), old.title), text FROM source_passages WHERE source_id = old.id;
  DELETE FROM source_passages WHERE source_id = old.id;
  DELETE FROM source_passages_backlog WHERE source_id = old.id;
END;
--> statement-breakpoint
-- Indexing a queued source: `INSERT INTO source_passages_reindex SELECT id, title, text FROM
-- sources WHERE id = ?` (so that the text is a value, as in the triggers, rather than re-read at
-- every step of the cut).
CREATE VIEW `source_passages_reindex` AS SELECT id, title, text FROM sources;
--> statement-breakpoint
CREATE TRIGGER `source_passages_reindex_ii` INSTEAD OF INSERT ON `source_passages_reindex`
BEGIN
  INSERT INTO search_words_scratch(rowid, text)
    SELECT 1, coalesce(b.indexed_title, new.title) || ' ' || (SELECT group_concat(text, '') FROM (SELECT text FROM source_passages WHERE source_id = new.id ORDER BY seq))
    FROM source_passages_backlog b WHERE b.source_id = new.id AND EXISTS (SELECT 1 FROM source_passages WHERE source_id = new.id);
  UPDATE search_words SET sources = sources - 1 WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
  INSERT INTO source_passages_fts(source_passages_fts, rowid, title, text)
    SELECT 'delete', p.id, coalesce(b.indexed_title, new.title), p.text FROM source_passages p LEFT JOIN source_passages_backlog b ON b.source_id = p.source_id WHERE p.source_id = new.id;
  DELETE FROM source_passages WHERE source_id = new.id;
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
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(new.title, '') || ' ' || coalesce(new.text, ''));
  INSERT INTO search_words(word, sources) SELECT term, 1 FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET sources = sources + 1;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
  DELETE FROM source_passages_backlog WHERE source_id = new.id;
END;
--> statement-breakpoint
DROP TRIGGER `search_words_sources_ai`;
--> statement-breakpoint
CREATE TRIGGER `search_words_sources_ai` AFTER INSERT ON `sources`
WHEN length(CAST(new.text AS BLOB)) <= 65536
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(new.title, '') || ' ' || coalesce(new.text, ''));
  INSERT INTO search_words(word, sources) SELECT term, 1 FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET sources = sources + 1;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
--> statement-breakpoint
DROP TRIGGER `search_words_sources_au`;
--> statement-breakpoint
CREATE TRIGGER `search_words_sources_au` AFTER UPDATE OF title, text ON `sources`
WHEN (old.title IS NOT new.title OR old.text IS NOT new.text) AND length(CAST(old.text AS BLOB)) <= 65536 AND length(CAST(new.text AS BLOB)) <= 65536 AND NOT EXISTS (SELECT 1 FROM source_passages_backlog WHERE source_id = new.id)
BEGIN
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(old.title, '') || ' ' || coalesce(old.text, ''));
  UPDATE search_words SET sources = sources - 1 WHERE word IN (SELECT term FROM search_words_scratch_vocab);
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
  INSERT INTO search_words_scratch(rowid, text) VALUES (1, coalesce(new.title, '') || ' ' || coalesce(new.text, ''));
  INSERT INTO search_words(word, sources) SELECT term, 1 FROM search_words_scratch_vocab WHERE length(term) BETWEEN 3 AND 40 AND term NOT GLOB '*[0-9]*'
    ON CONFLICT(word) DO UPDATE SET sources = sources + 1;
  INSERT INTO search_words_scratch(search_words_scratch) VALUES ('delete-all');
END;
