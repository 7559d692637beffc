import { describe, expect, it } from "vitest";
import { keyAction, nextCaption, WIPE_STEP } from "@/lib/presenter/keys";

const plain = { wiping: false, editing: false };
const wiping = { wiping: true, editing: false };

describe("the presenter's keys", () => {
  it.each([
    ["ArrowRight", "next"],
    ["ArrowLeft", "previous"],
    [" ", "next"],
    ["PageDown", "next"],
    ["PageUp", "previous"],
    ["Home", "first"],
    ["End", "last"],
    ["b", "toggle-wipe"],
    ["B", "toggle-wipe"],
    ["i", "cycle-caption"],
    ["t", "toggle-live-edit"],
    ["f", "toggle-fullscreen"],
    ["Escape", "exit"],
  ])("%s → %s", (key, type) => {
    expect(keyAction({ key }, plain)).toEqual({ type });
  });

  it("goes back on Shift+Space", () => {
    expect(keyAction({ key: " ", shiftKey: true }, plain)).toEqual({ type: "previous" });
  });

  it("moves the divider with ←/→ in wipe mode, while clicker keys still change slides", () => {
    expect(keyAction({ key: "ArrowRight" }, wiping)).toEqual({ type: "move-wipe", by: WIPE_STEP });
    expect(keyAction({ key: "ArrowLeft" }, wiping)).toEqual({ type: "move-wipe", by: -WIPE_STEP });
    expect(keyAction({ key: "PageDown" }, wiping)).toEqual({ type: "next" });
  });

  it("leaves wipe mode, then the live edit, then the presenter on Escape", () => {
    expect(keyAction({ key: "Escape" }, { wiping: true, editing: true })).toEqual({
      type: "leave-wipe",
    });
    expect(keyAction({ key: "Escape" }, { wiping: false, editing: true })).toEqual({
      type: "close-live-edit",
    });
    expect(keyAction({ key: "Escape" }, plain)).toEqual({ type: "exit" });
  });

  it("leaves browser shortcuts and other keys alone", () => {
    expect(keyAction({ key: "ArrowLeft", metaKey: true }, plain)).toBeNull();
    expect(keyAction({ key: "r", ctrlKey: true }, plain)).toBeNull();
    expect(keyAction({ key: "b", altKey: true }, plain)).toBeNull();
    expect(keyAction({ key: "x" }, plain)).toBeNull();
    expect(keyAction({ key: "Tab" }, plain)).toBeNull();
  });

  it("cycles the caption off → prompt → parameters → off", () => {
    expect([nextCaption(0), nextCaption(1), nextCaption(2)]).toEqual([1, 2, 0]);
  });
});
