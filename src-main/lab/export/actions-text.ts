// One line per recorded intervention for the HTML report: "at 1200 ms: drop packet #5".
import type { Intervention } from '../../net/interventions.js';

function body(a: Intervention): string {
  switch (a.op) {
    case 'drop': case 'hold': case 'release': case 'corrupt': case 'cache': return `${a.op} packet #${a.id}`;
    case 'replay': return `replay cached packet #${a.id}`;
    case 'delay': return `delay packet #${a.id} by ${a.delayMs} ms`;
    case 'move': return `move packet #${a.id} to queue position ${a.toIndex}`;
    case 'duplicate': return `duplicate packet #${a.id} ×${a.count ?? 1}`;
    case 'edit': return `edit packet #${a.id}: ${JSON.stringify(a.fields)}`;
    case 'inject': return `inject from ${a.from}: ${JSON.stringify(a.seg)}`;
    case 'call': {
      const st = a.step;
      const extra = [st.to, st.peer, st.data !== undefined ? JSON.stringify(st.data.length > 40 ? `${st.data.slice(0, 40)}…` : st.data) : undefined,
        st.bytes !== undefined ? `${st.bytes} bytes` : undefined].filter((x) => x !== undefined).join(' ');
      return `${st.host}: ${st.call}(${st.port})${extra === '' ? '' : ` ${extra}`}`;
    }
    case 'rule.add': return `add rule ${JSON.stringify(a.rule)}${a.index === undefined ? '' : ` at ${a.index}`}`;
    case 'rule.remove': return `remove rule ${a.rule}`;
    case 'rule.move': return `move rule ${a.rule} to ${a.toIndex}`;
    case 'rule.enable': return `${a.enabled ? 'enable' : 'disable'} rule ${a.rule}`;
    case 'flood': return `SYN flood from ${a.flood.from} to ${a.flood.target}: ${a.flood.count} at ${a.flood.ratePerSec}/s`;
  }
}

export function describeAction(a: Intervention): string {
  return `at ${a.atMs} ms: ${body(a)}`;
}
