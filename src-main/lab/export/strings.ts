// Words the exports print around the data, in both languages. The engine's own text (trace details, drop
// reasons, causes) is English in the trace; the zh-CN exports show it through contract/trace-text.ts.
import { STATE_GLOSS_ZH } from '../../contract/state-gloss.js';
import type { Lang } from './types.js';

const EN = {
  lang: 'en' as Lang,
  stateTitle: 'State diagram (RFC 9293 Figure 5)',
  transitions: 'Transitions',
  notInFigure: 'not an edge of Figure 5',
  noStates: 'no state changes in this trace',
  moreEndpoints: (n: number) => `${n} more endpoint(s) not drawn`,
  report: 'tcplab report',
  lesson: 'Lesson',
  goal: 'Goal',
  steps: 'What to do',
  notice: 'What to notice',
  question: 'Question',
  answer: 'Answer',
  run: 'Run',
  seed: 'Seed',
  profile: 'Profile',
  until: 'Until',
  branch: 'Branch',
  hosts: 'Hosts',
  compare: 'Comparison run',
  ladder: 'Ladder diagram',
  states: 'State diagrams',
  events: 'Events',
  eventsCapped: (shown: number, total: number) => `the first ${shown} of ${total} events; the CSV and JSONL exports have them all`,
  interventions: 'Interventions',
  noInterventions: 'none: the run went as the scenario says',
  branches: 'Branches',
  branchCols: ['Name', 'Parent', 'Forks at', 'Interventions'],
  packets: 'Packets',
  packetsCapped: (shown: number, total: number) => `the first ${shown} of ${total} packets`,
  packetCols: ['#', 'Sent', 'From → to', 'Label', 'What happened'],
  eventCols: ['t (ms)', 'Kind', 'Host', 'Connection', 'Id', 'Segment', 'State', 'Detail'],
  generatedBy: 'Made by tcplab from a deterministic simulation: the same scenario, seed and interventions give the same run.',
  ladderAria: (title: string) => `Ladder diagram: ${title}`,
  router: 'router',
  notDrawn: (n: number) => `${n} more packet(s) not drawn: see the pcapng or CSV export`,
  noPackets: 'no packets',
  retransmission: 'retransmission',
  lineage: { retransmission: 'retransmission of #{n}', duplicate: 'duplicate of #{n}', replay: 'replay of #{n}', edited: 'edited from #{n}' },
  injected: 'injected by the user',
  corrupted: 'corrupted',
  park: { held: 'held {d} by {a}', delayed: 'delayed {d} by {a}', reorder: 'kept back {d} by {a}' },
  parkOpen: { held: 'held by {a}', delayed: 'delayed by {a}', reorder: 'kept back by {a}' },
  actorUser: 'the user',
  actorRule: (id: string) => `rule ${id}`,
  dropped: 'dropped',
  /** RFC 9293 state names stay as the RFC prints them (as in the app and the lessons); no gloss in English. */
  stateGloss: {} as Record<string, string>,
  legend: { original: 'packet', retransmission: 'retransmission', copy: 'copy made by the router', dropped: 'dropped', parked: 'waiting in the router', down: 'host down (crashed)' },
  /** A crashed host's band (svg-ladder-downs.ts): the app's ladder says "crashed" and "up again" too. */
  down: {
    crashed: 'crashed',
    up: 'up again',
    title: (host: string, from: string, up: string | null) => (up === null ? `${host} down (crashed) from ${from} to the end` : `${host} down (crashed) from ${from} to ${up}`),
  },
  /** The pcapng section comment; `note` is offRecord's text or ''. */
  pcapngSection: (title: string, note: string) => `${title} — virtual time, t=0 is the start of the session${note === '' ? '' : `; ${note}`}`,
  /** One packet's pcapng comment: "#3 A→B: retransmission of #1; delivered at 1020 ms". */
  pcapngPacket: (id: number, from: string, to: string, story: string) => `#${id} ${from}→${to}: ${story}`,
  offRecord: (missing: number, sent: number) => `${missing} of the ${sent} packets sent are no longer on record and not included `
    + '(bounded memory: the lab keeps the most recent packet records, and only the last few thousand of a flood; see docs/EXPORTS.md)',
};

