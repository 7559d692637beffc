import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { GoneNotice } from "@/components/share/gone-notice";
import { PasscodeNotice } from "@/components/share/passcode-notice";
import { ShareView } from "@/components/share/share-view";
import { UnavailableNotice } from "@/components/share/unavailable-notice";
import { loadSharePage } from "@/lib/shares/share-page";
import { requestOrigin, shareMetadata } from "./share-metadata";

// Each visit reads the share (and its cookies) and counts a view.
export const dynamic = "force-dynamic";

interface SharePageProps {
  params: Promise<{ id: string }>;
}

// The metadata and the page both need the share: one read, and one counted view, per request.
const load = cache((id: string) => loadSharePage(id));

export async function generateMetadata({ params }: SharePageProps): Promise<Metadata> {
  const { id } = await params;
  return shareMetadata(await load(id), requestOrigin(await headers()));
}

export default async function SharePage({ params }: SharePageProps) {
  const { id } = await params;
  const data = await load(id);
  switch (data.kind) {
    case "missing":
      return notFound();
    case "gone":
      return <GoneNotice state={data.state} />;
    case "passcode":
      return <PasscodeNotice shareId={data.id} title={data.title} />;
    case "unavailable":
      return <UnavailableNotice shareId={id} />;
    case "ready":
      return <ShareView share={data.share} feedback={data.feedback} />;
  }
}
