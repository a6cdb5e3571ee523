// The knob table: every tunable value of the engine, its default per profile, range, unit and a one-line
// explanation in en and zh-CN (shown by the settings UI). Names are Linux sysctl names where Linux has the
// knob (with Linux's own unit, e.g. seconds for tcp_fin_timeout); otherwise a `tcplab.` name.
import type { ProfileName } from './api.js';

export type KnobUnit = 'count' | 'ms' | 's' | 'bytes' | 'segments' | 'bool' | 'mode' | 'port' | 'seq';

export interface KnobSpec {
  name: string;
  defaults: Readonly<Record<ProfileName, number>>;
  min: number;
  max: number;
  unit: KnobUnit;
  en: string;
  'zh-CN': string;
}

function knob(
  name: string, rfc: number, linux: number, classic: number, min: number, max: number, unit: KnobUnit,
  en: string, zh: string,
): KnobSpec {
  return { name, defaults: { rfc, linux, classic }, min, max, unit, en, 'zh-CN': zh };
}

/** All knobs, in the order the settings UI lists them. Defaults: rfc, linux, classic. */
export const KNOBS: readonly KnobSpec[] = [
  knob('net.ipv4.tcp_syn_retries', 7, 6, 12, 1, 127, 'count',
    'SYN retransmissions before connect() gives up (the limit is the time that schedule takes).',
    'connect() 放弃前 SYN 的重传次数（实际限制是该重传序列所需的总时间）。'),
  knob('net.ipv4.tcp_syn_linear_timeouts', 0, 4, 0, 0, 127, 'count',
    'SYN retransmissions that keep the initial timeout before exponential backoff starts (Linux 6.5+).',
    '指数退避开始前，保持初始超时的 SYN 重传次数（Linux 6.5 起）。'),
  knob('net.ipv4.tcp_synack_retries', 5, 5, 3, 0, 255, 'count',
    'SYN-ACK retransmissions before a half-open connection is dropped.',
    '半连接被丢弃前 SYN-ACK 的重传次数。'),
  knob('net.ipv4.tcp_retries2', 15, 15, 12, 1, 255, 'count',
    'Retransmission timeouts of the same data in a row before the connection is aborted.',
    '同一数据连续重传超时多少次后中止连接。'),
  knob('tcplab.syn_timeout_ms', 180000, 0, 75000, 0, 3600000, 'ms',
    'Connection-establishment limit for connect() (0 = none; BSD used 75 s, RFC 9293 R2 for SYN is 3 min).',
    'connect() 建立连接的时间上限（0 表示不限；BSD 为 75 秒，RFC 9293 对 SYN 的 R2 为 3 分钟）。'),
  knob('tcplab.rto_initial_ms', 1000, 1000, 3000, 1, 600000, 'ms',
    'Retransmission timeout before any RTT sample (RFC 6298 2.1).',
    '尚无 RTT 样本时的重传超时（RFC 6298 2.1）。'),
  knob('tcplab.rto_min_ms', 1000, 200, 1000, 1, 600000, 'ms',
    'Lower bound on the retransmission timeout.',
    '重传超时的下限。'),
  knob('tcplab.rto_max_ms', 60000, 120000, 64000, 1, 3600000, 'ms',
    'Upper bound on the retransmission timeout, also caps exponential backoff.',
    '重传超时的上限，也是指数退避的上限。'),
  knob('tcplab.rto_after_syn_loss_ms', 3000, 0, 0, 0, 600000, 'ms',
    'RTO used once data flows if a SYN was retransmitted (RFC 6298 5.7; 0 = keep the estimate).',
    '若 SYN 曾被重传，开始传数据时使用的 RTO（RFC 6298 5.7；0 表示不重置）。'),
  knob('tcplab.synsent_bad_ack_retry_ms', 0, 8, 0, 0, 600000, 'ms',
    'SYN-SENT: after an unacceptable ACK (answered with RST), send the SYN again this soon if it has not been retransmitted yet (Linux: 2 jiffies = 8 ms at HZ=250; 0 = wait for the SYN timer).',
    'SYN-SENT：收到不可接受的 ACK（已用 RST 回应）后，若 SYN 尚未重传过，则在这么久之后重传 SYN（Linux：2 个 jiffy，HZ=250 时为 8 毫秒；0 表示等待 SYN 定时器）。'),
  knob('tcplab.msl_ms', 120000, 30000, 30000, 0, 600000, 'ms',
    'Maximum segment lifetime; TIME-WAIT lasts twice this.',
    '报文段最大生存时间（MSL）；TIME-WAIT 持续其两倍。'),
  knob('net.ipv4.tcp_fin_timeout', 0, 60, 600, 0, 3600, 's',
    'How long an orphaned (closed) socket may stay in FIN-WAIT-2 (0 = forever).',
    '已 close() 的套接字在 FIN-WAIT-2 状态最多停留多久（0 表示无限）。'),
  knob('tcplab.delack_ms', 200, 40, 200, 0, 500, 'ms',
    'Delayed-ACK timeout (0 = acknowledge every segment at once). Linux: the delay (ato) once data has arrived; the first segments are still ACKed at once (quick-ACK mode).',
    '延迟确认的超时时间（0 表示每个报文段立即确认）。Linux：收到过数据后的延迟（ato）；连接开始的几个报文段仍立即确认（快速确认模式）。'),
  knob('net.ipv4.tcp_invalid_ratelimit', 0, 500, 0, 0, 60000, 'ms',
    'Minimum gap between ACKs sent in answer to invalid pure ACKs (stops ACK wars; 0 = no limit).',
    '对无效纯 ACK 回复 ACK 的最小间隔（防止 ACK 风暴；0 表示不限制）。'),
  knob('tcplab.mss', 1460, 1460, 1460, 88, 65495, 'bytes',
    'Maximum segment size this host announces and sends.',
    '本机通告并使用的最大报文段长度（MSS）。'),
  knob('tcplab.rcvbuf_bytes', 65535, 131072, 32768, 1, 67108864, 'bytes',
    'Receive buffer size; bounds the advertised window (Linux: like the middle value of tcp_rmem).',
    '接收缓冲区大小，决定通告窗口的上限（类似 Linux tcp_rmem 的中间值）。'),
  knob('net.ipv4.tcp_window_scaling', 1, 1, 0, 0, 1, 'bool',
    'Offer the window-scale option on SYN (RFC 7323).',
    '在 SYN 中提供窗口扩大选项（RFC 7323）。'),
  knob('net.ipv4.tcp_sack', 0, 1, 0, 0, 1, 'bool',
    'Offer SACK-permitted on SYN and send/use SACK blocks (RFC 2018).',
    '在 SYN 中提供 SACK-permitted，并发送和使用 SACK 块（RFC 2018）。'),
  knob('tcplab.initcwnd_segments', 3, 10, 1, 1, 100, 'segments',
    'Initial congestion window in segments.',
    '以报文段计的初始拥塞窗口。'),
  knob('tcplab.iw1_syn_retrans', 1, 2, 1, 0, 255, 'count',
    'SYN or SYN-ACK retransmissions from which a connection starts with a congestion window of 1 segment instead of tcplab.initcwnd_segments (RFC 5681 3.1: 1; Linux tcp_init_transfer: 2, "more than one", and only if a timer sent one of them; 0 = never).',
    '握手时 SYN 或 SYN-ACK 的重传次数达到此值时，连接以 1 个报文段的拥塞窗口起步，而不用 tcplab.initcwnd_segments（RFC 5681 3.1：1；Linux tcp_init_transfer：2，即“多于一次”，且其中至少一次由定时器触发；0 表示从不）。'),
  knob('net.ipv4.tcp_reordering', 3, 3, 3, 1, 300, 'count',
    'Duplicate ACKs that trigger fast retransmit.',
    '触发快速重传所需的重复 ACK 个数。'),
  knob('tcplab.nagle', 1, 1, 1, 0, 1, 'bool',
    'Nagle algorithm: hold a small segment while earlier data is unacknowledged (RFC 896).',
    'Nagle 算法：有未确认数据时暂不发送小报文段（RFC 896）。'),
  knob('net.ipv4.tcp_max_syn_backlog', 128, 128, 128, 1, 65535, 'count',
    'SYN-queue (half-open) limit. rfc/classic: the queue holds min(this, listen backlog). linux: the backlog bounds the queue; without SYN cookies, SYNs from unproven peers are dropped once less than a quarter of this is left.',
    'SYN 队列（半连接队列）上限。rfc/classic：队列容量为它与 listen backlog 中较小者。linux：队列由 backlog 限定；未开启 SYN cookie 时，剩余不足它的四分之一后，丢弃来自陌生对端的 SYN。'),
  knob('net.core.somaxconn', 4096, 4096, 128, 1, 65535, 'count',
    'Upper bound on a listen() backlog (the accept-queue length).',
    'listen() backlog（全连接队列长度）的上限。'),
  knob('net.ipv4.tcp_abort_on_overflow', 0, 0, 0, 0, 1, 'bool',
    'Full accept queue: 0 drops the handshake\'s final ACK (the SYN-ACK is sent again later); 1 answers it with RST.',
    '全连接队列（accept 队列）已满时：0 丢弃握手的最后一个 ACK（之后会重传 SYN-ACK）；1 用 RST 回应它。'),
  knob('net.ipv4.tcp_syncookies', 0, 1, 0, 0, 2, 'mode',
    'SYN cookies: 0 off, 1 when the SYN queue is full, 2 always (RFC 4987).',
    'SYN cookie：0 关闭，1 在 SYN 队列满时启用，2 总是启用（RFC 4987）。'),
  knob('tcplab.keepalive', 0, 0, 0, 0, 1, 'bool',
    'Enable keepalive on every connection of this host (SO_KEEPALIVE).',
    '为本机所有连接开启保活（SO_KEEPALIVE）。'),
  knob('net.ipv4.tcp_keepalive_time', 7200, 7200, 7200, 1, 32767, 's',
    'Idle time before the first keepalive probe.',
    '连接空闲多久后发送第一个保活探测。'),
  knob('net.ipv4.tcp_keepalive_intvl', 75, 75, 75, 1, 32767, 's',
    'Interval between unanswered keepalive probes.',
    '未获应答的保活探测之间的间隔。'),
  knob('net.ipv4.tcp_keepalive_probes', 9, 9, 8, 1, 127, 'count',
    'Unanswered keepalive probes before the connection is aborted.',
    '连接中止前允许的未应答保活探测次数。'),
  knob('tcplab.ephemeral_port_min', 49152, 32768, 1024, 1, 65535, 'port',
    'Lowest ephemeral port for connect() with port 0.',
    'connect() 端口为 0 时使用的最小临时端口。'),
  knob('tcplab.ephemeral_port_max', 65535, 60999, 5000, 1, 65535, 'port',
    'Highest ephemeral port for connect() with port 0.',
    'connect() 端口为 0 时使用的最大临时端口。'),
  knob('tcplab.isn', -1, -1, -1, -1, 4294967295, 'seq',
    'Force every initial sequence number of this host to this value (-1 = RFC 6528 clock + hash).',
    '强制本机所有初始序号取此值（-1 表示按 RFC 6528 时钟加哈希生成）。'),
];

