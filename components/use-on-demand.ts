"use client";

import { useEffect, useState } from "react";
import type { OnDemand } from "@/lib/on-demand";

/** The module (lib/on-demand.ts): loaded once `wanted`, undefined until it has arrived. */
export function useOnDemand<T>(module: OnDemand<T>, wanted: boolean): T | undefined {
  const [, arrived] = useState(0);
  const loaded = module.current();
  useEffect(() => {
    if (!wanted || loaded) return;
    let live = true;
    module.preload().then(
      () => live && arrived((n) => n + 1),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [module, wanted, loaded]);
  return loaded;
}
