/**
 * The JSON shapes the API returns and server components render: plain objects, ISO-8601
 * timestamps as strings, calendar dates as YYYY-MM-DD, offsets in Unicode code points. The same
 * DTO comes from a server render and from a client refetch.
 */
export * from "./common";
export * from "./sources";
export * from "./speakers";
export * from "./stories";
export * from "./claims";
export * from "./workflow";
export * from "./suggestions";
export * from "./timelines";
export * from "./matches";
export * from "./imports";
