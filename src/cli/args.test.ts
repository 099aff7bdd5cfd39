import { describe, expect, test } from "vitest";
import { type ArgSpec, parseArgs, UsageError } from "./args.ts";

const SPEC: ArgSpec = {
  options: { "out-dir": { alias: "o", value: "DIR" }, name: { value: "NAME" }, json: {}, help: { alias: "h" } },
};

describe("parseArgs", () => {
  const ok: { given: string[]; positionals: string[]; values: Record<string, string>; flags: string[] }[] = [
    { given: ["a.d.ts"], positionals: ["a.d.ts"], values: {}, flags: [] },
    { given: ["a.d.ts", "--out-dir", "x"], positionals: ["a.d.ts"], values: { "out-dir": "x" }, flags: [] },
    { given: ["--out-dir=x", "a.d.ts"], positionals: ["a.d.ts"], values: { "out-dir": "x" }, flags: [] },
    { given: ["-o", "x", "a"], positionals: ["a"], values: { "out-dir": "x" }, flags: [] },
    { given: ["-o=x"], positionals: [], values: { "out-dir": "x" }, flags: [] },
    { given: ["--name=a=b"], positionals: [], values: { name: "a=b" }, flags: [] },
    { given: ["--name="], positionals: [], values: { name: "" }, flags: [] },
    { given: ["--json", "a", "-h"], positionals: ["a"], values: {}, flags: ["json", "help"] },
    { given: ["--", "--json", "-o"], positionals: ["--json", "-o"], values: {}, flags: [] },
    { given: ["-", "--name", "-"], positionals: ["-"], values: { name: "-" }, flags: [] },
  ];
  for (const c of ok) {
    test(`accepts ${c.given.join(" ")}`, () => {
      const got = parseArgs(c.given, SPEC, "generate");
      expect(got.positionals).toEqual(c.positionals);
      expect(got.values).toEqual(c.values);
      expect([...got.flags]).toEqual(c.flags);
    });
  }

  const bad: { given: string[]; message: string }[] = [
    { given: ["--bogus"], message: "unknown option `--bogus`" },
    { given: ["-x"], message: "unknown option `-x`" },
    { given: ["--o", "x"], message: "unknown option `--o`" },
    { given: ["--out-dri", "x"], message: "unknown option `--out-dri`; did you mean `--out-dir`?" },
    { given: ["--jsno"], message: "unknown option `--jsno`; did you mean `--json`?" },
    { given: ["--out-dir"], message: "option `--out-dir` needs a value: --out-dir DIR" },
    { given: ["-o", "--json"], message: "option `-o` needs a value: -o DIR" },
    { given: ["--json=1"], message: "option `--json` takes no value" },
    { given: ["-o", "a", "--out-dir", "b"], message: "option `--out-dir` given more than once" },
  ];
  for (const c of bad) {
    test(`rejects ${c.given.join(" ")}`, () => {
      let err: unknown;
      try {
        parseArgs(c.given, SPEC, "generate");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(UsageError);
      expect((err as UsageError).message).toBe(c.message);
      expect((err as UsageError).format()).toBe(
        `error: ${c.message}\n  help: run \`hostbind generate --help\` for usage`,
      );
    });
  }
});

test("a top-level usage error points to `hostbind --help`", () => {
  expect(new UsageError("missing command").format()).toBe(
    "error: missing command\n  help: run `hostbind --help` for usage",
  );
});
