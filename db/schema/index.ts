export * from "./sources";
export * from "./speakers";
export * from "./stories";
export * from "./ratings";
export * from "./claims";
export * from "./reviews";
export * from "./events";
export * from "./auth";
