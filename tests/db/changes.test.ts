import { beforeAll, describe, expect, it } from "vitest";
import { changeVersion } from "@/db/changes";
import type { Db } from "@/db/client";
import { createClaim, updateClaim } from "@/server/claims-write";
import { addComment } from "@/server/reviews";
import { createSeededDb, num, viewerFor } from "../support/db";

/**
 * Two change versions: `all` moves with every write (staff caches), `readers` only with what
 * readers can see (the reader page cache), so a comment or a draft does not make every cached
 * reader page render again.
 */
let db: Db;
beforeAll(async () => {
  db = await createSeededDb();
});

const versions = async () => ({ all: await changeVersion(db, "all"), readers: await changeVersion(db, "readers") });

describe("change versions", () => {
  it("a comment or a draft moves the staff version only; an edit of a published claim moves both", async () => {
    const fc = await viewerFor(db, "factchecker");
    const speakerId = await num(db, "SELECT id FROM speakers WHERE published_claims > 0 ORDER BY id LIMIT 1");
    const publishedId = await num(db, "SELECT id FROM claims WHERE status = 'published' ORDER BY id LIMIT 1");

    const start = await versions();
    await addComment(db, fc, publishedId, "A note only the desk sees.");
    const afterComment = await versions();
    expect(afterComment.all).not.toBe(start.all);
    expect(afterComment.readers).toBe(start.readers);

    const draft = await createClaim(db, fc, { text: "A draft nobody outside the desk has seen.", speakerId });
    await updateClaim(db, fc, draft.id, { text: "A draft, reworded.", version: draft.version });
    const afterDraft = await versions();
    expect(afterDraft.all).not.toBe(afterComment.all);
    expect(afterDraft.readers).toBe(start.readers);

    const published = await num(db, "SELECT version FROM claims WHERE id = ?", publishedId);
    await updateClaim(db, await viewerFor(db, "editor"), publishedId, { text: "A published claim, corrected.", version: published });
    const afterPublished = await versions();
    expect(afterPublished.all).not.toBe(afterDraft.all);
    expect(afterPublished.readers).not.toBe(afterDraft.readers);
  });
});
