/**
 * The commands, their options and help texts. Lists of output kinds and
 * targets come from the library's own tables (`options.ts`, `layout/`),
 * which load none of the pipeline, so help and option checks start fast.
 * Lists of output kinds and targets come from the library's own tables, so
 * the help never drifts from what is accepted.
 *
 * @example
 * ```ts
 * import { helpText } from "./help.ts";
 * console.log(helpText("generate"));
 * ```
 * @module
 */
import { DEFAULT_OUTPUT_KINDS, OUTPUT_KINDS } from "../options.ts";
import type { ArgSpec } from "./args.ts";
import { TARGETS } from "../layout/targets.ts";
import { VERSION } from "./version.ts";

/** The commands hostbind has. */
export type CommandName = "generate" | "explain" | "declare" | "init";

/** Every command, in the order the top-level help lists them. */
export const COMMANDS: readonly CommandName[] = ["init", "generate", "explain", "declare"];

/** The options `generate` accepts. */
const GENERATE_SPEC: ArgSpec = {
  options: {
    "out-dir": { alias: "o", value: "DIR" },
    name: { value: "NAME" },
    lib: { value: "PATH" },
    targets: { value: "LIST" },
    module: { value: "FILE.wasm" },
    "symbol-prefix": { value: "PREFIX" },
    "exclude-module": { value: "NAME", repeatable: true },
    "exclude-import": { value: "MODULE.NAME", repeatable: true },
    config: { value: "FILE" },
    stubs: { value: "FILE" },
    force: {},
    check: {},
    watch: {},
    help: { alias: "h" },
  },
};
/** The options `explain` accepts. */
const EXPLAIN_SPEC: ArgSpec = {
  options: {
    target: { value: "TARGET" },
    json: {},
    "exclude-module": { value: "NAME", repeatable: true },
    "exclude-import": { value: "MODULE.NAME", repeatable: true },
    help: { alias: "h" },
  },
};
/** The options `declare` accepts. */
const DECLARE_SPEC: ArgSpec = {
  options: {
    out: { alias: "o", value: "FILE" },
    "exclude-module": { value: "NAME", repeatable: true },
    "exclude-import": { value: "MODULE.NAME", repeatable: true },
    types: { value: "SPECIFIER" },
    force: {},
    help: { alias: "h" },
  },
};

/** The options `init` accepts. */
const INIT_SPEC: ArgSpec = {
  options: {
    help: { alias: "h" },
  },
};

/** The options of each command, checked before the command (and the pipeline behind it) is loaded. */
export const COMMAND_SPECS: Readonly<Record<CommandName, ArgSpec>> = {
  generate: GENERATE_SPEC,
  explain: EXPLAIN_SPEC,
  declare: DECLARE_SPEC,
  init: INIT_SPEC,
};

const TOP = `hostbind ${VERSION}: serve WebAssembly imports from native shared libraries in Deno, Bun and Node

Usage:
  hostbind init [DIR]
  hostbind generate INPUT --out-dir DIR [--name NAME] [--lib PATH] [--targets LIST]
                    [--module GUEST.wasm] [--symbol-prefix PREFIX] [--exclude-module NAME]...
                    [--exclude-import MODULE.NAME]...
                    [--stubs FILE.c|FILE.rs [--force]] [--check | --watch] [--config FILE]
  hostbind explain INPUT [--target TARGET] [--json]
  hostbind declare MODULE.wasm [--out FILE] [--force] [--exclude-module NAME]... [--exclude-import MODULE.NAME]... [--types SPECIFIER]

Commands:
  init       create a working starter project in DIR (default: here)
  generate   write the C header and the Deno, Bun and Node bindings for INPUT
  explain    show each import's wasm type, C prototype and result struct layout
  declare    write a starting declaration file from a compiled guest's imports

INPUT is a TypeScript declaration file (.d.ts, .ts) or a WebAssembly module (.wasm).

Options:
  -h, --help     show help (also: hostbind COMMAND --help)
      --version  print the version

Exit status: 0 success, 1 an error in the input or the output directory,
2 wrong usage, 70 an internal error (a bug in hostbind).
`;

