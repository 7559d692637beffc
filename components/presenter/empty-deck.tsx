/** What the presenter shows when none of the deck's results is in the history any more. */
export function EmptyDeck({ onExit }: { onExit(): void }) {
  return (
    <div className="grid flex-1 place-items-center p-6 text-center">
      <div className="flex max-w-sm flex-col items-center gap-4">
        <p className="text-lg text-zinc-200">
          None of these results is in the history any more, so there is nothing to present.
        </p>
        <button
          type="button"
          onClick={onExit}
          className="rounded-lg bg-white/10 px-4 py-2 text-sm font-medium text-white hover:bg-white/20"
        >
          Exit presenter
        </button>
      </div>
    </div>
  );
}
