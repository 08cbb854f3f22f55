import { describe, expect, it } from "vitest";
import { BackupError, exportDatabase, restoreDatabase } from "@/db/backup";
import { verifyCopy } from "@/db/copy";
import { createSeededDb, createTestDb, get, num, snapshot } from "../support/db";
import { GET as backupRoute } from "@/app/api/exports/backup/route";
import { fixture, importAs } from "../importers/support";
import { call } from "../support/http";
import { installDb, tokenFor } from "../support/db";

async function lines(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of iterable) out.push(line);
  return out;
}

async function* feed(list: string[]) {
  yield* list;
}

describe("full export and restore", () => {
  it("restores a backup with secrets into an empty database equal to the original, row for row, table by table", async () => {
    const original = await createSeededDb();
    await importAs(original, { format: "claimreview", content: fixture("claimreview-graph.jsonld") });
    const backup = await lines(exportDatabase(original, { secrets: true }));
    const manifest = JSON.parse(backup[0]!);
    expect(manifest).toMatchObject({ format: "counterpoint-backup", version: 1, secrets: true });
    expect(backup.length - 1).toBe(manifest.tables.reduce((n: number, t: { rows: number }) => n + t.rows, 0));

    const restored = await createTestDb();
    await restoreDatabase(restored, feed(backup));
    const report = await verifyCopy(original, restored);
    expect(report.tables.find((t) => t.table === "claims")!.rows).toBeGreaterThan(20);
    expect(report.tables.find((t) => t.table === "imports")!.rows).toBe(1);
    console.log(`backup round trip: ${report.tables.length} tables, ${report.tables.reduce((n, t) => n + t.rows, 0)} rows equal (count and checksum per table)`);
    // The restored database works: new rows get new ids.
    expect(await num(restored, "SELECT count(*) FROM claims")).toBe(await num(original, "SELECT count(*) FROM claims"));
  });

  it("leaves password hashes, tokens and sessions out unless asked", async () => {
    const original = await createSeededDb();
    const backup = await lines(exportDatabase(original));
    expect(backup.some((l) => l.startsWith('{"t":"sessions"') || l.startsWith('{"t":"apiTokens"'))).toBe(false);
    const accounts = backup.filter((l) => l.startsWith('{"t":"accounts"')).map((l) => JSON.parse(l).r);
    expect(accounts.length).toBeGreaterThan(0);
    expect(accounts.every((a) => a.password === null)).toBe(true);
    expect((await get<{ n: number }>(original, "SELECT count(*) AS n FROM accounts WHERE password IS NOT NULL"))!.n).not.toBe(0);
    // The admin download is the same backup.
    installDb(original);
    const request = new Request("http://localhost/api/exports/backup", { headers: { authorization: `Bearer ${await tokenFor(original, "admin")}` } });
    const response = await backupRoute(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const downloaded = (await response.text()).trimEnd().split("\n");
    const rowsOf = (list: string[], table: string) => list.filter((l) => l.startsWith(`{"t":"${table}"`));
    for (const table of ["claims", "sources", "accounts"]) expect(rowsOf(downloaded, table)).toEqual(rowsOf(backup, table));
    expect(rowsOf(downloaded, "apiTokens")).toEqual([]);
    expect((await call(backupRoute, "/api/exports/backup", { token: await tokenFor(original, "editor") })).status).toBe(403);
    const restored = await createTestDb();
    await restoreDatabase(restored, feed(backup));
    expect(await num(restored, "SELECT count(*) FROM users")).toBe(await num(original, "SELECT count(*) FROM users"));
    expect(await num(restored, "SELECT count(*) FROM accounts WHERE password IS NOT NULL")).toBe(0);
  });

  it("refuses a database that is not empty, and a file that is not a backup, naming the line", async () => {
    const original = await createSeededDb();
    const backup = await lines(exportDatabase(original));
    const full = await createSeededDb();
    const before = await snapshot(full);
    await expect(restoreDatabase(full, feed(backup))).rejects.toThrow(/not empty/);
    expect(await snapshot(full)).toEqual(before);
    await expect(restoreDatabase(await createTestDb(), feed(['{"hello": 1}']))).rejects.toThrow(new BackupError("line 1: not a Counterpoint backup of version 1"));
    await expect(restoreDatabase(await createTestDb(), feed([backup[0]!, backup[1]!, "{oops"]))).rejects.toThrow("line 3: not JSON");
  });
});
