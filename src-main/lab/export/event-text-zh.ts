// The HTML report's event details in Chinese: event-text.ts's English phrases, written here from the same
// structured fields, with the engine's own English (state causes, drop reasons, app details, send causes,
// notes) put into Chinese by the table the app uses (contract/trace-text.ts). Technical tokens (timer and
// call names, rule ids, #ids, addresses) stay as they are.
import type { TraceEvent } from '../../net/trace.js';
import { localizeTraceText } from '../../contract/trace-text.js';
import type { TimerName, TimerOp } from '../../tcp/trace.js';

const zh = (text: string): string => localizeTraceText(text, 'zh-CN');

/** "用户" or "规则 lose-syn（丢弃）": who did something to a packet. */
export function actorZh(by: string): string {
  return by === 'user' || by === 'the user' ? '用户' : zh(by);
}

const TIMER_ZH: Record<TimerName, string> = {
  retransmit: '重传定时器', 'time-wait': 'TIME-WAIT 定时器', 'fin-wait-2': 'FIN-WAIT-2 定时器', 'delayed-ack': '延迟确认定时器',
  persist: '坚持定时器', keepalive: '保活定时器', 'syn-ack': 'SYN-ACK 重传定时器',
};
const TIMER_OP_ZH: Record<TimerOp, string> = { start: '启动', stop: '停止', fire: '到期' };
const APP_EVENT_ZH: Record<string, string> = {
  connected: '已连接', accepted: '已接受连接', data: '收到数据', eof: '读到文件结束（对方已关闭发送方向）', reset: '连接被复位',
  timeout: '超时', refused: '连接被拒绝', closed: '已关闭', error: '出错',
};

function lineageZh(ev: Extract<TraceEvent, { kind: 'segment.send' }>): string | null {
  const l = ev.lineage;
  switch (l.type) {
    case 'original': return null;
    case 'retransmission': return l.of === null ? '重传' : `#${l.of} 的重传`;
    case 'duplicate': return `#${l.of} 的重复副本`;
    case 'replay': return `#${l.of} 的重放`;
    case 'edited': return `由 #${l.of} 修改而来`;
    case 'injected': return '由用户注入';
  }
}

function routerDetailZh(ev: TraceEvent): string | null {
  switch (ev.kind) {
    case 'router.queue': return `排队发往 ${ev.toward}：${ev.depth}/${ev.capacity}`;
    case 'router.hold': return `被${actorZh(ev.by)}扣留`;
    case 'router.release': return `扣留 ${ev.parkedMs} 毫秒后被${actorZh(ev.by)}放行`;
    case 'router.delay': return `被${actorZh(ev.by)}延迟 ${ev.delayMs} 毫秒（到 ${ev.untilMs} 毫秒）`;
    case 'router.reorder': return `被${actorZh(ev.by)}压后，等后面 ${ev.after} 个报文先通过`;
    case 'router.duplicate': return `被${actorZh(ev.by)}复制为 ${ev.copies.map((c) => `#${c}`).join('、')}`;
    case 'router.corrupt': return `被${actorZh(ev.by)}损坏`;
    case 'router.cache': return `被${actorZh(ev.by)}缓存`;
    case 'router.move': return `被${actorZh(ev.by)}在队列中从位置 ${ev.from} 移到 ${ev.to}`;
    case 'router.replay': return `${actorZh(ev.by)}重放 #${ev.of}`;
    case 'router.edit': return `${actorZh(ev.by)}修改 #${ev.of}：${ev.changes.join(', ')}`;
    default: return null;
  }
}

function netDetailZh(ev: TraceEvent): string | null {
  switch (ev.kind) {
    case 'segment.send': return [lineageZh(ev), ev.cause === '' ? null : zh(ev.cause)].filter((x) => x !== null).join('；');
    case 'segment.recv': return '';
    case 'segment.drop': return zh(ev.reason);
    case 'step.call': return `${ev.call}（端口 ${ev.port}）`;
    case 'step.error': return `${ev.call}${ev.port === undefined ? '' : `（端口 ${ev.port}）`}失败：${ev.code}：${zh(ev.message)}`;
    case 'host.crash': return ev.downMs === null ? '主机崩溃：所有连接和监听套接字都丢失了；此后一直宕机' : `主机崩溃：所有连接和监听套接字都丢失了；${ev.downMs} 毫秒后重新启动`;
    case 'host.up': return `主机宕机 ${ev.downMs} 毫秒后重新启动，没有任何套接字`;
    case 'command.error': return `${ev.op} 失败：${ev.code}：${zh(ev.message)}`;
    case 'rule.change': return `规则 ${ev.rule}：${zh(ev.detail)}`;
    case 'flood.start': return `向 ${ev.target} 发起 SYN 洪水：${ev.count} 个报文，每秒 ${ev.ratePerSec} 个`;
    case 'flood.end': return `向 ${ev.target} 的 SYN 洪水结束，共发出 ${ev.sent} 个报文`;
    default: return routerDetailZh(ev);
  }
}

export function eventDetailZh(ev: TraceEvent): string {
  switch (ev.kind) {
    case 'state': return zh(ev.cause);
    case 'timer': return `${TIMER_ZH[ev.timer]}${TIMER_OP_ZH[ev.op] ?? ev.op}（到期时间 ${ev.dueMs} 毫秒）`;
    case 'app': return [APP_EVENT_ZH[ev.event] ?? ev.event, ev.bytes > 0 ? `${ev.bytes} 字节` : '', ev.detail === '' ? '' : zh(ev.detail)].filter((x) => x !== '').join('；');
    case 'tcp.drop': return zh(ev.reason);
    case 'note': return zh(ev.text);
    default: return netDetailZh(ev) ?? '';
  }
}
