// What valgrind runs (bundled by main.ts): one workload at one size, twice (the first run also compiles).
import { runWorkload } from './workloads.js';

const [name = 'flood', size = '1000'] = process.argv.slice(2);
const n = Number(size);
runWorkload(name, n);
process.stdout.write(`${name} ${n} ${runWorkload(name, n)} events\n`);
