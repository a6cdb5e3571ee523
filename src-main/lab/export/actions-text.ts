// One line per recorded intervention for the HTML report: "at 1200 ms: drop packet #5" /
// "1200 毫秒：丢弃报文 #5". Call, op and rule names, JSON fields and #ids stay as they are in both languages.
import type { Intervention } from '../../net/interventions.js';
import type { Lang } from './types.js';

function callText(a: Extract<Intervention, { op: 'call' }>, bytesWord: string): string {
  const st = a.step;
  if (st.call === 'crash') return `${st.host}: crash(${st.downMs === undefined ? '' : `downMs ${st.downMs}`})`;
  const extra = [st.to, st.peer, st.data !== undefined ? JSON.stringify(st.data.length > 40 ? `${st.data.slice(0, 40)}…` : st.data) : undefined,
    st.bytes !== undefined ? `${st.bytes} ${bytesWord}` : undefined].filter((x) => x !== undefined).join(' ');
  return `${st.host}: ${st.call}(${st.port})${extra === '' ? '' : ` ${extra}`}`;
}

function body(a: Intervention): string {
  switch (a.op) {
    case 'drop': case 'hold': case 'release': case 'corrupt': case 'cache': return `${a.op} packet #${a.id}`;
    case 'replay': return `replay cached packet #${a.id}`;
    case 'delay': return `delay packet #${a.id} by ${a.delayMs} ms`;
    case 'move': return `move packet #${a.id} to queue position ${a.toIndex}`;
    case 'duplicate': return `duplicate packet #${a.id} ×${a.count ?? 1}`;
    case 'edit': return `edit packet #${a.id}: ${JSON.stringify(a.fields)}`;
    case 'inject': return `inject from ${a.from}: ${JSON.stringify(a.seg)}`;
    case 'call': return callText(a, 'bytes');
    case 'rule.add': return `add rule ${JSON.stringify(a.rule)}${a.index === undefined ? '' : ` at ${a.index}`}`;
    case 'rule.remove': return `remove rule ${a.rule}`;
    case 'rule.move': return `move rule ${a.rule} to ${a.toIndex}`;
    case 'rule.enable': return `${a.enabled ? 'enable' : 'disable'} rule ${a.rule}`;
    case 'flood': return `SYN flood from ${a.flood.from} to ${a.flood.target}: ${a.flood.count} at ${a.flood.ratePerSec}/s`;
  }
}

const SIMPLE_ZH = { drop: '丢弃', hold: '扣留', release: '放行', corrupt: '损坏', cache: '缓存' } as const;

function bodyZh(a: Intervention): string {
  switch (a.op) {
    case 'drop': case 'hold': case 'release': case 'corrupt': case 'cache': return `${SIMPLE_ZH[a.op]}报文 #${a.id}`;
    case 'replay': return `重放缓存的报文 #${a.id}`;
    case 'delay': return `把报文 #${a.id} 延迟 ${a.delayMs} 毫秒`;
    case 'move': return `把报文 #${a.id} 移到队列第 ${a.toIndex} 位`;
    case 'duplicate': return `复制报文 #${a.id} ×${a.count ?? 1}`;
    case 'edit': return `修改报文 #${a.id}：${JSON.stringify(a.fields)}`;
    case 'inject': return `从 ${a.from} 注入：${JSON.stringify(a.seg)}`;
    case 'call': return callText(a, '字节');
    case 'rule.add': return `添加规则 ${JSON.stringify(a.rule)}${a.index === undefined ? '' : `（第 ${a.index} 位）`}`;
    case 'rule.remove': return `删除规则 ${a.rule}`;
    case 'rule.move': return `把规则 ${a.rule} 移到第 ${a.toIndex} 位`;
    case 'rule.enable': return `${a.enabled ? '启用' : '停用'}规则 ${a.rule}`;
    case 'flood': return `从 ${a.flood.from} 向 ${a.flood.target} 发起 SYN 洪水：${a.flood.count} 个，每秒 ${a.flood.ratePerSec} 个`;
  }
}

export function describeAction(a: Intervention, lang: Lang = 'en'): string {
  return lang === 'zh-CN' ? `${a.atMs} 毫秒：${bodyZh(a)}` : `at ${a.atMs} ms: ${body(a)}`;
}
