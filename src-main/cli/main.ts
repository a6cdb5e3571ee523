// Entry point of the `tcplab` command line (bin/tcplab.mjs loads it). See cli.ts.
import { runCli } from './cli.js';
import { quietOnClosedPipe } from './io.js';
import { cliLang } from './lang.js';

const argv = process.argv.slice(2);
quietOnClosedPipe(cliLang(argv, process.env));
process.exitCode = runCli(argv);
