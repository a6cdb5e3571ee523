// 简体中文界面文字。键与 en.ts 一一对应（类型检查保证不缺项）。
import type { StringKey } from './en.js';

export const zhCN: Record<StringKey, string> = {
  'app.title': 'tcplab',
  'app.tagline': '观察、破坏并修复 TCP',
  'lang.label': '语言',
  'region.ladder': '时序图',
  'region.state': '状态图',
  'region.router': '路由器队列',
  'region.inspector': '报文检查器',
  'region.timeline': '时间轴',
  'region.lesson': '课程',
  'lesson.list': '课程列表',
  'lesson.loading': '正在加载课程…',
  'lesson.none': '没有找到课程。',
  'empty.ladder': '打开一节课程后，这里按主机分列显示每个报文。',
  'empty.state': '这里显示每个端点的 TCP 状态图。',
  'empty.router': '在路由器排队的报文显示在这里。',
  'empty.inspector': '选中一个报文，查看它的每个字段和原始字节。',
  'empty.timeline': '在这里播放、暂停、单步和跳转会话。',
  'host.mode': '模式',
  'host.mode.browser': '浏览器模式',
  'host.mode.electron': '桌面应用',
  'error.host': '实验主机报告了一个错误',
  'error.connection': '与实验主机的连接已断开。请重新启动 tcplab 并刷新本页。',
};
