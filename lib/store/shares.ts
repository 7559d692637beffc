/**
 * The shares slice: the owner's review links (kept in IndexedDB with their secrets, see
 * lib/history) and what the last status call said of each. Thin actions over the share API;
 * polling is timed by components/share-owner/use-share-feedback.ts.
 */
import type { StateCreator } from "zustand";
import * as history from "@/lib/history/history-db";
import {
  createShareCall,
  fetchShareStatus,
  isApiError,
  shareActionCall,
} from "@/lib/shares/owner-api";
import {
  feedbackTotal,
  newShares,
  withSummary,
  type OwnedShare,
  type OwnedShareImage,
} from "@/lib/shares/owned-share";
import type { CreateShareInput, ShareAction, ShareExpiry, ShareSummary } from "@/lib/shares/share";
import type { PlaygroundState } from "./playground-store";

export interface SharesSlice {
  /** Newest first. */
  shares: OwnedShare[];
  /** When the status was last asked for, answered or not, so polls can be spaced. */
  sharesCheckedAt: number;
  /** Why the last status call failed; cleared by the next that succeeds. */
  sharesError?: string;
  /** Reads the shares kept in this browser. */
  loadShares(): Promise<void>;
  /** Creates a share of `images` (in the order sent) and keeps its record; or says why not. */
  createShare(
    input: CreateShareInput,
    images: OwnedShareImage[],
  ): Promise<{ share: OwnedShare } | { error: string }>;
  /** Asks the server about every share (views, state, feedback). */
  refreshShares(): Promise<void>;
  /** Each answers the words of what went wrong, or undefined when it worked. */
  lockShare(id: string): Promise<string | undefined>;
  unlockShare(id: string): Promise<string | undefined>;
  extendShare(id: string, expiry: ShareExpiry): Promise<string | undefined>;
  revokeShare(id: string): Promise<string | undefined>;
  /** Counts every feedback entry the summaries hold as seen. */
  markFeedbackSeen(): void;
  /** Adds shares read from an imported history file (already saved there). */
  adoptShares(shares: OwnedShare[]): void;
}

const sameSummary = (a: ShareSummary | undefined, b: ShareSummary) =>
  a !== undefined && JSON.stringify(a) === JSON.stringify(b);

export const createSharesSlice: StateCreator<PlaygroundState, [], [], SharesSlice> = (set, get) => {
  // Status calls can overlap (a timer and a click): only the newest one's answer is kept.
  let latest = 0;
  // When an action last changed each share: a status call sent before it must not undo it.
  const actedAt = new Map<string, number>();

  /** Replaces shares by id and saves the changed ones. */
  const store = (changed: OwnedShare[]) => {
    if (changed.length === 0) return;
    const byId = new Map(changed.map((share) => [share.id, share]));
    set((state) => ({ shares: state.shares.map((share) => byId.get(share.id) ?? share) }));
    for (const share of changed) void history.saveShare(share).catch(() => {});
  };

  const act = async (
    id: string,
    action: (secret: string) => ShareAction,
  ): Promise<string | undefined> => {
    const share = get().shares.find((s) => s.id === id);
    if (!share) return "This share is no longer in this browser.";
    actedAt.set(id, Date.now());
    const result = await shareActionCall(id, action(share.secret));
    if (isApiError(result)) return result.error;
    actedAt.set(id, Date.now());
    const current = get().shares.find((s) => s.id === id);
    if (current) store([withSummary(current, result)]);
    return undefined;
  };

  return {
    shares: [],
    sharesCheckedAt: 0,

    async loadShares() {
      const loaded = await history.loadShares().catch(() => [] as OwnedShare[]);
      set((state) => ({
        shares: [...state.shares, ...newShares(state.shares, loaded)].sort(
          (a, b) => b.createdAt - a.createdAt,
        ),
      }));
    },

    async createShare(input, images) {
      const result = await createShareCall(input);
      if (isApiError(result)) return result;
      const share: OwnedShare = {
        id: result.id,
        secret: result.secret,
        title: input.title.trim(),
        path: result.path,
        createdAt: Date.now(),
        expiresAt: result.expiresAt,
        images,
        seenFeedback: 0,
      };
      set((state) => ({ shares: [share, ...state.shares] }));
      // Awaited: the secret exists nowhere else, so the owner should not leave before it is kept.
      await history.saveShare(share).catch(() => {});
      return { share };
    },

    async refreshShares() {
      const ticket = ++latest;
      const started = Date.now();
      const asked = get().shares;
      set({ sharesCheckedAt: started });
      if (asked.length === 0) return;
      const result = await fetchShareStatus(asked);
      if (ticket !== latest) return;
      if (isApiError(result)) {
        set({ sharesError: result.error });
        return;
      }
      set({ sharesError: undefined });
      const byId = new Map(result.map((summary) => [summary.id, summary]));
      const changed = get().shares.flatMap((share) => {
        const summary = byId.get(share.id);
        if (!summary || (actedAt.get(share.id) ?? 0) > started) return [];
        return sameSummary(share.lastSummary, summary) ? [] : [withSummary(share, summary)];
      });
      store(changed);
    },

    lockShare: (id) => act(id, (secret) => ({ action: "lock", secret })),
    unlockShare: (id) => act(id, (secret) => ({ action: "unlock", secret })),
    extendShare: (id, expiry) => act(id, (secret) => ({ action: "extend", secret, expiry })),
    revokeShare: (id) => act(id, (secret) => ({ action: "revoke", secret })),

    markFeedbackSeen() {
      store(
        get().shares.flatMap((share) => {
          const total = feedbackTotal(share.lastSummary);
          // Down as well as up: a cleared mark made again later is new to the owner.
          return total === share.seenFeedback ? [] : [{ ...share, seenFeedback: total }];
        }),
      );
    },

    adoptShares(shares) {
      set((state) => ({
        shares: [...state.shares, ...newShares(state.shares, shares)].sort(
          (a, b) => b.createdAt - a.createdAt,
        ),
      }));
    },
  };
};
