import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, test } from "vitest";
import { HostbindError } from "../errors.ts";
import { type CliFs, nodeIO } from "./io.ts";
import { joinPath, parentDir } from "./common.ts";
import { writeOutputs } from "./write.ts";
import { tempDir } from "../../test/support/tmp.ts";

const FILES = [
  { path: "x.h", contents: "// x\n" },
  { path: "x.deno.ts", contents: "// deno — ünïcode\n" },
];

let root: string;
beforeEach(() => {
  root = tempDir("write");
});

/** The real file system, with one operation made to fail on its `n`th call. */
function failing(op: keyof CliFs, n: number): CliFs {
  const real = nodeIO().fs;
  let calls = 0;
  return {
    ...real,
    [op]: (...args: unknown[]) => {
      if (++calls === n) throw Object.assign(new Error("injected"), { code: "EIO" });
      return (real[op] as (...a: unknown[]) => unknown)(...args);
    },
  };
}

function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

function errorOf(f: () => unknown): HostbindError {
  try {
    f();
  } catch (e) {
    if (e instanceof HostbindError) return e;
    throw e;
  }
  throw new Error("expected a HostbindError");
}

describe("writeOutputs", () => {
  test("creates missing parent directories and writes every file as UTF-8", () => {
    const dir = join(root, "a", "b");
    const results = writeOutputs(nodeIO().fs, dir, FILES);
    expect(results).toEqual([
      { path: `${dir}/x.h`, status: "written" },
      { path: `${dir}/x.deno.ts`, status: "written" },
    ]);
    expect(tree(root)).toEqual(["a", "a/b", "a/b/x.deno.ts", "a/b/x.h"]);
    expect(readFileSync(join(dir, "x.deno.ts"), "utf8")).toBe(FILES[1]!.contents);
  });

  test("leaves files with unchanged bytes alone (mtime kept) and replaces changed ones", () => {
    writeOutputs(nodeIO().fs, root, FILES);
    const old = new Date("2001-01-01T00:00:00Z");
    for (const f of FILES) utimesSync(join(root, f.path), old, old);
    const results = writeOutputs(nodeIO().fs, root, [FILES[0]!, { path: "x.deno.ts", contents: "// new\n" }]);
    expect(results.map((r) => r.status)).toEqual(["unchanged", "written"]);
    expect(statSync(join(root, "x.h")).mtime.getTime()).toBe(old.getTime());
    expect(readFileSync(join(root, "x.deno.ts"), "utf8")).toBe("// new\n");
    expect(tree(root)).toEqual(["x.deno.ts", "x.h"]);
  });

  test("a failed write leaves an existing directory exactly as it was", () => {
    writeFileSync(join(root, "x.h"), "old header\n");
    writeFileSync(join(root, "sentinel"), "keep\n");
    // The first exclusive create is the directory's lock file, the second and third the temporary files.
    const e = errorOf(() => writeOutputs(failing("writeNewFile", 3), root, FILES));
    expect(e.message).toBe(`Cannot write \`${root}/x.deno.ts\`: system error EIO`);
    expect(tree(root)).toEqual(["sentinel", "x.h"]);
    expect(readFileSync(join(root, "x.h"), "utf8")).toBe("old header\n");
  });

  test("a write that fails half way (no space left) leaves no temporary file, and no directory it created", () => {
    const real = nodeIO().fs;
    let calls = 0;
    const full: CliFs = {
      ...real,
      writeNewFile(p, data) {
        if (++calls < 3) return real.writeNewFile(p, data);
        real.writeNewFile(p, data.subarray(0, 3));
        throw Object.assign(new Error("injected"), { code: "ENOSPC" });
      },
    };
    const dir = join(root, "made", "out");
    const e = errorOf(() => writeOutputs(full, dir, FILES));
    expect(e.message).toBe(`Cannot write \`${dir}/x.deno.ts\`: no space left on device`);
    expect(tree(root)).toEqual([]);
  });

  test("a lock left by a run that no longer exists is taken over, and released after", () => {
    writeFileSync(join(root, ".hostbind.lock"), "4194300\n");
    expect(writeOutputs(nodeIO().fs, root, FILES).map((r) => r.status)).toEqual(["written", "written"]);
    expect(tree(root)).toEqual(["x.deno.ts", "x.h"]);
  });

  test("a failed rename removes the temporary files and the directories it created", () => {
    const dir = join(root, "new", "out");
    const e = errorOf(() => writeOutputs(failing("rename", 1), dir, FILES));
    expect(e.message).toBe(`Cannot replace \`${dir}/x.h\`: system error EIO`);
    expect(tree(root)).toEqual([]);
  });

  test("an output directory under a regular file is a clear error, nothing created", () => {
    writeFileSync(join(root, "file"), "");
    const e = errorOf(() => writeOutputs(nodeIO().fs, join(root, "file", "sub"), FILES));
    expect(e.message).toBe(
      `Cannot create output directory \`${root}/file/sub\`: \`${root}/file\` is not a directory`,
    );
    expect(tree(root)).toEqual(["file"]);
  });

  test("an output path that is a directory is not replaced", () => {
    mkdirSync(join(root, "x.h"));
    const e = errorOf(() => writeOutputs(nodeIO().fs, root, FILES));
    expect(e.message).toBe(`Cannot write \`${root}/x.h\`: it exists and is not a regular file`);
    expect(tree(root)).toEqual(["x.h"]);
  });

  test("a mkdir failure removes the parents it already created", () => {
    const e = errorOf(() => writeOutputs(failing("mkdir", 2), join(root, "p", "q"), FILES));
    expect(e.message).toBe(`Cannot create output directory \`${root}/p/q\`: system error EIO`);
    expect(tree(root)).toEqual([]);
  });
});

describe("paths keep the user's spelling", () => {
  const joins: [string, string, string][] = [
    ["out", "a.h", "out/a.h"],
    ["out/", "a.h", "out/a.h"],
    [".", "a.h", "a.h"],
    ["/tmp/o", "a.h", "/tmp/o/a.h"],
    ["C:\\o\\", "a.h", "C:\\o\\a.h"],
  ];
  for (const [dir, name, want] of joins) test(`joinPath(${dir}, ${name})`, () => expect(joinPath(dir, name)).toBe(want));

  const parents: [string, string][] = [
    ["a/b", "a"], ["a/b/", "a"], ["a", "."], ["/a", "/"], ["/", "/"], [".", "."], ["..", ".."],
    ["../x", ".."], ["C:\\a", "C:\\"],
  ];
  for (const [p, want] of parents) test(`parentDir(${p})`, () => expect(parentDir(p)).toBe(want));
});

test("a rename failing after others succeeded puts the earlier files back", () => {
  writeFileSync(join(root, "x.h"), "old header\n");
  writeFileSync(join(root, "sentinel"), "keep\n");
  const three = [...FILES, { path: "x.bun.ts", contents: "// bun\n" }];
  const e = errorOf(() => writeOutputs(failing("rename", 3), root, three));
  expect(e.message).toBe(`Cannot replace \`${root}/x.bun.ts\`: system error EIO`);
  expect(tree(root)).toEqual(["sentinel", "x.h"]);
  expect(readFileSync(join(root, "x.h"), "utf8")).toBe("old header\n");
});
