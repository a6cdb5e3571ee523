// The engine's English trace text shown in Chinese: exact renderings of each rule kind (table, pattern,
// RFC prefix and suffix, nesting, actors), the English fallback, and — so that a new engine text fails
// here until it is translated — every distinct text in the traces of all lessons and their compare-runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src-main/lab/lessons/index.js';
import { runScenario } from '../../../src-main/lab/scenario-exec.js';
import { withCompare } from '../../../src-main/lab/scenario.js';
import { PacketNumberIndex } from '../../../src-main/lab/packet-number-index.js';
import { packetDetailOf } from '../../../src-main/lab/session-views.js';
import { TraceStore } from '../../../src-main/lab/trace-store.js';
import { compilePattern, hasChineseTraceText, localizeTraceText } from '../../../src-main/contract/trace-text.js';
import { TRACE_PATTERNS_ZH } from '../../../src-main/contract/trace-text.zh-CN.js';

const zh = (text: string) => localizeTraceText(text, 'zh-CN');
const CJK = /[\u4e00-\u9fff]/;

describe('localizeTraceText', () => {
  it('leaves English (and empty text) unchanged', () => {
    const cause = 'RFC 9293 3.10.7.3: SYN,ACK acknowledging our SYN in SYN-SENT';
    expect(localizeTraceText(cause, 'en')).toBe(cause);
    expect(zh('')).toBe('');
  });

  it('keeps the RFC section prefix as it is and translates the description', () => {
    expect(zh('RFC 9293 3.10.7.3: SYN,ACK acknowledging our SYN in SYN-SENT')).toBe('RFC 9293 3.10.7.3: SYN-SENT 状态下收到确认我方 SYN 的 SYN,ACK');
    expect(zh('RFC 9293 3.10.1: passive OPEN')).toBe('RFC 9293 3.10.1: 被动打开（passive OPEN）');
    expect(zh('RFC 9293 3.8.3 R2: retransmissions exhausted (net.ipv4.tcp_retries2)')).toBe('RFC 9293 3.8.3 R2: 重传次数已用尽（net.ipv4.tcp_retries2）');
  });

  it("names RFC 9293 3.10.7.4's steps in Chinese, in a prefix and in a trailing reference", () => {
    expect(zh('RFC 9293 3.10.7.4 eighth: FIN received in FIN-WAIT-2')).toBe('RFC 9293 3.10.7.4 第八步: FIN-WAIT-2 状态下收到 FIN');
    expect(zh('RST outside the receive window (RFC 9293 3.10.7.4 first)')).toBe('RST 不在接收窗口内（RFC 9293 3.10.7.4 第一步）');
    expect(zh('SYN queue full: SYN-ACK with a SYN cookie, no state kept (RFC 4987)')).toBe('SYN 队列已满：改用携带 SYN cookie 的 SYN-ACK 应答，服务器不保存连接状态（RFC 4987）');
  });

  it('fills patterns with the captured values, state names in English as RFC 9293 prints them', () => {
    expect(zh('connection gone (was FIN-WAIT-2)')).toBe('连接已不存在（之前处于 FIN-WAIT-2）');
    expect(zh('SYN-ACK retransmission #3')).toBe('SYN-ACK 第 3 次重传');
    expect(zh('router queue full (capacity 64)')).toBe('路由器队列已满（容量 64）');
    expect(zh('no route to spoofed address 198.18.0.178')).toBe('没有通往伪造地址 198.18.0.178 的路由');
    expect(zh('FIN-WAIT-2 timeout for an orphaned socket (net.ipv4.tcp_fin_timeout = 60 s)'))
      .toBe('孤儿套接字在 FIN-WAIT-2 超时（net.ipv4.tcp_fin_timeout = 60 秒）');
    expect(zh('RFC 5961 3.2: RST exactly at RCV.NXT in ESTABLISHED: connection reset'))
      .toBe('RFC 5961 3.2: ESTABLISHED 状态下收到序号恰好等于 RCV.NXT 的 RST：连接被复位');
  });

  it('translates nested text and names who acted (the user, a rule)', () => {
    expect(zh('dropped at 1030 ms: rule lose-synack (drop)')).toBe('于 1030 毫秒被丢弃：规则 lose-synack（丢弃）');
    expect(zh('sent by B at 1020.5 ms (retransmission of #2)')).toBe('由 B 于 1020.5 毫秒发出（#2 的重传）');
    expect(zh('delayed 3000 ms by rule old-syn (delay)')).toBe('被规则 old-syn 延迟 3000 毫秒');
    expect(zh('held by user at 40 ms')).toBe('于 40 毫秒被用户扣留');
    expect(zh('rule r1 (reorder): waits for 2 later packet(s)')).toBe('规则 r1：等后面 2 个报文先通过');
    expect(zh('bad TCP checksum (corrupted by user)')).toBe('TCP 校验和错误（报文被用户损坏）');
    expect(zh('ACK suppressed by net.ipv4.tcp_invalid_ratelimit (ACK of data not yet sent: reply ACK (RFC 9293 3.10.7.4 fifth))'))
      .toBe('ACK 被 net.ipv4.tcp_invalid_ratelimit 限速，没有发送（确认号指向尚未发送的数据：回复 ACK（RFC 9293 3.10.7.4 第五步））');
  });

  it("translates lab/export/fate.ts's one-line story part by part", () => {
    expect(zh('retransmission of #3; held 3000 ms by the user; delivered at 3020 ms')).toBe('#3 的重传；被用户扣留 3000 毫秒；于 3020 毫秒送达');
    expect(zh('dropped by rule 2 (drop) at 300 ms')).toBe('被规则 2 丢弃（300 毫秒）');
    expect(zh('retransmission of #1; dropped by the user at 25 ms')).toBe('#1 的重传；于 25 毫秒被用户丢弃');
  });

  it('says "丢弃" once for the user\'s drop, also in the refusals that quote its reason', () => {
    expect(zh('packet #4 was already dropped at 105 ms (dropped by user)')).toBe('报文 #4 已在 105 毫秒被用户丢弃');
    expect(zh('packet #4 cannot be replayed: it was dropped at 107 ms (dropped by user) before it reached the router, so the router never had a copy'))
      .toBe('报文 #4 无法重放：它在到达路由器之前已于 107 毫秒被用户丢弃，路由器从未有过它的副本');
    expect(zh('packet #4 was already dropped at 105 ms (router queue full (capacity 8))')).toBe('报文 #4 已在 105 毫秒被丢弃（路由器队列已满（容量 8））');
  });

  it('falls back to the whole English text when any part is unknown (never blank, never half-translated)', () => {
    expect(zh('a brand-new engine text')).toBe('a brand-new engine text');
    expect(hasChineseTraceText('a brand-new engine text')).toBe(false);
    expect(zh('RFC 9293 3.10.7.9: something new')).toBe('RFC 9293 3.10.7.9: something new');
    expect(zh('dropped at 5 ms: something new')).toBe('dropped at 5 ms: something new');
    expect(zh('connection gone (was NOT-A-STATE)')).toBe('connection gone (was NOT-A-STATE)');
  });

  it('compiles each pattern to an anchored expression (literal punctuation, one group per placeholder)', () => {
    expect(compilePattern('router queue full (capacity {N})').source).toBe('^router queue full \\(capacity (-?\\d+(?:\\.\\d+)?(?:e[-+]?\\d+)?)\\)$');
    const literal = compilePattern('ACK (2MSL) #1. [x]+?');
    expect(literal.test('ACK (2MSL) #1. [x]+?')).toBe(true);
    expect(literal.test('ACK (2MSL) #1. [x]+? and more')).toBe(false);
    expect(literal.test('an ACK (2MSL) #1. [x]+?')).toBe(false);
    // A text without placeholders belongs in the exact table.
    for (const [en] of TRACE_PATTERNS_ZH) expect(en, en).toMatch(/\{[SNWA*]\}/);
  });
});

