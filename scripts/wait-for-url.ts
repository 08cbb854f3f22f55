// `tsx scripts/wait-for-url.ts URL [SECONDS]`: waits until URL answers 2xx (the browser tests' second
// app server starts once the first has migrated and seeded the database).
const [url, seconds = "300"] = process.argv.slice(2);
if (!url) throw new Error("usage: wait-for-url.ts URL [SECONDS]");
const deadline = Date.now() + Number(seconds) * 1000;
while (Date.now() < deadline) {
  try {
    if ((await fetch(url)).ok) process.exit(0);
  } catch {
    // not up yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.error(`${url} did not answer within ${seconds} s`);
process.exit(1);
export {};
