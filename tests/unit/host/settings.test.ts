import { describe, expect, it } from 'vitest';
import { LabHost } from '../../../src-main/host/lab-host.js';
import type { SessionSettings } from '../../../src-main/contract/settings.js';

function host() {
  return new LabHost({ version: 't', mode: 'browser', listLessons: () => [] });
}

describe('settings commands', () => {
  it('reads the effective profile and host overrides of the open session', async () => {
    const h = host();
    await h.call('session.openLesson', { id: 'third-ack-lost' });
    const s = (await h.call('settings.get', null)) as SessionSettings;
    expect(s.profile).toBe('linux');
    expect(s.hosts.map((x) => x.name)).toEqual(expect.arrayContaining(['A', 'B']));
  });

  it('re-runs the session with a new profile: classic retransmits the SYN-ACK after 3 s instead of 1 s', async () => {
    const h = host();
    await h.call('session.openLesson', { id: 'third-ack-lost' });
    const synAckTimes = async () => {
      await h.call('timeline.seek', { tMs: 10_000 });
      const info = (await h.call('session.info', null)) as { headEvent: number };
      const { events } = (await h.call('trace.get', { from: 0, count: info.headEvent })) as { events: Array<{ kind: string; host: string; t: number; seg?: { flags: string } }> };
      return events.filter((e) => e.kind === 'segment.send' && e.host === 'B' && e.seg?.flags === 'SA').map((e) => e.t);
    };
    const linux = await synAckTimes();
    await h.call('settings.apply', { profile: 'classic' });
    expect(((await h.call('settings.get', null)) as SessionSettings).profile).toBe('classic');
    const classic = await synAckTimes();
    expect(linux[1]! - linux[0]!).toBe(1000);
    expect(classic[1]! - classic[0]!).toBe(3000);
  });

  it('refuses an unknown sysctl or a bad value with its path, and changes nothing', async () => {
    const h = host();
    await h.call('session.openLesson', { id: 'third-ack-lost' });
    const before = await h.call('settings.get', null);
    await expect(h.call('settings.apply', { hosts: { B: { sysctl: { 'net.ipv4.tcp_synack_retrys': 2 } } } })).rejects.toMatchObject({ code: 'invalid-settings' });
    await expect(h.call('settings.apply', { hosts: { B: { sysctl: { 'net.ipv4.tcp_synack_retries': 9999 } } } })).rejects.toMatchObject({ code: 'invalid-settings' });
    await expect(h.call('settings.apply', { hosts: { Z: { sysctl: {} } } })).rejects.toMatchObject({ code: 'unknown-host', path: '$.hosts["Z"]' });
    expect(await h.call('settings.get', null)).toEqual(before);
  });

  it('refuses tcplab.rto_min_ms above tcplab.rto_max_ms (also against the profile default), and changes nothing', async () => {
    const h = host();
    await h.call('session.openLesson', { id: 'third-ack-lost' });
    const before = await h.call('settings.get', null);
    const both = h.call('settings.apply', { hosts: { A: { sysctl: { 'tcplab.rto_min_ms': 5000, 'tcplab.rto_max_ms': 1000 } } } });
    await expect(both).rejects.toMatchObject({ code: 'invalid-settings', path: '$.hosts[0].sysctl["tcplab.rto_min_ms"]' });
    await expect(both).rejects.toThrow('"tcplab.rto_min_ms" (5000) must not be above "tcplab.rto_max_ms" (1000)');
    // Linux's rto_min_ms is 200: a maximum of 100 alone is below it.
    await expect(h.call('settings.apply', { hosts: { A: { sysctl: { 'tcplab.rto_max_ms': 100 } } } }))
      .rejects.toMatchObject({ code: 'invalid-settings', path: '$.hosts[0].sysctl["tcplab.rto_max_ms"]' });
    expect(await h.call('settings.get', null)).toEqual(before);
    await h.call('settings.apply', { hosts: { A: { sysctl: { 'tcplab.rto_min_ms': 1000, 'tcplab.rto_max_ms': 1000 } } } }); // equal is fine
  });

  it('applies a teaching variant: TIME-WAIT 0', async () => {
    const h = host();
    await h.call('session.openLesson', { id: 'four-way-close' });
    await h.call('settings.apply', { hosts: { A: { variants: { timeWaitMs: 0 } } } });
    const s = (await h.call('settings.get', null)) as SessionSettings;
    expect(s.hosts.find((x) => x.name === 'A')?.variants).toMatchObject({ timeWaitMs: 0 });
  });
});
