// 应用级对话框（崩溃恢复）的中文文字。
import type { appEn } from './app.en.js';

export const appZhCN: Record<keyof typeof appEn, string> = {
  'recovery.title': '恢复上次的会话？',
  'recovery.body': 'tcplab 上次没有正常关闭。你的会话已自动保存。',
  'recovery.savedAt': '保存时间',
  'recovery.interventions': '干预次数',
  'recovery.restore': '恢复',
  'recovery.discard': '丢弃',
  'recovery.failed': '无法恢复已保存的会话。',
  'recovery.failedFile': '无法恢复已保存的会话（{file}）。',
};
