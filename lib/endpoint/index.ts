export * from "./catalog";
export * from "./inputs";
export * from "./sizes";
export * from "./pricing";
// Types only: the zod schemas themselves are imported from "@/lib/endpoint/schema" where they are
// used, so a module that needs a price or a range does not bring zod into the page.
export type { EditInput, EditOutput, ImageFile, ResolvedEditInput } from "./schema";
