-- The spelling index behind search's "did you mean" (twin of the SQLite 0012_search_spelling.sql;
-- server/search/spelling.ts reads it): every word of the claims, speakers and sources as typed
-- (case and diacritics folded, not stemmed), with how many rows of each kind hold it, kept by
-- triggers. A reader's corrections draw only on words of published claims (public_claims) and
-- of the speakers and sources a reader can search; a draft's words count in `claims` alone.
--
-- * cp_words: the words of a text: the default parser's words and the parts of hyphenated
--   words (as unicode61 splits them), unaccented and lower-cased; words with digits, addresses
--   and numbers are not words here; 3 to 40 letters.
-- * search_words: a word and its document counts. A word whose counts fall to zero stays (with
--   its trigrams) but is never proposed.
-- * search_word_trigrams: the word's trigrams (padded '  word '), with its length, to find the
--   words near a misspelling without reading the whole vocabulary.
CREATE TEXT SEARCH CONFIGURATION cp_words (PARSER = default);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION cp_words ADD MAPPING FOR asciiword, word, hword_asciipart, hword_part WITH unaccent, simple;
--> statement-breakpoint
CREATE FUNCTION cp_words(p_text text) RETURNS SETOF text LANGUAGE sql STABLE AS $$
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('cp_words'::regconfig, coalesce(p_text, '')))) AS w WHERE char_length(w) BETWEEN 3 AND 40
$$;
--> statement-breakpoint
CREATE TABLE "search_words" (
  "word" text COLLATE "C" PRIMARY KEY NOT NULL,
  "claims" integer DEFAULT 0 NOT NULL,
  "public_claims" integer DEFAULT 0 NOT NULL,
  "speakers" integer DEFAULT 0 NOT NULL,
  "sources" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_word_trigrams" (
  "trigram" text COLLATE "C" NOT NULL,
  "len" integer NOT NULL,
  "word" text COLLATE "C" NOT NULL,
  PRIMARY KEY ("trigram", "len", "word")
);
--> statement-breakpoint
-- The words already stored, counted in bulk.
INSERT INTO search_words (word, claims, public_claims)
  SELECT w, count(*), count(*) FILTER (WHERE c.status = 'published') FROM claims c, cp_words(c.text || ' ' || coalesce(c.quote, '')) AS w GROUP BY w;
--> statement-breakpoint
INSERT INTO search_words (word, speakers)
  SELECT w, count(*) FROM speakers s, cp_words(s.name || ' ' || s.aliases::text) AS w GROUP BY w
  ON CONFLICT (word) DO UPDATE SET speakers = excluded.speakers;
--> statement-breakpoint
INSERT INTO search_words (word, sources)
  SELECT w, count(*) FROM sources s, cp_words(s.title || ' ' || s.text) AS w GROUP BY w
  ON CONFLICT (word) DO UPDATE SET sources = excluded.sources;
--> statement-breakpoint
INSERT INTO search_word_trigrams (trigram, len, word)
  SELECT DISTINCT substr('  ' || w.word || ' ', i, 3), char_length(w.word), w.word FROM search_words w, generate_series(1, char_length(w.word) + 1) AS i;
--> statement-breakpoint
CREATE FUNCTION cp_search_word_trigrams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_word_trigrams (trigram, len, word)
    SELECT substr('  ' || NEW.word || ' ', i, 3), char_length(NEW.word), NEW.word FROM generate_series(1, char_length(NEW.word) + 1) AS i
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "search_words_ai" AFTER INSERT ON "search_words" FOR EACH ROW EXECUTE FUNCTION cp_search_word_trigrams();
--> statement-breakpoint
-- A row's words leave the old counts and join the new (words in sorted order, so that two
-- writers lock the rows they share in the same order).
CREATE FUNCTION cp_search_words_claims() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE search_words SET claims = claims - 1, public_claims = public_claims - (OLD.status = 'published')::integer
      WHERE word IN (SELECT cp_words(OLD.text || ' ' || coalesce(OLD.quote, '')));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_words (word, claims, public_claims)
      SELECT w, 1, (NEW.status = 'published')::integer FROM cp_words(NEW.text || ' ' || coalesce(NEW.quote, '')) AS w ORDER BY w
      ON CONFLICT (word) DO UPDATE SET claims = search_words.claims + 1, public_claims = search_words.public_claims + excluded.public_claims;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "search_words_claims_aid" AFTER INSERT OR DELETE ON "claims" FOR EACH ROW EXECUTE FUNCTION cp_search_words_claims();
--> statement-breakpoint
CREATE TRIGGER "search_words_claims_au" AFTER UPDATE OF "text", "quote", "status" ON "claims" FOR EACH ROW
  WHEN (OLD.text IS DISTINCT FROM NEW.text OR OLD.quote IS DISTINCT FROM NEW.quote OR (OLD.status = 'published') IS DISTINCT FROM (NEW.status = 'published'))
  EXECUTE FUNCTION cp_search_words_claims();
--> statement-breakpoint
CREATE FUNCTION cp_search_words_speakers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE search_words SET speakers = speakers - 1 WHERE word IN (SELECT cp_words(OLD.name || ' ' || OLD.aliases::text));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_words (word, speakers) SELECT w, 1 FROM cp_words(NEW.name || ' ' || NEW.aliases::text) AS w ORDER BY w
      ON CONFLICT (word) DO UPDATE SET speakers = search_words.speakers + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "search_words_speakers_aid" AFTER INSERT OR DELETE ON "speakers" FOR EACH ROW EXECUTE FUNCTION cp_search_words_speakers();
--> statement-breakpoint
CREATE TRIGGER "search_words_speakers_au" AFTER UPDATE OF "name", "aliases" ON "speakers" FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.aliases IS DISTINCT FROM NEW.aliases)
  EXECUTE FUNCTION cp_search_words_speakers();
--> statement-breakpoint
CREATE FUNCTION cp_search_words_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE search_words SET sources = sources - 1 WHERE word IN (SELECT cp_words(OLD.title || ' ' || OLD.text));
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search_words (word, sources) SELECT w, 1 FROM cp_words(NEW.title || ' ' || NEW.text) AS w ORDER BY w
      ON CONFLICT (word) DO UPDATE SET sources = search_words.sources + 1;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "search_words_sources_aid" AFTER INSERT OR DELETE ON "sources" FOR EACH ROW EXECUTE FUNCTION cp_search_words_sources();
--> statement-breakpoint
CREATE TRIGGER "search_words_sources_au" AFTER UPDATE OF "title", "text" ON "sources" FOR EACH ROW
  WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text)
  EXECUTE FUNCTION cp_search_words_sources();
