#!/usr/bin/env node
// The clinstat command (src/cli/main.ts), run from the TypeScript sources.
import { withModule } from './ts-runner.mjs';

process.exitCode = await withModule('src/cli/main.ts', (cli) => cli.main(process.argv.slice(2)));
