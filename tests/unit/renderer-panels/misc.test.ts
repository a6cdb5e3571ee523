// Host error display, scrub keys, socket calls, settings changes and the inject template.
import { describe, expect, it } from 'vitest';
import { stepCallSchema, type KnobView, type PacketDetail } from '../../../src-main/contract/index.js';
import { settingsCommandSchemas, type SessionSettings } from '../../../src-main/contract/settings.js';
import { bannerLines, headlineVars, pathLines, toShownError } from '../../../src-renderer/lib/host-errors.js';
import { scrubKeyTarget } from '../../../src-renderer/lib/scrub.js';
import { socketCall } from '../../../src-renderer/lib/socket-call.js';
import { settingsChanges, settingsDraft, settingsPathLabel, settingsProblems } from '../../../src-renderer/lib/settings-draft.js';
import { LabHost } from '../../../src-main/host/lab-host.js';
import { injectTemplate } from '../../../src-renderer/lib/inject-template.js';
import { absoluteLabel, describeOptions, labelFor } from '../../../src-renderer/lib/packet-text.js';
import { panelsEn as EN } from '../../../src-renderer/i18n/panels.en.js';
import { panelsZhCN as ZH } from '../../../src-renderer/i18n/panels.zh-CN.js';

describe('host errors', () => {
  it('lists every JSON path of a zod message (host/zod-errors.ts joins them with "; ")', () => {
    expect(pathLines('session.openText: $.hosts[1].ip: not a dotted-quad IPv4 address; $.seed: Expected number')).toEqual([
      '$.hosts[1].ip: not a dotted-quad IPv4 address',
      '$.seed: Expected number',
    ]);
    expect(pathLines('2 problems:\n$.seed: must be >= 0\n$.hosts[0].ip: not a dotted-quad IPv4 address')).toEqual([
      '$.seed: must be >= 0',
      '$.hosts[0].ip: not a dotted-quad IPv4 address',
    ]);
    expect(pathLines('plain words', 'fields.seq')).toEqual(['$.fields.seq']);
    expect(pathLines('plain words')).toEqual([]);
  });
  it('lists field problems under a translated headline, but not a bare argument path such as $.id', () => {
    const delivered = toShownError({ code: 'already-delivered', message: 'packet #3 was already delivered at 1040 ms', path: 'id' });
    expect(delivered.paths).toEqual(['$.id']);
    expect(bannerLines(delivered)).toEqual([]);
    const file = toShownError({ code: 'invalid-file', message: 'cannot open:\n$.seed: must be >= 0', path: '$.seed' });
    expect(bannerLines(file)).toEqual(['$.seed: must be >= 0']);
    expect(bannerLines(toShownError({ code: 'weird', message: 'odd', path: 'x' }))).toEqual(['$.x']);
  });
  it('names the packet of a refused replay in both languages: {id} comes from the host\'s "packet #N" message', () => {
    const err = toShownError({ code: 'not-cached', message: 'packet #4 cannot be replayed: it was dropped at 107 ms (dropped by user) before it reached the router, so the router never had a copy', path: 'id' });
    const vars = headlineVars(err, 5000);
    expect(vars).toEqual({ untilMs: 5000, id: '4' });
    const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_w, k: string) => String(vars[k]));
    expect(fill(EN['error.code.not-cached'])).toBe('Packet #4 is not in the router’s cache: the router keeps a copy only of a packet that has reached it.');
    expect(fill(ZH['error.code.not-cached'])).toBe('报文 #4 不在路由器的缓存中：路由器只能保存已经到达它的报文的副本。');
    expect(headlineVars(toShownError({ code: 'no-session', message: 'no session' }), undefined)).toEqual({ untilMs: '?', id: '?' });
  });
  it('knows translated codes and keeps the English message for unknown ones', () => {
    expect(toShownError({ code: 'unknown-packet', message: 'packet #9 is unknown' })).toMatchObject({ known: 'unknown-packet', message: 'packet #9 is unknown' });
    expect(toShownError({ info: { code: 'weird', message: 'Weird thing' } })).toMatchObject({ code: 'weird', known: null, message: 'Weird thing' });
    expect(toShownError(new Error('connection to the lab host closed'))).toMatchObject({ known: 'connection' });
    expect(toShownError('boom')).toMatchObject({ known: null, message: 'boom' });
    expect(toShownError({ code: 'after-the-end', message: 'the run ends at 5000 ms' })).toMatchObject({ known: 'after-the-end' });
  });
});

