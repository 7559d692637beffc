import { execFileSync, spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENDPOINT_ID, type EditInput } from "@/lib/endpoint";
import { apiSnippet, SNIPPET_LANGUAGES, type SnippetLanguage } from "@/lib/endpoint/snippets";

const LANGUAGES = SNIPPET_LANGUAGES.map((l) => l.id);
const hasPython = spawnSync("python3", ["--version"]).status === 0;

/** Runs the cURL snippet in bash with `curl` stubbed to print its `--data` argument. */
function curlData(snippet: string): unknown {
  const stub = `curl() { while [ $# -gt 0 ]; do if [ "$1" = "--data" ]; then printf '%s' "$2"; fi; shift; done; }`;
  const printed = execFileSync("bash", ["-c", `${stub}\n${snippet}`], { encoding: "utf8" });
  return JSON.parse(printed);
}

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from === -1 || to === -1) throw new Error(`No text between ${start} and ${end}`);
  return text.slice(from + start.length, to);
}

/** Evaluates the `input` object literal of the JavaScript snippet. */
function javascriptInput(snippet: string): unknown {
  const literal = between(snippet, "  input: ", ",\n  logs: true");
  return new Function(`return (${literal});`)() as unknown;
}

/** Reads the `arguments` dict literal of the Python snippet with Python's own parser. */
function pythonArguments(snippet: string): unknown {
  const literal = between(snippet, "arguments=", ",\n    with_logs=True");
  const script = "import ast, json, sys; print(json.dumps(ast.literal_eval(sys.stdin.read())))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: literal, encoding: "utf8" }));
}

const base: EditInput = {
  prompt: "A red mug",
  reference_image_urls: ["https://example.com/a.png"],
};

describe("apiSnippet", () => {
  it("includes exactly the given input in schema order, keeping defaults and dropping undefined", () => {
    // Deliberately scrambled, with an unknown key, a default value and an undefined one.
    const input = {
      extra_flag: "kept",
      enable_safety_checker: true,
      seed: undefined,
      num_images: 1,
      image_size: { width: 1024, height: 768 },
      reference_image_urls: ["https://example.com/a.png", "https://example.com/b.png"],
      prompt: "A red mug",
      sync_mode: false,
    } as EditInput;
    const expectedKeys = [
      "prompt",
      "reference_image_urls",
      "image_size",
      "num_images",
      "sync_mode",
      "enable_safety_checker",
      "extra_flag",
    ];
    const { seed: _seed, ...expected } = input;

    const curl = curlData(apiSnippet("curl", input));
    const js = javascriptInput(apiSnippet("javascript", input));
    expect(curl).toEqual(expected);
    expect(js).toEqual(expected);
    expect(Object.keys(curl as object)).toEqual(expectedKeys);
    expect(Object.keys(js as object)).toEqual(expectedKeys);
  });

  it.skipIf(!hasPython)(
    "writes Python arguments with True, False and None that read back exactly",
    () => {
      const input = {
        ...base,
        sync_mode: true,
        enable_safety_checker: false,
        seed: 7,
        extra: null,
      } as EditInput;
      const snippet = apiSnippet("python", input);
      expect(snippet).toContain('"sync_mode": True');
      expect(snippet).toContain('"enable_safety_checker": False');
      expect(snippet).toContain('"extra": None');
      expect(pythonArguments(snippet)).toEqual(input);
    },
  );

  describe("escapes a prompt with quotes, backslashes, newlines and emoji so each snippet stays valid", () => {
    const prompt = `It's a "test" \\ back\\slash\nnew line\ttab '' end' — café 🎨 \u2028 $HOME \`id\` $(echo no)`;
    const input: EditInput = { ...base, prompt };

    it("in cURL, as bash reads it", () => {
      expect(curlData(apiSnippet("curl", input))).toEqual(input);
    });

    it("in JavaScript", () => {
      expect(javascriptInput(apiSnippet("javascript", input))).toEqual(input);
    });

    it.skipIf(!hasPython)("in Python", () => {
      expect(pythonArguments(apiSnippet("python", input))).toEqual(input);
    });
  });

  it("names the endpoint and the queue in each language", () => {
    expect(apiSnippet("curl", base)).toContain(`--url https://queue.fal.run/${ENDPOINT_ID} `);
    expect(apiSnippet("curl", base)).toContain(
      "https://queue.fal.run/fal-ai/hidream-o1-image/requests/$REQUEST_ID",
    );
    expect(apiSnippet("javascript", base)).toContain(`fal.subscribe("${ENDPOINT_ID}", {`);
    expect(apiSnippet("javascript", base)).toContain('import { fal } from "@fal-ai/client";');
    expect(apiSnippet("python", base)).toContain(`fal_client.subscribe(\n    "${ENDPOINT_ID}",`);
    expect(apiSnippet("python", base)).toContain("with_logs=True");
  });

  it("shortens long data URIs with a placeholder and a comment, but keeps short ones", () => {
    const long = `data:image/png;base64,${"A".repeat(4096)}`;
    const short = "data:image/png;base64,AAAA";
    const input: EditInput = { ...base, reference_image_urls: [long, short] };
    for (const language of LANGUAGES) {
      const snippet = apiSnippet(language, input);
      expect(snippet).not.toContain(long);
      expect(snippet).toContain(short);
      expect(snippet).toContain("<data URI of 4 KB, shortened");
      expect(snippet).toMatch(/A data: URI reference is shortened/);
    }
    expect(apiSnippet("javascript", base)).not.toMatch(/shortened/);
  });

  describe("never contains a real key", () => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = process.env.FAL_KEY;
      process.env.FAL_KEY = "sk-real-secret";
    });
    afterEach(() => {
      if (saved === undefined) delete process.env.FAL_KEY;
      else process.env.FAL_KEY = saved;
    });

    it.each(LANGUAGES)("in %s", (language: SnippetLanguage) => {
      const snippet = apiSnippet(language, base);
      expect(snippet).not.toContain("sk-real-secret");
      expect(snippet).not.toMatch(/Key [^$]/);
      if (language === "curl") expect(snippet).toContain('--header "Authorization: Key $FAL_KEY"');
      else expect(snippet).toContain("FAL_KEY");
    });
  });
});
