import { Fragment } from "react";

// Variable names (ACCESS_PASSWORD, ALLOW_PUBLIC_ACCESS=true) and the few literal commands and
// names the rows quote: set in code so a deployer can copy them exactly.
const LITERALS = [
  "openssl rand -hex 32",
  ".env.local",
  "rediss://",
  "sync_mode",
  "maxDuration",
  "pages/api/fal/proxy.ts",
  "lib/proxy/read-body.ts",
  "cf-connecting-ip",
  "x-real-ip",
  "x-vercel-forwarded-for",
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const CODE = new RegExp(
  `(\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:=[a-z0-9]+)?\\b|${LITERALS.map(escape).join("|")})`,
);

/** A row's text with environment variable names and commands in `<code>`. */
export function EnvText({ text, codeClassName }: { text: string; codeClassName: string }) {
  // With one capture group, split puts the matches at the odd indices.
  return text.split(CODE).map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className={codeClassName}>
        {part}
      </code>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
