import { encode } from "uqr";

/** Light modules around the code: the QR standard asks for four, and phones scan better with it. */
const QUIET_ZONE = 4;

/**
 * A QR code of `text` as an inline SVG: one rect per dark module, dark on white whatever the
 * theme, since scanners expect dark on light. Crisp at any size (shape-rendering).
 */
export function QrCode({
  text,
  label,
  size = 176,
}: {
  text: string;
  label: string;
  size?: number;
}) {
  // ecc M: a phone still reads it off a slightly glossy or dim screen.
  const { data } = encode(text, { ecc: "M", border: QUIET_ZONE });
  const modules = data.length;
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      className="rounded-md"
    >
      <rect width={modules} height={modules} fill="#fff" />
      {data.flatMap((row, y) =>
        row.map((dark, x) =>
          dark ? <rect key={`${x}-${y}`} x={x} y={y} width={1} height={1} fill="#000" /> : null,
        ),
      )}
    </svg>
  );
}
