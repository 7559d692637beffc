import type { PublicShareImage } from "@/lib/shares/public-share";
import type { ShareOptions } from "@/lib/shares/share";
import { ImageDetails } from "./image-details";
import { TileMedia } from "./tile-media";

/** One image of the share in the grid: the interactive part, then the details (server HTML). */
export function ShareTile({
  shareId,
  image,
  index,
  options,
  priority,
}: {
  shareId: string;
  image: PublicShareImage;
  index: number;
  options: ShareOptions;
  priority: boolean;
}) {
  const label = `Image ${index + 1}`;
  const headingId = `image-${image.id}-heading`;
  return (
    <li className="min-w-0">
      <article aria-labelledby={headingId} className="@container flex flex-col gap-2.5">
        <h3 id={headingId} className="sr-only">
          {label}
        </h3>
        <TileMedia
          shareId={shareId}
          // Only what the browser needs: prompts and parameters travel once, as HTML.
          image={{ id: image.id, src: image.src, width: image.width, height: image.height }}
          index={index}
          label={label}
          priority={priority}
          canCompare={options.beforeAfter && image.referenceCount > 0}
        />
        <ImageDetails shareId={shareId} image={image} label={label} options={options} />
      </article>
    </li>
  );
}
