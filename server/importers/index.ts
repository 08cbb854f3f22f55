import "server-only";
import type { UserViewer } from "../authz";

export { DEFAULT_BATCH_SIZE, getImport, type ImportInput, listImports, prepareImport, runImport, startImport } from "./framework";
export { formatFor, readItems } from "./formats";
export { undoImport } from "./undo";

/** The actor a command-line import is recorded under (the audit log names it). */
export function commandLineViewer(id = "system:import", name = "Command-line import"): UserViewer {
  return { kind: "user", id, name, role: "admin" };
}
