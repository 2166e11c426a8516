#!/usr/bin/env -S node --import tsx
/** The `smets-harness` command (also `npm start`, which is `smets-harness up` on the default estate). */
import { consoleIo } from './cli/Io.ts';
import { main } from './cli/main.ts';
import { batchCommand } from './cli/batchCommand.ts';
import { certifyCommand } from './cli/certifyCommand.ts';
import { demoCommand } from './cli/demoCommand.ts';
import { reportCommand } from './cli/reportCommand.ts';
import { runCommand } from './cli/runCommand.ts';
import { upCommand } from './cli/upCommand.ts';

process.exitCode = await main(process.argv.slice(2), consoleIo, [upCommand(), runCommand(), demoCommand(), batchCommand(), reportCommand(), certifyCommand()]);
