-- The twin of SQLite's source_passages_later, which moves the cutting and indexing of long source
-- texts out of the writer's transaction because better-sqlite3 runs it on the server's only
-- thread. On PostgreSQL the triggers of 0004_search (and the vocabulary's) keep doing it in the
-- writer's transaction: the database server does that work while the app's thread waits on the
-- connection without being held (the pg driver is asynchronous). Nothing changes but this note.
COMMENT ON TABLE "source_passages" IS 'A source''s current text in passages, cut and indexed by the triggers of the sources table in the writer''s transaction (SQLite queues texts over 64 KiB instead: migration source_passages_later).';
