"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/button";
import { hasSlides } from "@/lib/presenter/deck";
import { usePlayground } from "@/lib/store/playground-store";

// Loaded on first use, with dnd-kit's sortable list: most visits never present.
const PresentDialog = dynamic(() => import("./present-dialog").then((m) => m.PresentDialog), {
  ssr: false,
});

/** "Present…": opens the dialog that picks and orders the slides. Off until a result exists. */
export function PresentButton({
  variant = "ghost",
  className,
}: {
  variant?: "ghost" | "secondary";
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const any = usePlayground((s) => hasSlides(s.runs));
  return (
    <>
      <Button
        variant={variant}
        className={className}
        disabled={!any}
        title="Show results full screen, one by one, in an order you choose"
        onClick={() => setOpen(true)}
      >
        Present…
      </Button>
      {open &&
        // Outside toolbars and bars in the DOM, so their regions hold only their own controls.
        createPortal(<PresentDialog onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
