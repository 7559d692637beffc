import { afterEach, describe, expect, it, vi } from "vitest";
import { readLocal, writeLocal } from "../local-storage";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

afterEach(() => vi.unstubAllGlobals());

describe("readLocal / writeLocal", () => {
  it("reads, writes and removes", () => {
    vi.stubGlobal("localStorage", memoryStorage());
    expect(readLocal("k")).toBeNull();
    writeLocal("k", "1");
    expect(readLocal("k")).toBe("1");
    writeLocal("k", null);
    expect(readLocal("k")).toBeNull();
  });

  it("reads nothing and ignores writes where storage throws or is missing", () => {
    const refuse = () => {
      throw new DOMException("denied", "SecurityError");
    };
    vi.stubGlobal("localStorage", { getItem: refuse, setItem: refuse, removeItem: refuse });
    expect(readLocal("k")).toBeNull();
    expect(() => writeLocal("k", "1")).not.toThrow();
    expect(() => writeLocal("k", null)).not.toThrow();
    vi.stubGlobal("localStorage", undefined);
    expect(readLocal("k")).toBeNull();
  });
});
