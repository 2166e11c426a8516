#!/usr/bin/env -S node --import tsx
/** The `smets-harness` command (also `npm start` for `up` on the default estate). */
import { consoleIo } from './cli/Io.ts';
import { main } from './cli/main.ts';

process.exitCode = await main(process.argv.slice(2), consoleIo);
