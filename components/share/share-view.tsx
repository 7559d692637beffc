import type { PublicFeedback, PublicShare } from "@/lib/shares/public-share";
import { cn } from "@/lib/cn";
import { GRID_COLUMNS, PAGE_FRAME, PRIORITY_TILES } from "./grid-layout";
import { ShareFooter } from "./share-footer";
import { ShareHeader } from "./share-header";
import { ShareReviewProvider } from "./share-review-provider";
import { ShareTile } from "./share-tile";

/** A share a client may see: header, the grid of images to review, and the footer. */
export function ShareView({ share, feedback }: { share: PublicShare; feedback: PublicFeedback }) {
  const images = share.images.map(({ id, src, width, height }) => ({ id, src, width, height }));
  return (
    <div className="flex min-h-dvh flex-col">
      <main className={cn(PAGE_FRAME, "flex-1 pt-8 pb-4 sm:pt-12")}>
        <ShareHeader share={share} />
        <ShareReviewProvider
          shareId={share.id}
          images={images}
          locked={share.locked}
          feedback={feedback}
        >
          <section aria-labelledby="share-images-heading" className="mt-8 sm:mt-10">
            <h2 id="share-images-heading" className="sr-only">
              Images
            </h2>
            <ul className={GRID_COLUMNS}>
              {share.images.map((image, index) => (
                <ShareTile
                  key={image.id}
                  shareId={share.id}
                  image={image}
                  index={index}
                  options={share.options}
                  priority={index < PRIORITY_TILES}
                />
              ))}
            </ul>
          </section>
        </ShareReviewProvider>
      </main>
      <ShareFooter />
    </div>
  );
}