const GENERATE = `Usage: hostbind generate [INPUT] [--out-dir DIR] [options]

Writes DIR/NAME.h, DIR/NAME.deno.ts, DIR/NAME.bun.ts, DIR/NAME.node.ts and
DIR/NAME.ts (the module a host imports on any of the three runtimes) from the
imports declared in INPUT (.d.ts, .ts or .wasm). Everything is generated
before anything is written: on any error DIR is left exactly as it was. Files
whose contents would not change are left untouched.

Options:
  -o, --out-dir DIR    directory to write into; created if missing (required,
                       here or in the configuration)
      --name NAME      base name of the outputs (default: INPUT's name without
                       its extensions, e.g. env.d.ts -> env)
      --lib PATH       the shared library load() opens when given no path,
                       written verbatim into the bindings and resolved relative
                       to the generated file (so usually relative to DIR, e.g.
                       ./libenv or ../build/libenv); without an extension the
                       platform's is added (.so, .dylib, .dll)
      --targets LIST   comma-separated outputs to write, of ${OUTPUT_KINDS.join(",")}
                       (default: ${DEFAULT_OUTPUT_KINDS.join(",")}; rust adds NAME.rs)
      --module FILE    a compiled guest (.wasm): every function it imports must
                       be declared with the same wasm type (an error otherwise);
                       declarations it does not import are warnings
      --symbol-prefix PREFIX
                       put PREFIX before every derived C symbol (MODULE_NAME;
                       not those given by @symbol), e.g. for a .wasm input
                       whose import names are not valid or free C names
      --exclude-module NAME
                       leave the imports of module NAME to the host application
                       (WASI, a JS glue module): neither generated nor required
                       by --module; may be given several times
      --exclude-import MODULE.NAME
                       leave single imports to the host application: left out
                       of a .wasm INPUT and not required by --module (a
                       declaration file serves what it declares, so it may
                       serve part of a module); * matches any characters, e.g.
                       'env.__wbg_*'; may be given several times
      --stubs FILE     also write FILE (.c, or .rs with the rust target): every
                       native function with its exact signature and a body that
                       traps with "MODULE.NAME: not implemented", to start the
                       implementation from; never replaces an existing FILE
      --force          with --stubs: replace FILE if it exists
      --check          write nothing; exit 0 when every file in DIR is up to
                       date, 1 showing what differs in each missing or stale
                       file (for CI)
      --watch          generate, then again whenever INPUT, the module or the
                       configuration changes, one line per run; Ctrl-C stops
      --config FILE    read the configuration from FILE instead of looking for
                       one in the current directory
  -h, --help           show this help

Configuration: without --config, the first of hostbind.config.json (the
whole file), deno.json or deno.jsonc (key "hostbind"), package.json (key
"hostbind") in the current directory that holds one is used; parent
directories are not searched. Fields: input, outDir, name, lib, targets (an
array or a comma-separated string), module, symbolPrefix, excludeModules (an
array of module names), excludeImports (an array of MODULE.NAME patterns). input, outDir and module are relative to the
configuration file; lib is written verbatim like --lib.
Flags override the configuration field by field, and INPUT overrides input.
`;

const EXPLAIN = `Usage: hostbind explain INPUT [options]

Shows, for every import in INPUT (.d.ts, .ts or .wasm), its wasm type, the C
prototype the native library implements (out-pointer rule for 2+ results),
and for 2+ results the result struct: each field's offset, size, alignment
and the padding between them.

Options:
      --target TARGET  lay out for TARGET (default: this machine); one of
${wrap(TARGETS.map((t) => t.name).join(", "), 23, 78)}
      --json           print the declarations and layout as JSON instead
      --exclude-module NAME
                       leave module NAME to the host application, as generate does
      --exclude-import MODULE.NAME
                       leave single imports of a .wasm INPUT to the host
                       application (* matches any characters), as generate does
  -h, --help           show this help
`;

const DECLARE = `Usage: hostbind declare MODULE.wasm [options]

Prints a declaration file for the function imports of a compiled guest, to
start from: name the parameters, label the results, use u32/u64 where values
are unsigned, add docs, then run \`hostbind generate\` on it. Every function
import is declared; one whose wasm name is not a TypeScript identifier gets
\`@name\` (\`/** @name console.log */ function console_log(…)\`). What
hostbind does not serve (memories, tables, globals, tags, and functions with
reference, GC or v128 types) is left to the host application: summed up in
one warning, and listed with its type in the file's header.

Options:
  -o, --out FILE   write to FILE instead of standard output (atomically)
      --force      replace FILE if it exists (it may hold your edits)
      --exclude-module NAME
                   leave out the imports of module NAME (the host application
                   serves them, e.g. wasi_snapshot_preview1); repeatable
      --exclude-import MODULE.NAME
                   leave out single imports (* matches any characters, e.g.
                   'env.__wbg_*'); repeatable
      --types SPECIFIER
                   where the file imports the value types from (default:
                   hostbind/types, for Node and Bun, and Deno with a
                   package.json; npm:hostbind/types for Deno without one)
  -h, --help       show this help
`;

const INIT = `Usage: hostbind init [DIR]

Creates a starter project in DIR (default: the current folder): hello.d.ts
(the guest's imports), hello.c (their native implementation), a tiny guest
(guest.wat and guest.wasm), the generated bindings in gen/, a host main.ts
for Deno, Bun and Node, build.mjs (builds the library with cc), and a "dev" script
in package.json and deno.json. Then \`npm run dev\`, \`bun run dev\` or
\`deno task dev\` regenerates gen/, builds the library and runs the guest.

It replaces no file: if one it would create exists, it stops before writing
anything. An existing package.json or deno.json gets a "dev" script added,
or is left as it is (with a note) when it has one.

Options:
  -h, --help   show this help
`;

/** Wraps `text` at spaces into lines of at most `width` columns, each indented by `indent`. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.map((l) => " ".repeat(indent) + l).join("\n");
}

/**
 * The help text of a command, or the top-level help for `undefined`.
 *
 * @example
 * ```ts
 * helpText(undefined).startsWith("hostbind "); // true
 * ```
 */
export function helpText(command: CommandName | undefined): string {
  return command === "generate"
    ? GENERATE
    : command === "explain"
    ? EXPLAIN
    : command === "declare"
    ? DECLARE
    : command === "init"
    ? INIT
    : TOP;
}
