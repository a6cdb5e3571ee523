// The recorded scenarios. Each is both the kernel script (agent.ts runs the steps with node:net, nft.ts
// turns the rules into nftables drops) and the engine scenario (tests/unit/oracle builds a RunSpec from the
// fixture). Host A = client 10.77.0.1, host B = server 10.77.0.2:80. Times are ms after the connect call.
import type { RuleSpec, SocketStepSpec } from '../../src-main/net/spec.js';
import { CLIENT_IP, SERVER_IP } from './netns.js';
import { KNOWN_DIFFERENCES } from './known-differences.js';
import type { OracleScenario } from './types.js';

/**
 * Sysctls set in both namespaces. Shortened where Linux allows it; the others are recorded so the engine
 * runs with the same values. tcp_timestamps=0: the engine sends no timestamps (and nft's `ip length`
 * match of a bare ACK needs option-less headers). tcp_no_metrics_save=1: no per-destination cache.
 */
export const BASE_SYSCTL: Record<string, number> = {
  'net.ipv4.tcp_timestamps': 0,
  'net.ipv4.tcp_no_metrics_save': 1,
  'net.ipv4.tcp_syn_retries': 3,
  'net.ipv4.tcp_syn_linear_timeouts': 4,
  'net.ipv4.tcp_synack_retries': 2,
  'net.ipv4.tcp_fin_timeout': 3,
  'net.ipv4.tcp_max_syn_backlog': 128,
  'net.core.somaxconn': 4096,
  'net.ipv4.tcp_sack': 1,
  'net.ipv4.tcp_window_scaling': 1,
  'net.ipv4.tcp_syncookies': 1,
  'net.ipv4.tcp_ecn': 2,
  // Linux 6.15+: the RTO bounds as sysctls (defaults); the engine's tcplab.rto_min_ms / rto_max_ms.
  'net.ipv4.tcp_rto_min_us': 200000,
  'net.ipv4.tcp_rto_max_ms': 120000,
};

const PORT = 40000;
const LISTEN: SocketStepSpec = { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 128 };
const CONNECT: SocketStepSpec = { atMs: 0, host: 'A', call: 'connect', port: PORT, to: `${SERVER_IP}:80` };
const at = (atMs: number, host: 'A' | 'B', call: SocketStepSpec['call'], extra: Partial<SocketStepSpec> = {}): SocketStepSpec =>
  ({ atMs, host, call, port: host === 'A' ? PORT : 80, ...extra }) as SocketStepSpec;
const on = (trigger: 'connected' | 'accepted' | 'data' | 'eof', host: 'A' | 'B', call: SocketStepSpec['call'], extra: Partial<SocketStepSpec> = {}): SocketStepSpec =>
  ({ on: trigger, host, call, port: host === 'A' ? PORT : 80, ...extra }) as SocketStepSpec;
const drop = (match: RuleSpec['match']): RuleSpec => ({ match, action: 'drop' });

/** The server closes as soon as it reads end-of-file, as real servers do. */
const SERVER_CLOSES_ON_EOF = on('eof', 'B', 'close');

type Def = Omit<OracleScenario, 'sysctl' | 'knownDifferences'> & { sysctl?: Record<string, number> };