/** Texts from the engine's and network's sources (src-main/tcp, src-main/net) that no lesson trace carries. */
const FROM_SOURCES = [
  'RST for an unacceptable ACK in SYN-RECEIVED (RFC 9293 3.10.7.4 fifth)', 'unacceptable ACK in SYN-SENT: RST sent',
  'unacceptable ACK and sequence number in CLOSE-WAIT', 'unacceptable segment: receive window is zero',
  'RST in window but not at RCV.NXT: challenge ACK sent (RFC 5961 3.2)', 'SYN in ESTABLISHED: challenge ACK sent (RFC 5961 4.2)',
  'challenge ACK for an in-window RST not at RCV.NXT (RFC 5961 3.2)', 'challenge ACK: ACK too old (RFC 5961 5.2)',
  'ACK below SND.UNA - MAX.SND.WND (RFC 5961 5.2)', 'RST for a SYN in the window (RFC 793 3.9)',
  'RFC 793 3.9: in-window SYN in ESTABLISHED resets the connection', 'connection reset: SYN received in a synchronized state',
  'RFC 9293 3.10.7.4 second: in-window RST in CLOSE-WAIT: connection reset', 'RFC 9293 3.10.7.4 second: in-window RST in TIME-WAIT',
  'RFC 9293 3.10.7.4 second: in-window RST in SYN-RECEIVED (active OPEN): connection refused',
  'connection refused (RST in SYN-RECEIVED)', 'RFC 9293 3.10.7.4 fourth: SYN in SYN-RECEIVED (passive OPEN) returns it to LISTEN',
  'ACK of our SYN in FIN-WAIT-1 (closed in SYN-RECEIVED): handshake complete, FIN follows',
  'RFC 9293 3.10.4: the CLOSE queued in SYN-RECEIVED is processed in ESTABLISHED', 'no ACK bit (RFC 9293 3.10.7.4 fifth)',
  'segment in TIME-WAIT (only a retransmitted FIN is expected)', 'RFC 1122 4.2.2.13: new SYN with a higher sequence number ends TIME-WAIT',
  'RST with an unacceptable ACK in SYN-SENT', 'RST for an unacceptable ACK in SYN-SENT (RFC 9293 3.10.7.3)',
  'RST without ACK in SYN-SENT is ignored (RFC 9293 3.10.7.3)', 'neither SYN nor RST in SYN-SENT (RFC 9293 3.10.7.3)',
  'two-way handshake variant: SYN,ACK received, no third segment sent', 'not addressed to this host (10.0.0.9)',
  'segment without SYN, ACK or RST in LISTEN (RFC 9293 3.10.7.2)', 'accept queue full: SYN dropped',
  'SYN-ACK with a SYN cookie, no state kept (tcp_syncookies = 2)', 'accept queue full: cookie ACK dropped', 'RST in LISTEN is ignored (RFC 9293 3.10.7.2)',
  'accept queue full: handshake ACK dropped (SYN-ACK will be retransmitted)', 'in accept queue (2/129)',
  'go-back-N retransmission after RTO', 'fast retransmit after 3 duplicate ACKs (RFC 5681 3.2)',
  'NewReno partial ACK: retransmit next hole (RFC 6582 3.2)', 'data (persist timer: window too small to wait)', 'zero-window probe',
  'keepalive: 9 probes unanswered (net.ipv4.tcp_keepalive_probes)', 'RFC 1122 4.2.3.6: keepalive probes unanswered', 'keepalive probe #2',
  'window update', 'read()', 'auto-read on', 'RFC 9293 3.10.4: CLOSE in SYN-SENT deletes the TCB',
  'CLOSE in SYN-RECEIVED with data queued: FIN deferred until ESTABLISHED (RFC 9293 3.10.4)', 'RFC 9293 3.10.4: CLOSE in FIN-WAIT-1',
  'close() with 5 unread bytes: RST instead of FIN (RFC 2525 2.17)', 'listener closed: half-open connection dropped',
  'RFC 9293 3.10.4: CLOSE in LISTEN', 'listener closed', 'auto-accept on: 3 queued connections accepted',
  'no route to address 10.9.9.9', 'router queue full (capacity 100)', 'malformed packet: TCP header: truncated (corrupted by rule x (corrupt))',
  'bad TCP checksum (corrupted by rule mangle (corrupt))', 'dropped by user', 'replaced by its edit #7', 'delayed 500 ms by user',
  'moved in the queue by user from 2 to 0', 'edited from #3 by user: seq 100 -> 200, flags -> SA', 'injected by user from A, spoofing 10.0.0.7',
  'injected by user from A', 'released by user after 1200 ms', 'duplicate of #4 made by rule dup (duplicate)',
  'duplicated 2x by rule dup (duplicate): #5, #6', 'corrupted by user', 'replaced by its edit #9 at 300 ms',
  'sent by A at 5 ms (edited from #3)', 'sent by A at 5 ms (injected by user)', 'sent by B at 0 ms (duplicate of #1)',
  'released after 250 ms by the user', 'held 3000 ms by rule h (hold), released by the user', 'held by the user',
  'kept back by rule r (reorder) until 2 later packet(s) passed', 'duplicated by the user as #8, #9',
  'corrupted by the user: bad checksum on purpose', 'cached by the user', 'moved in the queue by the user from 1 to 0',
  'edited by the user: seq 1 -> 2', 'injected by the user; dropped by B: bad TCP checksum (corrupted by user) at 40 ms',
  'dropped: router queue full (capacity 8) at 12 ms', 'dropped by the user at 9 ms', 'still in flight when the capture ends',
  'cache ordered by user at 105 ms: kept when it reaches the router', '2 duplicate(s) ordered by user at 105 ms: made when it reaches the router',
  // src-main/tcp/input-sync.ts, input-orphan.ts: SYN in a synchronized state, data after close(), Linux's FIN-WAIT-2 minisocket
  'SYN in FIN-WAIT-1: challenge ACK sent (RFC 5961 4.2)',
  'RST: new data after close(), nobody can read it (RFC 9293 3.6)', 'new data after close() in FIN-WAIT-2: RST sent',
  'RFC 9293 3.6: new data after close() in FIN-WAIT-1: connection reset',
  'RST for a SYN in the window (Linux FIN-WAIT-2 minisocket)', 'SYN in an orphaned FIN-WAIT-2: RST sent (Linux minisocket)',
  'Linux tcp_timewait_state_process: in-window SYN ends an orphaned FIN-WAIT-2',
  'Linux tcp_timewait_state_process: in-window RST ends an orphaned FIN-WAIT-2',
  'RST in window: the orphaned FIN-WAIT-2 (Linux minisocket) is removed',
  // src-main/tcp/crash.ts, src-main/net/crash.ts: a host crash and the refusals while it is down
  'host crashed: its TCB is lost (RFC 9293 3.5.2)', 'host crashed: the listener is lost (RFC 9293 3.5.2)', 'host down (crashed at 500 ms)',
  'dropped at 1020 ms: host down (crashed at 500 ms)',
  'B is down (crashed at 500 ms, up again at 3500 ms): its application cannot listen',
  'B is down (crashed at 500 ms and stays down): its application cannot send',
  'B is down (crashed at 500 ms, up again at 3500 ms): it cannot crash again before it is up',
  'B is down (crashed at 500 ms and stays down): it cannot crash again before it is up',
];

