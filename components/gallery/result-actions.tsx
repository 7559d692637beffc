"use client";

import type { ImageFile } from "@/lib/endpoint";
import type { Recipe } from "@/lib/recipe/recipe";
import { IconButton } from "./icon-button";
import { Icon } from "./icons";
import { downloadImage, openInlineImage } from "./download";
import { isInline } from "./image-facts";
import { StarButton } from "./star-button";
import { useAddAsReference } from "./use-add-as-reference";
import { usePlayground } from "@/lib/store/playground-store";
import { copyText } from "./use-flash";

/**
 * The per-image toolbar: icons only, so four images' worth stays calm and wraps on a phone.
 * What needs a picture the user has not chosen to see, or that has expired, waits until it can.
 */
export function ResultActions({
  image,
  selectKey,
  recipe,
  number,
  fileName,
  veiled,
  expired,
  canCompare,
  starred,
  onCompare,
  onToggleStar,
  say,
}: {
  image: ImageFile;
  /** Its key in the gallery's selection. */
  selectKey: string;
  /** What made it, written into the downloaded file. */
  recipe: Recipe;
  /** 1-based, as the controls name it. */
  number: number;
  fileName: string;
  veiled: boolean;
  expired: boolean;
  canCompare: boolean;
  starred: boolean;
  onCompare(): void;
  onToggleStar(): void;
  say(message: string, sticky?: boolean): void;
}) {
  const addAsReference = useAddAsReference();
  const selected = usePlayground((s) => s.selection.includes(selectKey));
  const toggleSelected = usePlayground((s) => s.toggleSelected);
  const inline = isInline(image.url);

  const download = async () => {
    say("Downloading…", true);
    try {
      await downloadImage(image.url, fileName, recipe);
      say(`Saved as ${fileName}`);
    } catch {
      say("Download failed — open it full size and save it from there", true);
    }
  };
  const addReference = async () => {
    say("Adding to the references…", true);
    const added = await addAsReference(image.url, fileName).catch(() => false);
    say(added ? "Added to the composer's references" : "Not added — see the composer");
  };

  return (
    // A group, not role="toolbar": that role promises arrow-key movement, and Tab is enough here.
    <div role="group" aria-label={`Image ${number} actions`} className="flex items-center">
      <label
        title="Select (shift-click for a range)"
        className="inline-flex size-8 cursor-pointer items-center justify-center rounded-lg hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <input
          type="checkbox"
          aria-label={`Select image ${number}`}
          checked={selected}
          // Click, not change: it carries the shift key (a range), and Space fires it too.
          onClick={(event) => toggleSelected(selectKey, event.shiftKey)}
          onChange={() => {}}
          className="size-4 accent-accent-600"
        />
      </label>
      <StarButton starred={starred} name={`image ${number}`} onToggle={onToggleStar} />
      <IconButton
        icon="download"
        label={`Download image ${number}`}
        disabled={expired}
        onClick={() => void download()}
      />
      <a
        href={image.url}
        target="_blank"
        rel="noreferrer"
        onClick={(event) => {
          if (!inline) return;
          event.preventDefault();
          openInlineImage(image.url);
        }}
        aria-label={`Open image ${number} full size`}
        title={`Open image ${number} full size`}
        className="inline-flex size-8 items-center justify-center rounded-lg text-zinc-600 transition-colors hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
      >
        <Icon name="open" />
      </a>
      <IconButton
        icon="copy"
        label={`Copy URL of image ${number}`}
        onClick={() =>
          void copyText(image.url, say, inline ? "Copied (an inline data: URL)" : "URL copied")
        }
      />
      <IconButton
        icon="compare"
        label={`Compare image ${number} with a reference`}
        disabled={veiled || expired || !canCompare}
        onClick={onCompare}
      />
      <IconButton
        icon="reference"
        label={`Use image ${number} as a reference`}
        disabled={veiled || expired}
        onClick={() => void addReference()}
      />
    </div>
  );
}