const DEFS: Def[] = [
  {
    name: 'normal', durationMs: 1000, rules: [],
    description: 'Handshake, "hello" from the client answered with "world", client closes at 300 ms, server closes on EOF.',
    steps: [LISTEN, CONNECT, at(100, 'A', 'send', { data: 'hello' }), on('data', 'B', 'send', { data: 'world' }), at(300, 'A', 'close'), SERVER_CLOSES_ON_EOF],
  },
  {
    name: 'syn-lost', durationMs: 2000, rules: [drop({ from: 'A', flags: 'S', nth: 1 })],
    description: 'The first SYN is dropped: the client retransmits it after the initial RTO (1 s).',
    steps: [LISTEN, CONNECT, at(1200, 'A', 'send', { data: 'hello' }), at(1400, 'A', 'close'), SERVER_CLOSES_ON_EOF],
  },
  {
    name: 'synack-lost', durationMs: 2000, rules: [drop({ from: 'B', flags: 'SA', nth: 1 })],
    description: 'The first SYN-ACK is dropped: client SYN and server SYN-ACK retransmission timers both run (1 s).',
    steps: [LISTEN, CONNECT, at(1200, 'A', 'send', { data: 'hello' }), at(1400, 'A', 'close'), SERVER_CLOSES_ON_EOF],
  },
  {
    name: 'third-ack-lost', durationMs: 2500, rules: [drop({ from: 'A', flags: 'A', len: 0, nth: 1 })],
    description: 'The handshake\'s third segment (a bare ACK) is dropped and the client sends nothing: the server retransmits its SYN-ACK.',
    steps: [LISTEN, CONNECT],
  },
  {
    name: 'third-ack-lost-then-data', durationMs: 1000, rules: [drop({ from: 'A', flags: 'A', len: 0, nth: 1 })],
    description: 'The third ACK is dropped, then the client sends data at 200 ms: its ACK completes the server\'s handshake.',
    steps: [LISTEN, CONNECT, at(200, 'A', 'send', { data: 'hello' }), at(400, 'A', 'close'), SERVER_CLOSES_ON_EOF],
  },
  {
    name: 'four-way-close', durationMs: 1000, rules: [],
    description: 'Client closes at 200 ms; the server closes 100 ms after EOF, so its ACK and FIN travel separately.',
    steps: [LISTEN, CONNECT, at(200, 'A', 'close'), on('eof', 'B', 'close', { afterMs: 100 })],
  },
  {
    name: 'fin-lost', durationMs: 1500, rules: [drop({ from: 'A', flagsAny: 'F', nth: 1 })],
    description: 'The client\'s FIN (after "hello") is dropped and retransmitted on RTO; the server closes on EOF.',
    steps: [LISTEN, CONNECT, at(100, 'A', 'send', { data: 'hello' }), at(300, 'A', 'close'), SERVER_CLOSES_ON_EOF],
  },
  {
    name: 'last-ack-lost', durationMs: 1500, rules: [drop({ from: 'A', flags: 'A', len: 0, nth: 2 })],
    description: 'After "hello", the client\'s ACK of the server\'s FIN is dropped: the server in LAST-ACK retransmits its FIN, the client in TIME-WAIT answers it.',
    // The data matters: with no data received, Linux ACKs a FIN at the next jiffy (ato 0) and races the
    // application's close; after data, ato is 40 ms and the prompt close always carries the ACK.
    steps: [LISTEN, CONNECT, at(100, 'A', 'send', { data: 'hello' }), at(300, 'A', 'close'), SERVER_CLOSES_ON_EOF],
  },
  {
    name: 'half-close', durationMs: 1000, rules: [],
    description: 'Client sends "request" and shuts down its write side; the server answers "response" after EOF and closes; the client closes on EOF.',
    steps: [LISTEN, CONNECT, at(100, 'A', 'send', { data: 'request' }), at(200, 'A', 'shutdown'),
      on('eof', 'B', 'send', { data: 'response' }), on('eof', 'B', 'close', { afterMs: 100 }), on('eof', 'A', 'close')],
  },
  {
    name: 'simultaneous-close', durationMs: 1500,
    rules: [drop({ from: 'A', flagsAny: 'F', nth: 1 }), drop({ from: 'B', flagsAny: 'F', nth: 1 })],
    description: 'Client closes at 300 ms, server at 305 ms, and both first FINs are dropped (the veth has no delay to let them cross): both ends are in FIN-WAIT-1 when the retransmitted FINs arrive.',
    steps: [LISTEN, CONNECT, at(300, 'A', 'close'), at(305, 'B', 'close')],
  },
  {
    name: 'closed-port-rst', durationMs: 500, rules: [],
    description: 'Connect to port 81 where nothing listens: the server answers RST,ACK and connect() fails (ECONNREFUSED).',
    steps: [LISTEN, { atMs: 0, host: 'A', call: 'connect', port: PORT, to: `${SERVER_IP}:81` }],
  },
  {
    name: 'backlog-overflow', durationMs: 3000, rules: [], acceptPausedUntilMs: 1500,
    description: 'listen(backlog 1) and no accept() until 1500 ms; three connects at 0, 50 and 100 ms: the full accept queue drops the later SYNs until the application accepts.',
    steps: [{ ...LISTEN, backlog: 1 }, CONNECT,
      { atMs: 50, host: 'A', call: 'connect', port: PORT + 1, to: `${SERVER_IP}:80` },
      { atMs: 100, host: 'A', call: 'connect', port: PORT + 2, to: `${SERVER_IP}:80` }],
  },
  {
    name: 'data-after-close', durationMs: 1000, rules: [],
    description: 'The server close()s at 100 ms without reading; the client, half-open in CLOSE-WAIT, sends "hello" at 300 ms: the orphaned server (FIN-WAIT-2) answers the new data with RST (RFC 9293 3.6, Linux TCP_TW_RST).',
    steps: [LISTEN, CONNECT, at(100, 'B', 'close'), at(300, 'A', 'send', { data: 'hello' })],
  },
  {
    name: 'data-after-close-fin-wait-1', durationMs: 1000, rules: [drop({ from: 'A', flags: 'A', len: 0, nth: 2 })],
    description: 'The server close()s at 100 ms and the client\'s ACK of its FIN is dropped; the client sends "hello" at 250 ms, before the FIN is retransmitted: the data reaches the orphaned server in FIN-WAIT-1, and it answers with RST (Linux tcp_rcv_state_process, TCPAbortOnData).',
    steps: [LISTEN, CONNECT, at(100, 'B', 'close'), at(250, 'A', 'send', { data: 'hello' })],
  },
  {
    name: 'close-unread', durationMs: 1000, rules: [],
    description: 'The server stops reading; the client sends "hello" at 100 ms; the server close()s at 300 ms with the 5 bytes unread: RST instead of FIN (Linux tcp_close, RFC 2525 2.17).',
    steps: [LISTEN, CONNECT, on('accepted', 'B', 'autoread', { value: 0 }), at(100, 'A', 'send', { data: 'hello' }), at(300, 'B', 'close')],
  },
];

export const SCENARIOS: OracleScenario[] = DEFS.map((d) => ({
  ...d,
  sysctl: { ...BASE_SYSCTL, ...d.sysctl },
  knownDifferences: KNOWN_DIFFERENCES[d.name] ?? [],
}));

export const HOST_IPS = { A: CLIENT_IP, B: SERVER_IP } as const;