describe('texts the sources can produce', () => {
  it.each(FROM_SOURCES)('%s', (text) => {
    expect(zh(text)).toMatch(CJK);
  });
});

/** Every distinct text a lesson (main run and compare-runs) shows: trace fields, and each packet's fate and history. */
function lessonTexts(): Map<string, string> {
  const where = new Map<string, string>();
  const keep = (text: string, at: string) => {
    if (text !== '' && !where.has(text)) where.set(text, at);
  };
  for (const lesson of LESSONS) {
    const runs = [{ label: 'main', s: lesson.scenario }, ...(lesson.lesson.compare ?? []).map((c) => ({ label: c.label.en, s: withCompare(lesson.scenario, c) }))];
    for (const { label, s } of runs) {
      const { net, trace } = runScenario(s);
      const numbers = new PacketNumberIndex(TraceStore.of(trace));
      for (const ev of trace) {
        const at = `${lesson.id} (${label}) ${ev.kind} at ${ev.t} ms`;
        if (ev.kind === 'state' || ev.kind === 'segment.send') keep(ev.cause, at);
        else if (ev.kind === 'tcp.drop' || ev.kind === 'segment.drop') keep(ev.reason, at);
        else if (ev.kind === 'app') keep(ev.detail, at);
        else if (ev.kind === 'note') keep(ev.text, at);
      }
      for (let id = 1; id <= net.packetStats().lastId; id++) {
        if (net.packet(id) === undefined) continue;
        const d = packetDetailOf(net, id, numbers);
        for (const text of [d.fate, ...d.history]) keep(text, `${lesson.id} (${label}) packet #${id}`);
      }
    }
  }
  return where;
}

describe('every text in the lessons', () => {
  let texts = new Map<string, string>();
  beforeAll(() => {
    texts = lessonTexts();
  });

  it('runs all 24 lessons and finds their texts', () => {
    expect(LESSONS.length).toBe(24);
    expect(texts.has('RFC 9293 3.10.7.4 fifth: ACK of our SYN in SYN-RECEIVED')).toBe(true);
    expect(texts.has('SYN queue full')).toBe(true);
  });

  it('has a Chinese rendering for each one', () => {
    const missing = [...texts].filter(([text]) => !CJK.test(zh(text))).map(([text, at]) => `${at}: ${text}`);
    expect(missing).toEqual([]);
  });
});
