import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { createAnchor, reanchorAll } from "@/lib/anchoring";
import { missingShared, sharedPath } from "@/scripts/shared-dir";
import { chars } from "./edits";

// The article is news text: it is read from the shared folder at run time and never copied
// here. The claims are located by short key phrases; each claim is the curly-quoted passage
// around its key (or the key itself when it is not inside a quotation).
const SEED = "seeds/000_db28592d29a1d440.txt";
const seedFile = sharedPath(SEED);

const KEYS = [
  "deliberately ignoring",
  "pattern of state failures",
  "exaggerated",
  "living nightmare",
  "pig-butchering",
  "cornerstone of our collective",
  "up in the air",
  "super-embassy",
  "deeply concerned",
  "identified 53 scam centers",
];
const DELETED_KEY = "exaggerated"; // its whole line goes
const FIXED_KEY = "cornerstone of our collective"; // a word inside this quote changes
const FIX = ["invest smarter", "invest wisely"] as const;
const NEW_PARAGRAPH = "Editor’s note — this report was updated on 🗓️ Tuesday; 更新 details follow.";

/** UTF-16 range of the quotation around `key` on its line, or of the key itself. */
function passage(text: string, key: string): [number, number] {
  const at = text.indexOf(key);
  if (at < 0 || text.indexOf(key, at + 1) >= 0) throw new Error(`key "${key}" must occur exactly once`);
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const open = text.lastIndexOf("“", at);
  const close = text.indexOf("”", at);
  const inside = open >= lineStart && close >= 0 && text.lastIndexOf("”", at) < open;
  return inside ? [open, close + 1] : [at, at + key.length];
}

const toCp = (text: string, i: number) => chars(text.slice(0, i)).length;

describe.skipIf(!seedFile)(`re-anchoring the seed article (${seedFile ? SEED : missingShared(SEED)})`, () => {
  it("re-anchors nine of ten claims where their words now are and orphans the deleted one", () => {
    const text = readFileSync(seedFile!, "utf8");
    const anchors = KEYS.map((key) => {
      const [s, e] = passage(text, key);
      return createAnchor(text, toCp(text, s), toCp(text, e));
    });

    // The revision: a new paragraph after the first, a word fixed inside one quote, one line deleted.
    const firstBreak = text.indexOf("\n") + 1;
    let revised = text.slice(0, firstBreak) + NEW_PARAGRAPH + "\n" + text.slice(firstBreak);
    const del = revised.indexOf(DELETED_KEY);
    revised = revised.slice(0, revised.lastIndexOf("\n", del) + 1) + revised.slice(revised.indexOf("\n", del) + 1);
    expect(revised.split(FIX[0]).length).toBe(2);
    revised = revised.replace(FIX[0], FIX[1]);

    const results = reanchorAll(text, revised, anchors);
    let correct = 0;
    let reanchored = 0;
    KEYS.forEach((key, i) => {
      const r = results[i]!;
      if (key === DELETED_KEY) {
        expect(r.status, key).toBe("orphan");
        if (r.status === "orphan") correct++;
        return;
      }
      const [s, e] = passage(revised, key);
      const expected = { status: "anchored", start: toCp(revised, s), end: toCp(revised, e) };
      expect(r, key).toMatchObject(expected);
      if (r.status !== "anchored") return;
      if (key === FIXED_KEY) {
        expect(r.method).toBe("fuzzy");
        expect(r.anchor.exact).toContain(FIX[1]);
      } else {
        expect(r.method).not.toBe("fuzzy");
        expect(r.anchor.exact).toBe(anchors[i]!.exact);
      }
      if (r.start === expected.start && r.end === expected.end) {
        correct++;
        reanchored++;
      }
    });
    const methods = results.map((r) => (r.status === "anchored" ? r.method : "orphan")).join(", ");
    console.log(
      `seed article: ${reanchored}/${KEYS.length - 1} surviving claims re-anchored on the right words, ` +
        `${correct - reanchored}/1 deleted claim orphaned; ${correct}/${KEYS.length} fates correct (${methods})`,
    );
    expect(correct).toBe(KEYS.length);
  });
});
