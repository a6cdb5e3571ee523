// docs/TCP.md "Profile values" is the knob table (profile-table.ts KNOBS) for readers: every knob, in the
// settings' order, with its unit, per-profile defaults, range and the English text the settings show. The
// tcp_max_syn_backlog row said "min(this, listen backlog)" for every profile, against the linux rule the same
// file describes (and the engine runs); tcp_abort_on_overflow had no row at all.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOBS } from '../../../src-main/tcp/profile-table.js';

const doc = readFileSync(new URL('../../../docs/TCP.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('## Profile values'));
const rows = section.slice(0, section.indexOf('\n## ') === -1 ? undefined : section.indexOf('\n## ')).split('\n').filter((l) => l.startsWith('| `'));

describe('docs/TCP.md knob table', () => {
  it('has one row per knob, in the order of KNOBS, saying what the knob table says', () => {
    const cells = rows.map((r) => r.slice(2, -2).split(' | '));
    expect(cells.map((c) => c[0])).toEqual(KNOBS.map((k) => `\`${k.name}\``));
    for (const k of KNOBS) {
      const row = cells.find((c) => c[0] === `\`${k.name}\``)!;
      expect(row.slice(1), k.name).toEqual([k.unit, String(k.defaults.rfc), String(k.defaults.linux), String(k.defaults.classic), `${k.min}..${k.max}`, k.en]);
    }
  });

  it('describes tcp_max_syn_backlog by profile: the textbook min() in rfc/classic, the 3/4 rule without cookies in linux', () => {
    const row = rows.find((r) => r.startsWith('| `net.ipv4.tcp_max_syn_backlog` |'))!;
    expect(row).toContain('rfc/classic: the queue holds min(this, listen backlog)');
    expect(row).toContain('linux: the backlog bounds the queue; without SYN cookies');
  });
});
