import "server-only";
import { availableParallelism } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { BusyError, DeadlineError } from "@/lib/errors";
import { FileRefusal } from "@/lib/interchange/json-ld";
import type { TaskName, TaskReply, Tasks } from "@/lib/offload/tasks";

/**
 * Long work off the request thread. A task of lib/offload/tasks.ts (claim suggestions,
 * re-anchoring, diffs, reading an import file) runs on a worker thread while the server keeps
 * answering other requests; each run has a deadline, after which its worker is stopped (and a
 * fresh one started for the next task) and the request gets a 503 naming the deadline.
 *
 * A few workers are kept (COUNTERPOINT_WORKERS, default: the cores but one, at most 4, at least
 * 1); tasks beyond them wait in a queue of at most MAX_QUEUED, beyond which a request is refused
 * with a 503 at once rather than piling up.
 */

export const MAX_QUEUED = 32;

type Input<K extends TaskName> = Parameters<Tasks[K]>[0];
type Output<K extends TaskName> = ReturnType<Tasks[K]>;

interface Job {
  id: number;
  name: TaskName;
  input: unknown;
  deadlineMs: number;
  what: string;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

function poolSize(): number {
  const configured = Number(process.env.COUNTERPOINT_WORKERS);
  if (Number.isInteger(configured) && configured > 0) return Math.min(configured, 16);
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/** Run from source (tests, scripts, a Turbopack dev server), a worker loads the TypeScript entry through tsx. */
const FROM_SOURCE_BOOT = `import("tsx/esm/api").then(({ tsImport }) => tsImport(require("node:worker_threads").workerData.entry, require("node:worker_threads").workerData.entry))`;

// The bundler's public path (webpack's module variable): `npm run build` and `npm run dev` use
// webpack, whose worker support this relies on. Turbopack has no such variable (`typeof` says so).
declare let __webpack_public_path__: string;

/**
 * A worker. Built by webpack (`next build --webpack`, `next dev --webpack`),
 * `new Worker(new URL(…, import.meta.url))` is the form the bundler recognises and builds the
 * worker file for; it resolves that file against its public path, which for the server is the
 * browser's "/_next/", so the path is cleared while the URL is made (the file then sits beside
 * the server's other chunks). From source (tests, scripts), the URL would name a TypeScript file
 * Node cannot load on its own: tsx loads it. Under a Turbopack dev server (plain `next dev`),
 * which builds no worker file, tsx loads the worker's source from the project folder.
 */
function spawnWorker(): Worker {
  if (process.env.NEXT_RUNTIME && typeof __webpack_public_path__ === "string") {
    const saved = __webpack_public_path__;
    __webpack_public_path__ = "";
    try {
      return new Worker(new URL("./offload.worker.ts", import.meta.url));
    } finally {
      __webpack_public_path__ = saved;
    }
  }
  const entry = process.env.NEXT_RUNTIME ? pathToFileURL(path.join(process.cwd(), "server", "offload.worker.ts")).href : import.meta.url.replace(/offload\.ts$/, "offload.worker.ts");
  return new Worker(FROM_SOURCE_BOOT, { eval: true, workerData: { entry } });
}

class Pool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;

  constructor(private readonly size: number) {}

  run(name: TaskName, input: unknown, deadlineMs: number, what: string): Promise<unknown> {
    if (this.queue.length >= MAX_QUEUED) return Promise.reject(new BusyError(`The server is busy with long work (${MAX_QUEUED} tasks waiting); try again in a moment.`));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, input, deadlineMs, what, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.addSlot();
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: spawnWorker(), job: null, timer: null };
    slot.worker.unref();
    slot.worker.on("message", (reply: TaskReply) => {
      const job = slot.job;
      if (!job || reply.id !== job.id) return;
      this.finish(slot);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(reply.failure.kind === "refusal" ? new FileRefusal(reply.failure.message) : new Error(reply.failure.message));
      this.pump();
    });
    // A worker that dies (out of memory, a crash) fails its task; the next task gets a new one.
    slot.worker.on("error", (error) => this.drop(slot, error));
    slot.worker.on("exit", () => this.drop(slot, new Error("the worker stopped")));
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.drop(slot, new DeadlineError(`${job.what} took longer than the ${job.deadlineMs / 1000} s this request may take, and was stopped; nothing was changed.`));
      void slot.worker.terminate();
    }, job.deadlineMs);
    slot.worker.postMessage({ id: job.id, name: job.name, input: job.input });
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    // An idle worker does not keep the process alive (a script ends when its work is done).
    slot.worker.unref();
  }

  /** Takes a slot out of the pool, failing its task. */
  private drop(slot: Slot, error: unknown): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    const job = slot.job;
    this.finish(slot);
    job?.reject(error);
    this.pump();
  }
}

const globalForPool = globalThis as unknown as { counterpointOffload?: Pool; counterpointOffloadDatabase?: Pool };

/**
 * Runs task `name` on a worker thread and resolves with its result, or rejects: with a
 * DeadlineError after `deadlineMs`, a BusyError when the queue is full, a FileRefusal as the
 * task threw it, or an Error with the task's message. Database tasks (`lane: "database"`, which
 * run while their caller holds the writer's turn) have a worker of their own, so they never wait
 * behind a long computation while every write waits behind them.
 */
export function offload<K extends TaskName>(name: K, input: Input<K>, options: { deadlineMs: number; what: string; lane?: "compute" | "database" }): Promise<Output<K>> {
  const pool = options.lane === "database" ? (globalForPool.counterpointOffloadDatabase ??= new Pool(1)) : (globalForPool.counterpointOffload ??= new Pool(poolSize()));
  return pool.run(name, input, options.deadlineMs, options.what) as Promise<Output<K>>;
}

/**
 * Lets other requests run: resolves after the event loop has handled what is waiting (I/O,
 * timers). Long loops on the request thread (an import's items) await it every few steps; an
 * `await` of a settled promise alone would not let anything else in.
 */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
