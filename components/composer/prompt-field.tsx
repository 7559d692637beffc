"use client";

import {
  createContext,
  useCallback,
  useContext,
  useId,
  useRef,
  type ReactNode,
  type RefObject,
} from "react";
import { usePlayground } from "@/lib/store/playground-store";
import { errorProps } from "./field";

const EXAMPLES = [
  "Put the person from image 1 in a sunlit café, keep their face and clothes",
  "Replace the background with a marble counter and soft studio light",
  "Make it a watercolor painting, keep the composition",
  "Combine the product from image 1 with the style of image 2",
];

const PromptRef = createContext<RefObject<HTMLTextAreaElement | null> | null>(null);

/** Shares the prompt box with the reference thumbnails, whose numbers insert mentions. */
export function PromptProvider({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  return <PromptRef.Provider value={ref}>{children}</PromptRef.Provider>;
}

/** Inserts text at the prompt's cursor (or its end) and puts the cursor after it. */
export function useInsertIntoPrompt() {
  const ref = useContext(PromptRef);
  const setPrompt = usePlayground((s) => s.setPrompt);
  return useCallback(
    (text: string) => {
      const box = ref?.current;
      const prompt = usePlayground.getState().prompt;
      const start = box?.selectionStart ?? prompt.length;
      const end = box?.selectionEnd ?? prompt.length;
      const before = prompt.slice(0, start);
      const spaced = `${before && !/\s$/.test(before) ? " " : ""}${text} `;
      setPrompt(before + spaced + prompt.slice(end));
      requestAnimationFrame(() => {
        box?.focus();
        box?.setSelectionRange(start + spaced.length, start + spaced.length);
      });
    },
    [ref, setPrompt],
  );
}

export function PromptField({ error, onSubmit }: { error?: string; onSubmit: () => void }) {
  const prompt = usePlayground((s) => s.prompt);
  const setPrompt = usePlayground((s) => s.setPrompt);
  const ref = useContext(PromptRef);
  const id = useId();

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="text-sm font-medium">
          Prompt
        </label>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
          {prompt.length} characters
        </span>
      </div>
      <textarea
        ref={ref}
        {...errorProps(id, error)}
        value={prompt}
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
        rows={4}
        placeholder="Describe the edit. Click a reference's number to mention it, e.g. “image 1”."
        className="resize-y rounded-lg border border-zinc-300 bg-white px-3 py-2 text-sm placeholder:text-zinc-400 aria-[invalid=true]:border-red-500 dark:border-zinc-700 dark:bg-zinc-950"
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {!prompt && (
        <div className="flex flex-wrap gap-1.5" aria-label="Example prompts">
          {EXAMPLES.map((example) => (
            <button
              key={example}
              type="button"
              onClick={() => setPrompt(example)}
              className="rounded-full border border-zinc-200 px-2.5 py-1 text-left text-xs text-zinc-600 hover:border-accent-400 hover:text-zinc-900 dark:border-zinc-700 dark:text-zinc-400 dark:hover:text-zinc-100"
            >
              {example}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