const ZH: typeof EN = {
  lang: 'zh-CN',
  stateTitle: '状态图（RFC 9293 图 5）',
  transitions: '状态变迁',
  notInFigure: '不是图 5 中的边',
  noStates: '此轨迹中没有状态变化',
  moreEndpoints: (n: number) => `另有 ${n} 个端点未画出`,
  report: 'tcplab 报告',
  lesson: '课程',
  goal: '目标',
  steps: '操作步骤',
  notice: '注意观察',
  question: '思考题',
  answer: '答案',
  run: '运行',
  seed: '随机种子',
  profile: '协议栈配置',
  until: '运行到',
  branch: '分支',
  hosts: '主机',
  compare: '对比运行',
  ladder: '时序图（梯形图）',
  states: '状态图',
  events: '事件',
  eventsCapped: (shown: number, total: number) => `只列出 ${total} 个事件中的前 ${shown} 个；CSV 和 JSONL 导出包含全部事件`,
  interventions: '人工干预',
  noInterventions: '无：按场景原样运行',
  branches: '分支',
  branchCols: ['名称', '父分支', '分叉时间', '干预数'],
  packets: '数据包',
  packetsCapped: (shown: number, total: number) => `只列出 ${total} 个数据包中的前 ${shown} 个`,
  packetCols: ['#', '发送时间', '从 → 到', '摘要', '经历'],
  eventCols: ['时间 (ms)', '类型', '主机', '连接', '编号', '报文段', '状态', '详情'],
  generatedBy: '由 tcplab 的确定性仿真生成：相同的场景、种子和干预得到相同的运行结果。',
  ladderAria: (title: string) => `时序图：${title}`,
  router: '路由器',
  notDrawn: (n: number) => `另有 ${n} 个数据包未画出：请看 pcapng 或 CSV 导出`,
  noPackets: '没有数据包',
  retransmission: '重传',
  // Short: a burst repeats these on every arrow.
  lineage: { retransmission: '重传 #{n}', duplicate: '副本 #{n}', replay: '重放 #{n}', edited: '改自 #{n}' },
  injected: '用户注入',
  corrupted: '已损坏',
  park: { held: '被{a}扣留 {d}', delayed: '被{a}延迟 {d}', reorder: '被{a}压后 {d}' },
  parkOpen: { held: '被{a}扣留', delayed: '被{a}延迟', reorder: '被{a}压后' },
  actorUser: '用户',
  actorRule: (id: string) => `规则 ${id} `,
  dropped: '已丢弃',
  // The RFC names stay (the app and the zh-CN lessons use them); the textbook Chinese name follows.
  stateGloss: STATE_GLOSS_ZH,
  legend: { original: '数据包', retransmission: '重传', copy: '路由器制造的副本', dropped: '丢弃', parked: '在路由器中等待', down: '主机宕机（已崩溃）' },
  down: {
    crashed: '崩溃',
    up: '重新启动',
    title: (host: string, from: string, up: string | null) => (up === null ? `${host} 自 ${from} 起宕机（已崩溃），直到结束` : `${host} 宕机（已崩溃）：${from} 至 ${up}`),
  },
  pcapngSection: (title: string, note: string) => `${title}——虚拟时间，t=0 为会话开始的时刻${note === '' ? '' : `；${note}`}`,
  // A full-width colon after the Latin label, as the CLI's zh-CN lines have.
  pcapngPacket: (id: number, from: string, to: string, story: string) => `#${id} ${from}→${to}：${story}`,
  offRecord: (missing: number, sent: number) => `发出的 ${sent} 个报文中有 ${missing} 个已不在记录中，没有包含在内`
    + '（内存有上限：实验只保留最近的报文记录，SYN 洪水只保留最后几千个；见 docs/EXPORTS.md）',
};

export type Strings = typeof EN;

export function strings(lang: Lang): Strings {
  return lang === 'zh-CN' ? ZH : EN;
}
