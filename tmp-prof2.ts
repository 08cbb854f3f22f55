import { openDatabase } from "@/db/client";
import { getClaim } from "@/server/claims";
const db = openDatabase(process.argv[2]!);
const ids = process.argv.slice(3).map(Number);
const viewer = { kind: "anonymous" } as never;
for (let round = 0; round < 30; round++) for (const id of ids) {
  const t0 = performance.now();
  await getClaim(db, viewer, id);
  const t1 = performance.now();
  if (round >= 27) console.log(id, "getClaim", (t1 - t0).toFixed(1));
}
