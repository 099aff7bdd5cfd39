/**
 * sql.js (Emscripten) with one of its imports served by native code: its
 * loader instantiates the module itself, through `instantiateWasm(imports,
 * receive)`, where `host.instantiate(bytes, imports)` merges hostbind's
 * import into sql.js's own and binds the instance. Prints sql.js's answer.
 * Usage: probe.ts BINDINGS.ts LIBRARY.so
 */
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import process from "node:process";

const [bindings, library] = (globalThis as { Deno?: { args: string[] } }).Deno?.args ?? process.argv.slice(2);
const { load } = await import(bindings!);
const require = createRequire(import.meta.url);
const initSqlJs = require("sql.js");
const bytes = readFileSync(require.resolve("sql.js/dist/sql-wasm.wasm"));

const host = load(library);
const SQL = await initSqlJs({
  instantiateWasm(imports: Record<string, Record<string, unknown>>, receive: (instance: WebAssembly.Instance) => void) {
    host.instantiate(bytes, imports).then(receive);
    return {};
  },
});
const db = new SQL.Database();
const [{ values }] = db.exec("SELECT datetime(1700000000, 'unixepoch', 'localtime'), strftime('%Y-%m-%d %H:%M', 86400 * 365, 'unixepoch', 'localtime')");
db.close();
console.log(JSON.stringify(values[0]));
host.close();
