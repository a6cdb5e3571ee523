import { traceLine, type TraceEvent, type TraceSink } from '../../src-main/net/index.js';
import { drive } from './drive.js';
import { generate } from './gen.js';
const seed = Number(process.argv[2]);
const filter = process.argv[3] ?? '';
const maxLines = Number(process.argv[4] ?? 400);
const lines: string[] = [];
class S implements TraceSink { n = 0; emit(ev: TraceEvent) { this.n++; if (this.n > 30000) throw new Error('stop'); const l = traceLine(ev); if (!filter || l.includes(filter)) lines.push(l); } }
const sc = generate(seed);
console.log(JSON.stringify(sc.conns.map((c: any) => ({ i: c.index, cl: c.client, sv: c.server, cp: c.clientPort, prof: (c as any).profile }))));
try { drive(sc, new S() as any); } catch (e) { console.log('ERR', String(e).slice(0, 200)); }
for (const l of lines.slice(0, maxLines)) console.log(l.slice(0, 330));
