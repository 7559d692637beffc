export * from "./catalog";
export * from "./schema";
export * from "./sizes";
export * from "./pricing";
