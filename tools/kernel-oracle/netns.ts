// Two network namespaces joined by a veth pair: client 10.77.0.1 (namespace a) and server 10.77.0.2
// (namespace b). Traffic never leaves the pair: no default route, no other interface but lo.
import { inNs, sh, shQuiet } from './sh.js';

export const CLIENT_IP = '10.77.0.1';
export const SERVER_IP = '10.77.0.2';

export interface Pair {
  client: string;
  server: string;
  clientDev: string;
  serverDev: string;
}

/** Unique names per recorder process and scenario; interface names stay within IFNAMSIZ (15). */
export function pairNames(pid: number, index: number): Pair {
  const tag = `${pid % 100000}x${index}`;
  return { client: `tlo-${tag}-a`, server: `tlo-${tag}-b`, clientDev: `tlo${tag}a`, serverDev: `tlo${tag}b` };
}

export function createPair(p: Pair): void {
  sh('ip', ['netns', 'add', p.client]);
  sh('ip', ['netns', 'add', p.server]);
  // Create the veth inside the client namespace so nothing is ever left in the root namespace.
  sh('ip', ['-n', p.client, 'link', 'add', p.clientDev, 'type', 'veth', 'peer', 'name', p.serverDev, 'netns', p.server]);
  for (const [ns, dev, ip] of [[p.client, p.clientDev, CLIENT_IP], [p.server, p.serverDev, SERVER_IP]] as const) {
    sh('ip', ['-n', ns, 'addr', 'add', `${ip}/24`, 'dev', dev]);
    sh('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    sh('ip', ['-n', ns, 'link', 'set', dev, 'up']);
  }
}

/** Deleting a namespace also deletes its veth end (and so the pair) and its nft tables. */
export function destroyPair(p: Pair): void {
  shQuiet('ip', ['netns', 'del', p.client]);
  shQuiet('ip', ['netns', 'del', p.server]);
}

/** Sets each sysctl in the namespace and returns the values read back (what the kernel really uses). */
export function applySysctls(ns: string, values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of Object.keys(values).sort()) {
    inNs(ns, 'sysctl', ['-q', '-w', `${name}=${values[name]}`]);
    out[name] = Number(inNs(ns, 'sysctl', ['-n', name]).trim());
  }
  return out;
}
