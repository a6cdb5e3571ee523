// A bulk transfer big enough for the timeline's performance checks (about 100,000 trace events).
export function bulkScenario(bytes: number, untilMs = 600_000): Record<string, unknown> {
  return {
    format: 'tcplab.scenario/1',
    title: { en: 'Bulk transfer', 'zh-CN': '批量传输' },
    seed: 3,
    profile: 'linux',
    hosts: [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }],
    network: { delayMs: 5, bandwidthBps: 100_000_000, queueCapacity: 64 },
    rules: [{ match: { from: 'A', flagsAny: 'P', probability: 0.002 }, action: 'drop' }],
    steps: [
      { atMs: 0, host: 'B', call: 'listen', port: 80, backlog: 16 },
      { atMs: 0, host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' },
      { on: 'connected', host: 'A', call: 'send', port: 40000, bytes },
    ],
    untilMs,
  };
}
