/**
 * A small, strict argument parser: long options (`--out-dir DIR`,
 * `--out-dir=DIR`), short aliases (`-o DIR`), boolean flags, `--` to end
 * options, and positionals. Anything it does not know is a
 * {@link UsageError} (exit code 2), never silently ignored.
 *
 * @example
 * ```ts
 * import { parseArgs } from "./args.ts";
 * const spec = { options: { "out-dir": { alias: "o", value: "DIR" }, json: {} } };
 * const a = parseArgs(["in.d.ts", "-o", "out", "--json"], spec, "generate");
 * a.positionals;        // ["in.d.ts"]
 * a.values["out-dir"];  // "out"
 * a.flags.has("json");  // true
 * ```
 * @module
 */
import { closest } from "../suggest.ts";


/** A mistake in how hostbind was invoked: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {
  /** The command whose `--help` the hint points to (`""` for the top level). */
  readonly command: string;

  /**
   * @example
   * ```ts
   * throw new UsageError("missing INPUT argument", "generate");
   * ```
   */
  constructor(message: string, command = "") {
    super(message);
    this.name = "UsageError";
    this.command = command;
  }

  /**
   * The error as the CLI prints it, two lines.
   *
   * @example
   * ```ts
   * new UsageError("unknown option `--x`", "explain").format();
   * // "error: unknown option `--x`\n  help: run `hostbind explain --help` for usage"
   * ```
   */
  format(): string {
    const cmd = this.command === "" ? "hostbind" : `hostbind ${this.command}`;
    return `error: ${this.message}\n  help: run \`${cmd} --help\` for usage`;
  }
}

/** One option a command accepts. */
export interface OptionSpec {
  /** A one-letter alias used as `-x`. */
  alias?: string;
  /** The placeholder of the option's value (`DIR`); absent for a boolean flag. */
  value?: string;
  /** True when the option may be given several times; its values are collected in order in `lists`. */
  repeatable?: boolean;
}

/** What a command accepts. */
export interface ArgSpec {
  /** Options by long name, without the leading `--`. */
  options: Readonly<Record<string, OptionSpec>>;
}

/** Parsed arguments. */
export interface ParsedArgs {
  /** Arguments that are not options, in order. */
  positionals: string[];
  /** Values of value options, by long name; each may be given once. */
  values: Record<string, string>;
  /** Values of repeatable options, by long name, in the order given. */
  lists: Record<string, string[]>;
  /** Long names of the boolean flags that were given. */
  flags: Set<string>;
}

/**
 * Parses `argv` against `spec`; `command` names the command in usage errors.
 *
 * @example
 * ```ts
 * parseArgs(["--target=i686-linux", "x.d.ts"], { options: { target: { value: "T" } } }, "explain");
 * // { positionals: ["x.d.ts"], values: { target: "i686-linux" }, lists: {}, flags: Set {} }
 * ```
 */
export function parseArgs(argv: readonly string[], spec: ArgSpec, command: string): ParsedArgs {
  const out: ParsedArgs = { positionals: [], values: {}, lists: {}, flags: new Set() };
  const byAlias = new Map(
    Object.entries(spec.options).flatMap(([name, o]) => (o.alias ? [[o.alias, name] as const] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone "-" is a positional by convention (and hostbind rejects it later as a path).
    if (!arg.startsWith("-") || arg === "-") {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const written = eq < 0 ? arg : arg.slice(0, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const name = written.startsWith("--") ? written.slice(2) : byAlias.get(written.slice(1));
    // Own options only: `--constructor` or `--__proto__` must not find Object.prototype's members.
    const opt = name === undefined || !Object.hasOwn(spec.options, name) ? undefined : spec.options[name];
    if (name === undefined || opt === undefined || (written.startsWith("--") && written.length === 2)) {
      const near = closest(written, Object.keys(spec.options).map((o) => `--${o}`));
      throw new UsageError(`unknown option \`${written}\`${near === undefined ? "" : `; did you mean \`${near}\`?`}`, command);
    }
    if (opt.value === undefined) {
      if (inline !== undefined) throw new UsageError(`option \`${written}\` takes no value`, command);
      out.flags.add(name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-")) {
        throw new UsageError(`option \`${written}\` needs a value: ${written} ${opt.value}`, command);
      }
      value = next;
      i++;
    }
    if (opt.repeatable) {
      (out.lists[name] ??= []).push(value);
      continue;
    }
    if (Object.hasOwn(out.values, name)) throw new UsageError(`option \`--${name}\` given more than once`, command);
    out.values[name] = value;
  }
  return out;
}