describe('scrubKeyTarget', () => {
  it('moves 10 ms, 1 s with Shift, a tenth with Page keys, and clamps', () => {
    expect(scrubKeyTarget('ArrowRight', false, 100, 2000)).toBe(110);
    expect(scrubKeyTarget('ArrowLeft', true, 100, 2000)).toBe(0);
    expect(scrubKeyTarget('PageUp', false, 1900, 2000)).toBe(2000);
    expect(scrubKeyTarget('PageDown', false, 1900, 2000)).toBe(1700);
    expect(scrubKeyTarget('Home', false, 1900, 2000)).toBe(0);
    expect(scrubKeyTarget('End', false, 0, 2000)).toBe(2000);
    expect(scrubKeyTarget('a', false, 0, 2000)).toBeNull();
  });
});

describe('socketCall', () => {
  const form = { port: '40000', peer: '', to: '10.0.0.2:80', data: 'hello' };
  it('builds each call the contract accepts', () => {
    expect(socketCall('A', 'connect', form).step).toEqual({ host: 'A', call: 'connect', port: 40000, to: '10.0.0.2:80' });
    expect(socketCall('B', 'listen', { ...form, port: '80' }).step).toEqual({ host: 'B', call: 'listen', port: 80, backlog: 128 });
    expect(socketCall('A', 'send', form).step).toEqual({ host: 'A', call: 'send', port: 40000, data: 'hello' });
    expect(socketCall('B', 'close', { ...form, port: '80', peer: '10.0.0.1:40000' }).step).toEqual({ host: 'B', call: 'close', port: 80, peer: '10.0.0.1:40000' });
    for (const c of ['listen', 'connect', 'send', 'shutdown', 'close', 'abort'] as const) {
      expect(stepCallSchema.safeParse(socketCall('A', c, form).step).success).toBe(true);
    }
  });
  it('names the missing or bad field', () => {
    expect(socketCall('A', 'close', { ...form, port: '0' }).error).toBe('port');
    expect(socketCall('A', 'connect', { ...form, to: '10.0.0.2' }).error).toBe('to');
    expect(socketCall('A', 'connect', { ...form, to: '10.0.0.2:70000' }).error).toBe('to');
    expect(socketCall('A', 'send', { ...form, data: '' }).error).toBe('data');
    expect(socketCall('A', 'abort', { ...form, peer: 'x' }).error).toBe('peer');
  });
});

describe('settings changes', () => {
  const before: SessionSettings = { profile: 'linux', hosts: [{ name: 'A', sysctl: {}, variants: {} }, { name: 'B', sysctl: { 'net.ipv4.tcp_synack_retries': 2 }, variants: {} }] };
  it('sends nothing when nothing changed', () => {
    expect(settingsChanges(before, settingsDraft(before))).toEqual({});
  });
  it('sends the profile and only the hosts that changed, in the schema’s shape', () => {
    const d = settingsDraft(before);
    d.profile = 'classic';
    d.hosts[1]!.sysctl['net.ipv4.tcp_synack_retries'] = '5';
    d.hosts[1]!.twoWayHandshake = true;
    d.hosts[1]!.timeWaitMs = '0';
    const out = settingsChanges(before, d);
    expect(out).toEqual({ profile: 'classic', hosts: { B: { sysctl: { 'net.ipv4.tcp_synack_retries': 5 }, variants: { twoWayHandshake: true, timeWaitMs: 0 } } } });
    expect(settingsCommandSchemas['settings.apply'].safeParse(out).success).toBe(true);
  });
  it('treats a cleared knob as back to the profile default', () => {
    const d = settingsDraft(before);
    d.hosts[1]!.sysctl['net.ipv4.tcp_synack_retries'] = '';
    expect(settingsChanges(before, d)).toEqual({ hosts: { B: { sysctl: {}, variants: {} } } });
  });
});

