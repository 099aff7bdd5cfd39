/**
 * Generation is all-or-nothing across processes: two runs into one directory
 * are serialised by its lock, and a run interrupted by SIGINT or SIGTERM
 * leaves the whole old set of files or the whole new one, with no temporary
 * files — checked with the real CLI under Deno.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { synthDeclarations } from "../bench/codegen/synth.ts";
import { ROOT, tempDir } from "./support/tmp.ts";

const DENO = join(ROOT, "node_modules/.bin/deno");
const CLI = join(ROOT, "src/cli.ts");

/** Runs the CLI; `signal` is sent `after` ms, if given. Resolves to the exit code. */
function cli(args: string[], kill?: { signal: NodeJS.Signals; after: number }): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(DENO, ["run", "-A", CLI, ...args], { stdio: "ignore" });
    if (kill) setTimeout(() => child.kill(kill.signal), kill.after);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? -1 : null)));
  });
}

/** The `--lib` each output file was generated with; one value when the set is whole. */
function libsOf(dir: string, name: string): Set<string> {
  const libs = new Set<string>();
  for (const ext of [".deno.ts", ".bun.ts"]) {
    const m = /const DEFAULT_LIBRARY: string \| undefined = "([^"]*)";/.exec(readFileSync(join(dir, `${name}${ext}`), "utf8"));
    libs.add(m?.[1] ?? "none");
  }
  return libs;
}

describe("all-or-nothing generation", () => {
  it("two runs into one directory at once never leave a mixed set", async () => {
    const dir = tempDir("concurrent");
    const input = join(dir, "big.d.ts");
    writeFileSync(input, synthDeclarations(1500));
    const out = join(dir, "out");
    for (let round = 0; round < 4; round++) {
      const codes = await Promise.all([
        cli(["generate", input, "-o", out, "--lib", "./libA"]),
        cli(["generate", input, "-o", out, "--lib", "./libB"]),
      ]);
      expect(codes).toEqual([0, 0]);
      expect(libsOf(out, "big").size, `round ${round}`).toBe(1);
      expect(readdirSync(out).sort()).toEqual(["big.bun.ts", "big.deno.ts", "big.h", "big.node.ts", "big.ts"]);
    }
  });

  it("SIGINT or SIGTERM during a run leaves the old set or the new one, and no temporary files", async () => {
    const dir = tempDir("interrupted");
    const input = join(dir, "big.d.ts");
    writeFileSync(input, synthDeclarations(3000));
    const out = join(dir, "out");
    expect(await cli(["generate", input, "-o", out, "--lib", "./old"])).toBe(0);
    const outcomes = new Set<string>();
    for (const [signal, after] of [["SIGINT", 150], ["SIGTERM", 400], ["SIGINT", 700], ["SIGINT", 1100]] as const) {
      const code = await cli(["generate", input, "-o", out, "--lib", `./new${after}`], { signal, after });
      const libs = libsOf(out, "big");
      expect(libs.size, `${signal} after ${after} ms`).toBe(1);
      expect(readdirSync(out).sort(), `${signal} after ${after} ms`).toEqual(["big.bun.ts", "big.deno.ts", "big.h", "big.node.ts", "big.ts"]);
      outcomes.add(`${code} ${[...libs][0]}`);
    }
    // A held signal still ends the run with its code once the files are whole.
    for (const o of outcomes) expect(o).toMatch(/^(0|130|143|-1) /);
  });
});
