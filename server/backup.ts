import "server-only";
import type { Db } from "@/db/client";
import { exportDatabase } from "@/db/backup";

/** The backup without secrets as a stream of lines, for the admin download. */
export function backupStream(db: Db): ReadableStream<string> {
  const lines = exportDatabase(db);
  return new ReadableStream<string>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(`${next.value}\n`);
    },
  });
}
