import { ENGINE } from "../engine";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

/**
 * The tables, for the engine this process runs on (db/engine.ts). Typed as the SQLite schema:
 * the two schemas have the same tables, columns and TypeScript types (tests/db/parity.test.ts).
 */
const schema = (ENGINE === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const {
  sources,
  sourceRevisions,
  speakers,
  stories,
  ratingScales,
  ratings,
  claims,
  claimLinks,
  evidence,
  reviews,
  comments,
  checkRequests,
  events,
  users,
  sessions,
  accounts,
  verifications,
  apiTokens,
  settings,
  rateLimits,
  idempotencyKeys,
  suggestionRejections,
  imports,
  importRecords,
  importKeys,
} = schema;
