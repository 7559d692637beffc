import { costUsd, formatUsd, type ImageFile } from "@/lib/endpoint";

function formatBytes(bytes?: number): string | undefined {
  if (bytes === undefined) return undefined;
  return bytes > 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(bytes / 1024)} KB`;
}

/** One output image in a box of its final aspect, so nothing jumps while it loads. */
export function ResultImage({
  image,
  index,
  flagged,
}: {
  image: ImageFile;
  index: number;
  flagged: boolean;
}) {
  const { width, height } = image;
  const facts = [
    width && height ? `${width} × ${height}` : undefined,
    image.content_type?.replace("image/", "").toUpperCase(),
    formatBytes(image.file_size),
    width && height ? formatUsd(costUsd({ width, height })) : undefined,
  ].filter(Boolean);
  return (
    <figure className="flex flex-col gap-1.5">
      <a
        href={image.url}
        target="_blank"
        rel="noreferrer"
        className="block overflow-hidden rounded-lg bg-zinc-100 dark:bg-zinc-800"
        style={{ aspectRatio: width && height ? `${width} / ${height}` : "1 / 1" }}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- fal's URL shown as is, not re-processed by our server */}
        <img
          src={image.url}
          alt={`Result ${index + 1}`}
          loading="lazy"
          decoding="async"
          className="size-full object-contain"
        />
      </a>
      <figcaption className="flex flex-wrap items-center gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
        {flagged && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 font-medium text-red-800 dark:bg-red-950 dark:text-red-300">
            Flagged by safety checker
          </span>
        )}
        {facts.join(" · ")}
      </figcaption>
    </figure>
  );
}
