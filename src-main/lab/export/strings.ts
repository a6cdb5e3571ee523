// Words the exports print around the data, in both languages. The engine's own text (trace details, drop
// reasons, causes) is English in the trace; the zh-CN exports show it through contract/trace-text.ts.
import { localizeTraceText } from '../../contract/trace-text.js';
import type { Lang } from './types.js';

const PARK_ZH = { held: '扣留', delayed: '延迟', reorder: '压后' } as const;

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
  arrowsOmitted: (n: number) => `${n} more packet(s) not drawn: see the pcapng or CSV export`,
  noPackets: 'no packets',
  router: 'router',
  dropped: 'dropped',
  corrupted: 'corrupted',
  parked: (kind: 'held' | 'delayed' | 'reorder', durationText: string | null, by: string) => `${kind}${durationText === null ? '' : ` ${durationText}`} by ${by}`,
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
  arrowsOmitted: (n: number) => `另有 ${n} 个报文未画出：请看 pcapng 或 CSV 导出`,
  noPackets: '没有报文',
  router: '路由器',
  dropped: '被丢弃',
  corrupted: '已损坏',
  parked: (kind: 'held' | 'delayed' | 'reorder', durationText: string | null, by: string) =>
    `被${by === 'user' ? '用户' : localizeTraceText(by, 'zh-CN')}${PARK_ZH[kind]}${durationText === null ? '' : ` ${durationText}`}`,
};

export type Strings = typeof EN;

export function strings(lang: Lang): Strings {
  return lang === 'zh-CN' ? ZH : EN;
}
