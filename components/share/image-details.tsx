import { referencePath, type PublicShareImage } from "@/lib/shares/public-share";
import type { ShareOptions } from "@/lib/shares/share";
import { TileDisclosure } from "./tile-disclosure";

/** Model, the owner's formatted parameters, then seed: what "how was this made" answers. */
function settingsOf(image: PublicShareImage): [string, string][] {
  return [
    ...(image.model ? [["Model", image.model] as [string, string]] : []),
    ...Object.entries(image.parameters ?? {}),
    ...(image.seed !== undefined ? [["Seed", String(image.seed)] as [string, string]] : []),
  ];
}

/**
 * What the owner chose to show besides the picture: prompt, settings, references. Each is
 * checked against the share's options here too, so a field the server left in stays unseen.
 */
export function ImageDetails({
  shareId,
  image,
  label,
  options,
}: {
  shareId: string;
  image: PublicShareImage;
  label: string;
  options: ShareOptions;
}) {
  const prompt = options.showPrompt ? image.prompt : undefined;
  const settings = options.showParameters ? settingsOf(image) : [];
  const references = options.showReferences ? image.referenceCount : 0;
  if (!prompt && settings.length === 0 && references === 0) return null;

  return (
    <div className="flex flex-col gap-2">
      {prompt && (
        <TileDisclosure summary="Prompt">
          <p className="break-words whitespace-pre-wrap">{prompt}</p>
        </TileDisclosure>
      )}
      {settings.length > 0 && (
        <TileDisclosure summary="Settings">
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
            {settings.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="text-zinc-500 dark:text-zinc-400">{name}</dt>
                <dd className="font-mono break-words">{value}</dd>
              </div>
            ))}
          </dl>
        </TileDisclosure>
      )}
      {references > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <span className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
            {references === 1 ? "Reference" : "References"}
          </span>
          <ul className="flex flex-wrap gap-1.5">
            {Array.from({ length: references }, (_, k) => (
              <li key={k}>
                <a
                  href={referencePath(shareId, image.id, k, 1280)}
                  target="_blank"
                  rel="noreferrer"
                  className="block size-12 overflow-hidden rounded-md bg-zinc-200 ring-1 ring-zinc-900/5 dark:bg-zinc-800 dark:ring-white/10"
                >
                  {/* Empty alt: a reference fal no longer serves then shows as an empty box, not a broken icon; the link is named below. */}
                  {/* eslint-disable-next-line @next/next/no-img-element -- the share's thumbnail route already resizes to WebP */}
                  <img
                    src={referencePath(shareId, image.id, k, 320)}
                    alt=""
                    width={48}
                    height={48}
                    loading="lazy"
                    decoding="async"
                    className="size-full object-cover"
                  />
                  <span className="sr-only">
                    Reference {k + 1} of {label} (opens full size in a new tab)
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
