import { openDatabase } from "@/db/client";
import { getClaimDetail } from "@/server/claims";
import { claimReviewFor } from "@/server/feeds";
import { getVerdictRecord } from "@/server/verdict-record";
import { captureQueries } from "@/db/query-log";
const db = openDatabase(process.argv[2]!);
const ids = process.argv.slice(3).map(Number);
const viewer = { kind: "anonymous" } as never;
const site = { url: "http://x", orgName: "X" } as never;
for (let round = 0; round < 3; round++) for (const id of ids) {
  const t0 = performance.now();
  const c = await getClaimDetail(db, viewer, id);
  const t1 = performance.now();
  await claimReviewFor(db, c, site);
  const t2 = performance.now();
  await getVerdictRecord(db, id);
  const t3 = performance.now();
  if (round === 2) console.log(id, "detail", (t1 - t0).toFixed(1), "review", (t2 - t1).toFixed(1), "record", (t3 - t2).toFixed(1));
}
const q = await captureQueries(() => getClaimDetail(db, viewer, ids[0]!));
console.log("queries", q.queries.length);
