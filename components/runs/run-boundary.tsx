"use client";

import { Component, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

interface Props {
  /** What the failed entry was, for the words and the log. */
  label: string;
  /** Removes the entry from the history. */
  onDelete: () => void;
  children: ReactNode;
}

/**
 * One entry of the run list that fails to render (a record from an older version, say) is shown
 * as such, with a way to delete it, instead of taking the whole page down on every load: the
 * buttons to get out (export, delete, clear) are on that page.
 */
export class RunBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown) {
    console.error(`${this.props.label} could not be shown:`, error);
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Card role="alert" className="flex flex-wrap items-center justify-between gap-3 p-4 text-sm">
        <div>
          <p className="font-medium">{this.props.label} could not be shown</p>
          <p className="text-zinc-500 dark:text-zinc-400">
            Its record is not in a shape this version reads. The rest of your history is fine.
          </p>
        </div>
        <Button variant="secondary" onClick={this.props.onDelete}>
          Delete it
        </Button>
      </Card>
    );
  }
}
