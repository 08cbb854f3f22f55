import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withTx } from "@/db/tx";
import { claims, speakers, stories } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { recordEvent } from "../events";
import { scaleRatings } from "../ratings";

/**
 * Import of the LIAR dataset's TSV form (Wang 2017: PolitiFact statements with speakers and
 * six-way labels): 14 tab-separated columns, no header, no quoting — id, label, statement,
 * subjects, speaker, job title, state, party, five credit-history counts, context.
 */
export interface LiarRow {
  id: string;
  label: string;
  statement: string;
  subjects: string[];
  speaker: string;
  job: string;
  state: string;
  party: string;
  context: string;
}

/** PolitiFact's six labels on Counterpoint's default scale. */
const LABELS: Record<string, string> = {
  true: "true",
  "mostly-true": "mostly-true",
  "half-true": "half-true",
  "barely-true": "mostly-false",
  false: "false",
  "pants-fire": "false",
};

export function parseLiarTsv(text: string): LiarRow[] {
  const rows: LiarRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "") return;
    const cols = line.split("\t");
    if (cols.length !== 14) throw new ValidationError(`Line ${i + 1} has ${cols.length} columns; the LIAR format has 14.`, { file: `line ${i + 1}: expected 14 tab-separated columns` });
    const [id, label, statement, subjects, speaker, job, state, party, , , , , , context] = cols as [string, string, string, string, string, string, string, string, ...string[]];
    if (!(label in LABELS)) throw new ValidationError(`Line ${i + 1} has an unknown label “${label}”.`, { file: `line ${i + 1}: unknown label` });
    rows.push({ id, label, statement: statement.trim(), subjects: subjects.split(",").map((s) => s.trim()).filter(Boolean), speaker: speaker.trim(), job: job.trim(), state: state.trim(), party: party.trim(), context: (context ?? "").trim() });
  });
  return rows;
}

/** "dwayne-bohac" → "Dwayne Bohac". */
export function speakerName(slug: string): string {
  return slug
    .split("-")
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(" ");
}

const titleCase = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).replace(/-/g, " ");

export interface LiarImportResult {
  claims: number;
  speakers: number;
  stories: number;
  skipped: number;
}

/**
 * Imports LIAR rows as published claims with their verdicts: a speaker per LIAR speaker
 * (matched by name to existing ones), a story per first subject, no stated date (LIAR has
 * none) and no source document. A row whose statement is already a claim of that speaker is
 * skipped, so importing twice adds nothing. One transaction per batch of rows.
 */
export async function importLiar(db: Db, actor: string, rows: LiarRow[], batch = 2000): Promise<LiarImportResult> {
  const result: LiarImportResult = { claims: 0, speakers: 0, stories: 0, skipped: 0 };
  const ratingIds = new Map((await scaleRatings(db)).map((r) => [r.key, r.id]));
  const speakerIds = new Map((await db.select({ id: speakers.id, name: speakers.name }).from(speakers)).map((s) => [s.name.toLowerCase(), s.id]));
  const storyIds = new Map((await db.select({ id: stories.id, title: stories.title }).from(stories)).map((s) => [s.title.toLowerCase(), s.id]));
  const seen = new Set((await db.select({ text: claims.text, speakerId: claims.speakerId }).from(claims)).map((c) => `${c.speakerId}\u0000${c.text}`));
  const now = new Date().toISOString();
  for (let i = 0; i < rows.length; i += batch) {
    await withTx(db, async (tx) => {
      for (const row of rows.slice(i, i + batch)) {
        if (!row.statement || !row.speaker) {
          result.skipped++;
          continue;
        }
        const name = speakerName(row.speaker);
        let speakerId = speakerIds.get(name.toLowerCase());
        if (speakerId === undefined) {
          const description = [row.job, row.state, row.party && row.party !== "none" ? row.party : ""].filter(Boolean).join(", ") || null;
          const kind = /organization|group|committee|campaign|party|pac|association|network|news|democrats|republicans/i.test(`${row.party} ${name}`) ? "organisation" : "person";
          const [s] = await tx.insert(speakers).values({ name, kind, description, aliases: [], createdBy: actor }).returning();
          await recordEvent(tx, { actor, entityType: "speaker", entityId: s!.id, action: "create", after: s, comment: "LIAR import" });
          speakerId = s!.id;
          speakerIds.set(name.toLowerCase(), s!.id);
          result.speakers++;
        }
        const key = `${speakerId}\u0000${row.statement}`;
        if (seen.has(key)) {
          result.skipped++;
          continue;
        }
        seen.add(key);
        const subject = row.subjects[0] ? titleCase(row.subjects[0]) : null;
        let storyId: number | null = null;
        if (subject) {
          storyId = storyIds.get(subject.toLowerCase()) ?? null;
          if (storyId === null) {
            const [s] = await tx.insert(stories).values({ title: subject, description: "Statements on this subject imported from the LIAR dataset.", createdBy: actor }).returning();
            await recordEvent(tx, { actor, entityType: "story", entityId: s!.id, action: "create", after: s, comment: "LIAR import" });
            storyId = s!.id;
            storyIds.set(subject.toLowerCase(), s!.id);
            result.stories++;
          }
        }
        const [c] = await tx
          .insert(claims)
          .values({
            text: row.statement,
            quote: row.statement,
            speakerId,
            storyId,
            status: "published",
            publishedAt: now,
            ratingId: ratingIds.get(LABELS[row.label]!) ?? null,
            rationale: `Imported from the LIAR dataset (statement ${row.id}); PolitiFact rated it “${row.label}”.${row.context ? ` Said in ${row.context}.` : ""}`,
            createdBy: actor,
          })
          .returning();
        await recordEvent(tx, { actor, entityType: "claim", entityId: c!.id, action: "create", after: c, comment: "LIAR import" });
        result.claims++;
      }
    });
  }
  return result;
}

/** The id of the speaker called `name`, if any (for tests and tools). */
export async function speakerIdByName(db: Db, name: string): Promise<number | null> {
  return (await db.select({ id: speakers.id }).from(speakers).where(eq(speakers.name, name)))[0]?.id ?? null;
}
