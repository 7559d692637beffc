/** Plain-text tables for bench output: a header, a rule, and padded columns. */
export function table(
  header: string[],
  rows: string[][],
  align: "left" | "right" = "right",
): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)),
  );
  const pad = (cell: string, width: number) =>
    align === "right" ? cell.padStart(width) : cell.padEnd(width);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** The closing lines every bench prints: its verdict, then its notes. */
export function verdictAndNotes(pass: boolean, notes: readonly string[]): string[] {
  return [
    "",
    `Verdict: ${pass ? "PASS" : "FAIL"}`,
    "",
    "Notes:",
    ...notes.map((note) => `- ${note}`),
  ];
}
