import { it } from 'vitest';
import { buildLadder } from '../../../src-renderer/views/ladder/model.js';
import { syntheticTrace } from '../../../src-renderer/views/fixture/synthetic.js';
import { packetPath, columnLayout } from '../../../src-renderer/views/ladder/geometry.js';
import { buildTimeIndex, visiblePackets } from '../../../src-renderer/views/ladder/time-index.js';
import { arrowStyle } from '../../../src-renderer/views/ladder/tags.js';
it('prof', () => {
  let t = performance.now();
  const ev = syntheticTrace(100000); console.log('trace', performance.now() - t); t = performance.now();
  const pk = buildLadder(ev); console.log('build', performance.now() - t); t = performance.now();
  const idx = buildTimeIndex(pk); console.log('index', performance.now() - t); t = performance.now();
  const vis = visiblePackets(idx, -1, 1e9); console.log('visible', vis.length, performance.now() - t); t = performance.now();
  const cols = columnLayout([{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }], 700, 88, 56);
  const y = (ms: number) => 50 + ms * 0.002;
  const seen = new Set<string>();
  for (const i of vis) { const p = pk[i]!; const pts = packetPath(p, cols, y, 0); let key = `${arrowStyle(p)}`; for (const pt of pts) key += `|${Math.round(pt.x)},${Math.round(pt.y)}`; seen.add(key); }
  console.log('paths+keys', seen.size, performance.now() - t);
});
