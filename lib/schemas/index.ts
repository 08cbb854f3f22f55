/**
 * zod schemas for API input, shared by route handlers (validation at the edge) and client
 * forms. Named `<verb><Thing>Schema`. Pure: safe in the browser.
 */
export * from "./common";
export * from "./sources";
export * from "./speakers";
export * from "./stories";
export * from "./claims";
export * from "./workflow";
export * from "./suggestions";
export * from "./timelines";
export * from "./search";
export * from "./imports";
export * from "./responses";
