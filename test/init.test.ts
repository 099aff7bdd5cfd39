/**
 * `hostbind init [DIR]`: the starter project is complete and correct (its
 * guest is what wabt assembles from its WAT, its C compiles with warnings
 * as errors, its host type-checks for Deno and for Bun, its bindings are
 * what `generate` writes), it runs on Deno and Bun, and init never replaces
 * a file. The whole route from a packed tarball (`npm run dev`, `bun run
 * dev`, `deno task dev`) is in package.test.ts.
 */
import { readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.ts";
import { readTemplate } from "../src/emit/ts/template.ts";
import { GUEST_WASM } from "../src/init/guest.ts";
import { DENO_DEV, NPM_DEV } from "../src/init/project.ts";
import { compile } from "./support/cc.ts";
import { runMain } from "./support/cli_main.ts";
import { ROOT, tempDir } from "./support/tmp.ts";
import { bin, NODE26, run } from "./support/tools.ts";
import { wat } from "./support/wat.ts";

/** Every file under `dir` (relative, sorted) with its bytes as latin1 text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, rel);
    out[rel] = statSync(path).isDirectory() ? "<dir>" : readFileSync(path, "latin1");
  }
  return out;
}

const FILES = [
  ".gitignore", "build.mjs", "deno.json", "gen", "gen/hello.bun.ts", "gen/hello.deno.ts", "gen/hello.h", "gen/hello.node.ts", "gen/hello.ts",
  "guest.wasm", "guest.wat", "hello.c", "hello.d.ts", "main.ts", "package.json", "run.mjs",
];

describe("the starter project", () => {
  it("has every file; the guest is guest.wat assembled; gen/ is what generate writes; the C compiles strictly", () => {
    const dir = join(tempDir("init"), "hello");
    const r = runMain(["init", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`wrote ${dir}/hello.c\n`);
    expect(r.stdout).toContain("  deno task dev ");
    expect(Object.keys(tree(dir))).toEqual(FILES);
    expect([...readFileSync(join(dir, "guest.wasm"))]).toEqual([...wat(readTemplate("init-guest.wat.tmpl"))]);
    expect([...GUEST_WASM]).toEqual([...readFileSync(join(dir, "guest.wasm"))]);
    for (const f of generate(readFileSync(join(dir, "hello.d.ts"), "utf8"), { file: "hello.d.ts", lib: "../build/libhello" })) {
      expect(readFileSync(join(dir, "gen", f.path), "utf8"), f.path).toBe(f.contents);
    }
    const c = compile([join(dir, "hello.c")], { kind: "shared", out: join(dir, "libhello.so") });
    expect(c.ok, c.message).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).scripts.dev).toMatch(/^hostbind generate hello\.d\.ts /);
    expect(JSON.parse(readFileSync(join(dir, "deno.json"), "utf8")).tasks.dev).toMatch(/^deno run -A npm:hostbind generate /);
  });

  it("main.ts passes deno check and tsc with Bun's types; it runs on Deno, Bun and Node 26", () => {
    const dir = tempDir("init-run");
    expect(runMain(["init", dir]).code).toBe(0);
    // What `npm install` would bring: @types/node for main.ts's node:fs (the repository's own).
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const check = run(bin("deno"), ["check", "--quiet", "main.ts"], dir);
    expect(check.status, check.stderr).toBe(0);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({
      extends: join(ROOT, "test/tsconfig.bun.json"),
      compilerOptions: { typeRoots: [join(ROOT, "node_modules/@types")] },
      files: ["main.ts"],
    }));
    const tsc = run(bin("tsc"), ["-p", join(dir, "tsconfig.json")]);
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
    // build.mjs with the runtime's own node:child_process, as `dev` runs it.
    const build = run(process.execPath, ["build.mjs"], dir);
    expect(build.status, build.stderr).toBe(0);
    const want = "native code read: hello from the guest\nthe guest's result: 17 / 5 = 3 rem 2\n"
      + "1 / 0 trapped in native code: env.divmod: division by zero\n";
    const deno = run(bin("deno"), ["run", "--allow-read", "--allow-ffi", "main.ts"], dir);
    expect(deno.stdout + deno.stderr).toBe(want);
    const bun = run(bin("bun"), ["main.ts"], dir);
    expect(bun.stdout + bun.stderr).toBe(want);
    const node = run(NODE26, ["--disable-warning=ExperimentalWarning", "main.ts"], dir);
    expect(node.stdout + node.stderr).toBe(want);
  });
});

describe("run.mjs (npm run dev) on each Node", () => {
  // A preload stands in for another Node version, and shows the command run.mjs runs.
  const preload = (version: string) => [
    'import cp from "node:child_process";',
    'import { syncBuiltinESMExports } from "node:module";',
    `Object.defineProperty(process, "versions", { value: { ...process.versions, node: ${JSON.stringify(version)} } });`,
    "const spawnSync = cp.spawnSync;",
    'cp.spawnSync = (command, args, options) => { console.log("args: " + args.join(" ")); return spawnSync(command, args, options); };',
    "syncBuiltinESMExports();",
  ].join("\n");
  let dir = "";
  beforeAll(() => {
    dir = tempDir("init-run-mjs");
    expect(runMain(["init", dir]).code).toBe(0);
    expect(run(process.execPath, ["build.mjs"], dir).status).toBe(0);
  });
  const runMjs = (version: string) => {
    writeFileSync(join(dir, "preload.mjs"), preload(version));
    return run(NODE26, ["--import", "./preload.mjs", "run.mjs"], dir);
  };

  it("adds --experimental-ffi on Node 26.1–26.8, not from 26.9", () => {
    const old = runMjs("26.8.2");
    expect(old.status, old.stderr).toBe(0);
    expect(old.stdout).toMatch(/^args: --experimental-ffi --disable-warning=ExperimentalWarning main\.ts\nnative code read/);
    const now = runMjs("26.12.1");
    expect(now.status, now.stderr).toBe(0);
    expect(now.stdout).toMatch(/^args: --disable-warning=ExperimentalWarning main\.ts\nnative code read/);
  });

  it("refuses a Node without node:ffi, saying what to use instead", () => {
    const r = runMjs("26.0.0");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("main.ts needs Node 26.1 or newer (node:ffi); this is Node 26.0.0: use bun run dev or deno task dev\n");
  });
});

describe("never replaces a file", () => {
  it("stops before writing anything when a file it creates exists", () => {
    const dir = tempDir("init-taken");
    writeFileSync(join(dir, "main.ts"), "// mine\n");
    writeFileSync(join(dir, "hello.c"), "// mine too\n");
    const before = tree(dir);
    const r = runMain(["init", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: \`${dir}\` already has \`hello.c\`, \`main.ts\`; hostbind init replaces no file\n`
        + "  help: Run it in a new or empty folder, e.g. `hostbind init hello`, or move those files away.\n",
    );
    expect(tree(dir)).toEqual(before);
    // A second init over a finished project is the same refusal.
    const again = tempDir("init-twice");
    expect(runMain(["init", again]).code).toBe(0);
    const done = tree(again);
    expect(runMain(["init", again]).code).toBe(1);
    expect(tree(again)).toEqual(done);
  });

  it("adds a dev script to an existing package.json and deno.json, keeping the rest; beside a dev of its own, hostbind:dev", () => {
    const dir = tempDir("init-merge");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "mine", dependencies: { hostbind: "file:x.tgz" }, scripts: { test: "t" } }));
    writeFileSync(join(dir, "deno.json"), JSON.stringify({ tasks: { dev: "my own" }, imports: {} }));
    writeFileSync(join(dir, ".gitignore"), "dist/\n");
    const r = runMain(["init", dir]);
    expect(r.code, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    // What the starter project needs is added (type, @types/node); the user's hostbind dependency stays.
    expect(Object.keys(pkg)).toEqual(["name", "dependencies", "scripts", "type", "devDependencies"]);
    expect(pkg.dependencies).toEqual({ hostbind: "file:x.tgz" });
    expect(pkg.devDependencies).toEqual({ "@types/node": "^26.0.0" });
    expect(pkg.scripts.test).toBe("t");
    expect(pkg.scripts.dev).toMatch(/^hostbind generate /);
    const deno = JSON.parse(readFileSync(join(dir, "deno.json"), "utf8"));
    expect(deno.tasks.dev).toBe("my own");
    expect(deno.tasks["hostbind:dev"]).toMatch(/^deno run -A npm:hostbind generate /);
    expect(r.stdout).toContain(`added "scripts.dev", "type": "module", devDependencies "@types/node": "^26.0.0" to ${join(dir, "package.json")}\n`);
    expect(r.stdout).toContain(`added "tasks.hostbind:dev" to ${join(dir, "deno.json")}\n`);
    expect(r.stdout).not.toContain("wrote " + join(dir, "package.json"));
    // The next steps name the task that exists.
    expect(r.stdout).toContain("  deno task hostbind:dev");
    expect(r.stdout).toContain("  npm run dev ");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("dist/\n");
  });

  it("a package.json that is not JSON is an error, and nothing is written", () => {
    const dir = tempDir("init-bad-json");
    writeFileSync(join(dir, "package.json"), "{ name: oops }");
    const r = runMain(["init", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("package.json:1:3: error: Expected a key in double quotes or `}`, found `name: oops }`\n  help: Fix the JSON syntax at this place.\n");
    expect(Object.keys(tree(dir))).toEqual(["package.json"]);
    expect(runMain(["init", dir, "extra"]).code).toBe(2);
  });
});

describe("an existing project (issue 19)", () => {
  it("package.json from `npm install -D hostbind`: gets type module and @types/node, so Node and deno check work", () => {
    const dir = tempDir("init-npm-first");
    // What `npm install -D hostbind` writes into an empty folder.
    writeFileSync(join(dir, "package.json"), '{\n  "devDependencies": {\n    "hostbind": "file:../hostbind-0.1.0.tgz"\n  }\n}\n');
    const r = runMain(["init", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(
      '{\n  "devDependencies": {\n    "hostbind": "file:../hostbind-0.1.0.tgz",\n    "@types/node": "^26.0.0"\n  },\n'
        + `  "scripts": {\n    "dev": ${JSON.stringify(NPM_DEV)}\n  },\n  "type": "module"\n}\n`,
    );
  });

  it("leaves every other byte of package.json as it was: big integers, 1.10, 1e3, tabs, duplicate keys", () => {
    const dir = tempDir("init-bytes");
    const text = '{\n\t"name": "x",\n\t"big": 12345678901234567890123,\n\t"v": 1.10,\n\t"e": 1e3,\n\t"scripts": {\n\t\t"a": "1",\n\t\t"a": "2"\n\t},\n\t"type": "module",\n'
      + '\t"devDependencies": { "@types/node": "^22", "hostbind": "^0.1.0" }\n}\n';
    writeFileSync(join(dir, "package.json"), text);
    expect(runMain(["init", dir]).code).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(text.replace('\t\t"a": "2"\n', `\t\t"a": "2",\n\t\t"dev": ${JSON.stringify(NPM_DEV)}\n`));
  });

  it("accepts a deno.json with comments (JSONC) and keeps them", () => {
    const dir = tempDir("init-jsonc");
    const text = '// my project\n{\n  /* tasks */\n  "tasks": {\n    "x": "y", // trailing\n  },\n}\n';
    writeFileSync(join(dir, "deno.json"), text);
    writeFileSync(join(dir, "package.json"), '{ "type": "module", "devDependencies": { "@types/node": "1", "hostbind": "1" } }\n');
    const r = runMain(["init", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "deno.json"), "utf8")).toBe(text.replace('"x": "y"', `"x": "y",\n    "dev": ${JSON.stringify(DENO_DEV)}`));
  });

  it("without hostbind in package.json, points at the checkout it runs from (the registry has no hostbind yet)", () => {
    const dir = tempDir("init-spec");
    const r = runMain(["init", dir]);
    expect(r.code, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    expect(pkg.devDependencies.hostbind).toBe(`file:${ROOT.replace(/[\\/]$/, "")}`);
    expect(pkg.devDependencies.hostbind).not.toMatch(/^\^/);
  });
});
