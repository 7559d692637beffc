import type { Metadata } from "next";
import { AudienceView } from "@/components/presenter/audience-view";

export const metadata: Metadata = { title: "Audience · HiDream Edit Playground" };

/** The audience window: the presenter's stage alone, for a projector or a shared screen. */
export default function AudiencePage() {
  return <AudienceView />;
}
