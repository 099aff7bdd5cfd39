/**
 * ywasm (wasm-bindgen, Node target) with its clock served by native code:
 * the package instantiates its module itself when it is first imported
 * (`new WebAssembly.Instance` at `require`), with no hook, so the import
 * runs inside `host.intercept()`, which merges hostbind's import into
 * ywasm's own and binds the instance. Two edits, then one undo: with the
 * native clock a second apart, the undo manager keeps them apart and the
 * undo removes only the second. Prints what ywasm answers.
 * Usage: probe.ts BINDINGS.ts LIBRARY.so
 */
import process from "node:process";

const [bindings, library] = (globalThis as { Deno?: { args: string[] } }).Deno?.args ?? process.argv.slice(2);
const { load } = await import(bindings!);

const host = load(library);
const Y = await host.intercept(() => import("ywasm"));
const doc = new Y.YDoc({});
const text = doc.getText("notes");
const undo = new Y.YUndoManager(doc, text, { captureTimeout: 500 });
text.insert(0, "hello ");
text.insert(6, "world");
const before = text.toString();
undo.undo();
console.log(JSON.stringify([before, text.toString()]));
host.close();