describe('settings problems (checked as typed, before anything reaches the host)', () => {
  // The host's own table: the ranges and the rto_min ≤ rto_max pair are the ones settings.apply enforces.
  const knobs = (new LabHost({ version: 't', mode: 'browser', listLessons: () => [] }).call('settings.knobs', null)) as Promise<KnobView[]>;
  const before: SessionSettings = { profile: 'linux', hosts: [{ name: 'A', sysctl: {}, variants: {} }, { name: 'B', sysctl: {}, variants: {} }] };

  it('an untouched draft has none', async () => {
    expect(settingsProblems(settingsDraft(before), await knobs)).toEqual([]);
  });
  it('text that is not a whole number is a problem, not the default; so is a value out of range', async () => {
    const d = settingsDraft(before);
    d.hosts[0]!.sysctl['tcplab.rto_min_ms'] = 'abc';
    d.hosts[0]!.sysctl['tcplab.mss'] = '10';
    d.hosts[1]!.sysctl['net.ipv4.tcp_synack_retries'] = '2.5';
    d.hosts[1]!.timeWaitMs = '-1';
    expect(settingsProblems(d, await knobs)).toEqual([
      { host: 'A', field: 'tcplab.rto_min_ms', kind: 'range', min: 1, max: 600000 },
      { host: 'A', field: 'tcplab.mss', kind: 'range', min: 88, max: 65495 },
      { host: 'B', field: 'timeWaitMs', kind: 'range', min: 0, max: 86400000 },
      { host: 'B', field: 'net.ipv4.tcp_synack_retries', kind: 'range', min: 0, max: 255 },
    ]);
  });
  it('refuses rto_min_ms above rto_max_ms, with the profile default for the one left empty', async () => {
    const d = settingsDraft(before);
    d.hosts[0]!.sysctl['tcplab.rto_min_ms'] = '5000';
    d.hosts[0]!.sysctl['tcplab.rto_max_ms'] = '1000';
    d.hosts[1]!.sysctl['tcplab.rto_max_ms'] = '100'; // Linux rto_min_ms is 200
    expect(settingsProblems(d, await knobs)).toEqual([
      { host: 'A', field: 'tcplab.rto_min_ms', kind: 'order', low: 'tcplab.rto_min_ms', high: 'tcplab.rto_max_ms', lowValue: 5000, highValue: 1000 },
      { host: 'B', field: 'tcplab.rto_max_ms', kind: 'order', low: 'tcplab.rto_min_ms', high: 'tcplab.rto_max_ms', lowValue: 200, highValue: 100 },
    ]);
    d.hosts[0]!.sysctl['tcplab.rto_max_ms'] = '5000';
    d.hosts[1]!.sysctl['tcplab.rto_max_ms'] = '';
    expect(settingsProblems(d, await knobs)).toEqual([]);
  });
  it('names a host error\'s fields as the dialog does', () => {
    expect(settingsPathLabel('$.hosts[1].sysctl["tcplab.mss"]: the value must be at least 88 bytes', ['A', 'B'])).toBe('B · tcplab.mss: the value must be at least 88 bytes');
    expect(settingsPathLabel('$.hosts.A.variants.timeWaitMs: too small', ['A', 'B'])).toBe('A · timeWaitMs: too small');
  });
});

describe('inject template and options text', () => {
  it('starts from the selected packet’s connection and numbers', () => {
    const p = { id: 2, conn: '10.0.0.2:80>10.0.0.1:40000', from: 'B', to: 'A', seg: { flags: 'SA', seq: 5000, ack: 1001, len: 0, win: 65535, options: {} } } as unknown as PacketDetail;
    expect(injectTemplate(p, [{ name: 'A', ip: '10.0.0.1' }, { name: 'B', ip: '10.0.0.2' }])).toEqual({
      from: 'B', srcIp: '10.0.0.2', srcPort: '80', dstIp: '10.0.0.1', dstPort: '40000', seq: '5000', ack: '1001', flags: 'SA', window: '65535', payload: '',
    });
  });
  it('prints options as Wireshark abbreviates them', () => {
    expect(describeOptions({ mss: 1460, wscale: 7, sackPermitted: true, timestamp: { val: 1, ecr: 0 } })).toBe('MSS=1460 WS=128 SACK_PERM TSval=1 TSecr=0');
    expect(describeOptions({})).toBe('');
  });
});

describe('absoluteLabel (the inspector heading with "Relative sequence numbers" off)', () => {
  it('puts the segment’s own Seq, Ack and SACK edges in place of the relative ones', () => {
    const seg = { flags: 'A', seq: 1030499790, ack: 3985666967, len: 0, win: 512, options: { sack: [[3985668427, 3985669887]] as Array<[number, number]> } };
    expect(absoluteLabel('[ACK] Seq=1 Ack=1 Win=65536 Len=0 SLE=1461 SRE=2921', seg)).toBe(
      '[ACK] Seq=1030499790 Ack=3985666967 Win=65536 Len=0 SLE=3985668427 SRE=3985669887');
    expect(absoluteLabel('[SYN] Seq=0 Win=65535 Len=0 MSS=1460', { ...seg, flags: 'S', options: {} })).toBe('[SYN] Seq=1030499790 Win=65535 Len=0 MSS=1460');
  });

  it('labelFor gives the router list, the topology and the inspector the host label or its absolute form, as the switch says', () => {
    const p = { label: '[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0', seg: { flags: 'SA', seq: 3985666966, ack: 1030499790, len: 0, win: 65535, options: {} } };
    expect(labelFor(p, true)).toBe('[SYN, ACK] Seq=0 Ack=1 Win=65535 Len=0');
    expect(labelFor(p, false)).toBe('[SYN, ACK] Seq=3985666966 Ack=1030499790 Win=65535 Len=0');
  });
});
