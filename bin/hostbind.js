#!/usr/bin/env node
// The `hostbind` command for Node and `npx`: runs the tsc build in dist/.
// Deno and Bun run the TypeScript source directly (src/cli.ts).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(
    "hostbind: dist/ is missing. In a clone of the repository run `npm run build` first,\n" +
      "or run the source directly: `deno run -A src/cli.ts` or `bun src/cli.ts`.",
  );
  process.exit(2);
}
await import(cli.href);
