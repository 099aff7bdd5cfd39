/** The compile helpers other tests rely on: they must report failures, not hide them. */
import { join } from "node:path";
import { expect, it } from "vitest";
import { compile, m32Unavailable, run } from "./cc.ts";
import { tempDir, writeFiles } from "./tmp.ts";

it("builds and runs a program", () => {
  const dir = tempDir("cc-ok");
  const [src] = writeFiles(dir, { "hi.c": '#include <stdio.h>\nint main(void) { puts("hi"); return 3; }\n' });
  const exe = compile([src!], { out: join(dir, "hi") });
  expect(exe.ok, exe.message).toBe(true);
  expect(run(exe.out)).toMatchObject({ status: 3, stdout: "hi\n" });
});

it("fails on a warning under the strict flags and says why", () => {
  const dir = tempDir("cc-warn");
  const [src] = writeFiles(dir, { "w.c": "int main(void) { int unused; return 0; }\n" });
  const strict = compile([src!], { kind: "syntax" });
  expect(strict.ok).toBe(false);
  expect(strict.message).toContain("cc -std=c11 -Wall -Wextra -Werror -pedantic");
  expect(strict.stderr).toContain("unused");
  expect(compile([src!], { kind: "syntax", strict: false }).ok).toBe(true);
});

it("compiles C++ with c++ and C++17", () => {
  const dir = tempDir("cc-cxx");
  const [src] = writeFiles(dir, { "a.cpp": "#include <optional>\nstd::optional<int> f() { return 1; }\n" });
  const r = compile([src!], { lang: "c++", kind: "object", out: join(dir, "a.o") });
  expect(r.ok, r.message).toBe(true);
  expect(r.command).toMatch(/^c\+\+ -std=c\+\+17 /);
});

it("reports -m32 as available only when 32-bit programs really build and run", (ctx) => {
  const why = m32Unavailable();
  if (why !== null) ctx.skip(why);
  const dir = tempDir("cc-m32");
  const [src] = writeFiles(dir, { "p.c": '#include <stdio.h>\nint main(void) { printf("%u\\n", (unsigned)sizeof(void *)); return 0; }\n' });
  const exe = compile([src!], { flags: ["-m32"], out: join(dir, "p") });
  expect(exe.ok, exe.message).toBe(true);
  expect(run(exe.out).stdout).toBe("4\n");
});
