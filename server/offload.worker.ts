// The worker thread of server/offload.ts: runs one task at a time from lib/offload/tasks.ts and
// posts its result (or its failure) back. Pure computation: no database, no request state.
import { parentPort } from "node:worker_threads";
import { describeFailure, type TaskReply, type TaskRequest, tasks } from "../lib/offload/tasks";

parentPort!.on("message", ({ id, name, input }: TaskRequest) => {
  let reply: TaskReply;
  try {
    reply = { id, ok: true, result: (tasks[name] as (input: unknown) => unknown)(input) };
  } catch (error) {
    reply = { id, ok: false, failure: describeFailure(error) };
  }
  parentPort!.postMessage(reply);
});
