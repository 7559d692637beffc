"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Tabs } from "@/components/ui/tabs";
import type { EditInput, ModelId } from "@/lib/endpoint";
import { apiSnippet, SNIPPET_LANGUAGES, type SnippetLanguage } from "@/lib/endpoint/snippets";

const COPIED_MS = 1500;

/** The current input as cURL, JavaScript and Python code, each with a Copy button. */
export function ApiSnippets({ input, model }: { input: EditInput; model: ModelId }) {
  const items = SNIPPET_LANGUAGES.map(({ id, label }) => ({
    id,
    label,
    panel: <SnippetPanel language={id} label={label} input={input} model={model} />,
  }));
  return <Tabs label="Snippet language" items={items} />;
}

type CopyState = { code: string; status: "copied" | "manual"; message: string } | undefined;

function SnippetPanel({
  language,
  label,
  input,
  model,
}: {
  language: SnippetLanguage;
  label: string;
  input: EditInput;
  model: ModelId;
}) {
  const code = useMemo(() => apiSnippet(language, input, model), [language, input, model]);
  const codeRef = useRef<HTMLElement>(null);
  const [copyState, setCopyState] = useState<CopyState>();
  // A notice about an older snippet no longer applies once the input changes.
  const current = copyState?.code === code ? copyState : undefined;

  useEffect(() => {
    if (copyState?.status !== "copied") return;
    const timer = setTimeout(() => setCopyState(undefined), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copyState]);

  const selectCode = () => {
    const selection = window.getSelection();
    if (!codeRef.current || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(codeRef.current);
    selection.removeAllRanges();
    selection.addRange(range);
  };

  const copy = async () => {
    try {
      // navigator.clipboard is missing outside secure contexts (e.g. http on a LAN address).
      if (!window.isSecureContext || !("clipboard" in navigator)) throw new Error("no clipboard");
      await navigator.clipboard.writeText(code);
      setCopyState({ code, status: "copied", message: `${label} snippet copied to clipboard.` });
    } catch {
      selectCode();
      const mac = /Mac|iPhone|iPad/.test(navigator.userAgent);
      setCopyState({ code, status: "manual", message: `Press ${mac ? "⌘" : "Ctrl+"}C to copy.` });
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-3">
        <p
          role="status"
          className={
            current?.status === "manual"
              ? "text-xs text-zinc-600 dark:text-zinc-400"
              : "sr-only" /* "Copied" shows on the button; the sentence is for screen readers. */
          }
        >
          {current?.message}
        </p>
        <Button onClick={() => void copy()} className="ml-auto shrink-0 px-2.5 py-1 text-xs">
          {current?.status === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <pre
        tabIndex={0}
        aria-label={`${label} snippet`}
        className="max-h-96 overflow-auto rounded-lg bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-200 ring-1 ring-zinc-950/10 dark:ring-zinc-800"
      >
        <code ref={codeRef}>{code}</code>
      </pre>
    </div>
  );
}