export const KNOB_BY_NAME: ReadonlyMap<string, KnobSpec> = new Map(KNOBS.map((k) => [k.name, k]));

/**
 * Pairs of knobs where `low` may not exceed `high` once the profile's defaults are filled in. A bound
 * below its own floor has no meaning (the engine used to clamp it silently); the scenario check, the
 * Settings apply and the engine itself refuse it with the same rule.
 */
export const KNOB_ORDER: ReadonlyArray<{ low: string; high: string }> = [
  { low: 'tcplab.rto_min_ms', high: 'tcplab.rto_max_ms' },
  { low: 'tcplab.ephemeral_port_min', high: 'tcplab.ephemeral_port_max' },
];

export interface KnobOrderIssue {
  low: string;
  high: string;
  lowValue: number;
  highValue: number;
  /** The knob the host's overrides set (the one to report), `low` when both or neither are set. */
  culprit: string;
}

/**
 * KNOB_ORDER pairs violated by these overrides on this profile (unknown knobs and out-of-range values are
 * left to the per-knob checks). Pairs the overrides do not touch are never reported: profile defaults
 * are in order.
 */
export function knobOrderIssues(profile: ProfileName, sysctl: Readonly<Record<string, number>> | undefined): KnobOrderIssue[] {
  const out: KnobOrderIssue[] = [];
  const set = sysctl ?? {};
  for (const { low, high } of KNOB_ORDER) {
    const lowSpec = KNOB_BY_NAME.get(low);
    const highSpec = KNOB_BY_NAME.get(high);
    if (!lowSpec || !highSpec || (set[low] === undefined && set[high] === undefined)) continue;
    const lowValue = set[low] ?? lowSpec.defaults[profile];
    const highValue = set[high] ?? highSpec.defaults[profile];
    if (lowValue > highValue) out.push({ low, high, lowValue, highValue, culprit: set[low] === undefined ? high : low });
  }
  return out;
}
