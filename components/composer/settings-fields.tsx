"use client";

import {
  IMAGE_SIZE_PRESETS,
  LIMITS,
  OUTPUT_FORMATS,
  NAMED_SIZES,
  snapToPreset,
  type ImageSize,
} from "@/lib/endpoint";
import { usePlayground } from "@/lib/store/playground-store";

const SIZE_LABELS: Record<(typeof IMAGE_SIZE_PRESETS)[number], string> = {
  square_hd: "Square HD",
  square: "Square",
  portrait_4_3: "Portrait 3:4",
  portrait_16_9: "Portrait 9:16",
  landscape_4_3: "Landscape 4:3",
  landscape_16_9: "Landscape 16:9",
};
const DEFAULT_KEY = "default";

const selectClass =
  "w-full rounded-lg border border-zinc-300 bg-white px-2.5 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950";

/** The first parameters: output size, image count and format. The full set arrives with the composer. */
export function SettingsFields() {
  const settings = usePlayground((s) => s.settings);
  const updateSettings = usePlayground((s) => s.updateSettings);
  const sizeKey = typeof settings.image_size === "string" ? settings.image_size : DEFAULT_KEY;

  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-2">
      <label className="col-span-2 flex flex-col gap-1 text-sm sm:col-span-1 lg:col-span-2">
        <span className="font-medium">Output size</span>
        <select
          className={selectClass}
          value={sizeKey}
          onChange={(e) =>
            updateSettings({
              image_size:
                e.target.value === DEFAULT_KEY
                  ? { width: 2048, height: 2048 }
                  : (e.target.value as ImageSize),
            })
          }
        >
          <option value={DEFAULT_KEY}>Default (2048 × 2048)</option>
          {IMAGE_SIZE_PRESETS.map((preset) => {
            const out = snapToPreset(NAMED_SIZES[preset]);
            return (
              <option key={preset} value={preset}>
                {SIZE_LABELS[preset]} → {out.width} × {out.height}
              </option>
            );
          })}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Images</span>
        <select
          className={selectClass}
          value={settings.num_images}
          onChange={(e) => updateSettings({ num_images: Number(e.target.value) })}
        >
          {Array.from({ length: LIMITS.numImages.max }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">Format</span>
        <select
          className={selectClass}
          value={settings.output_format}
          onChange={(e) =>
            updateSettings({ output_format: e.target.value as (typeof OUTPUT_FORMATS)[number] })
          }
        >
          {OUTPUT_FORMATS.map((format) => (
            <option key={format} value={format}>
              {format.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
