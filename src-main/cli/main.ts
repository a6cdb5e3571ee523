// Entry point of the `tcplab` command line (bin/tcplab.mjs loads it). See cli.ts.
import { runCli } from './cli.js';
import { quietOnClosedPipe } from './io.js';

quietOnClosedPipe();
process.exitCode = runCli(process.argv.slice(2));
