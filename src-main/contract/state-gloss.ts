// The Chinese textbook name of each TCP state. Chinese courses keep the RFC names (SYN-SENT, TIME-WAIT …) and
// teach these beside them, so in zh-CN the app's state diagram, the exported state figure and the ladder's
// legend show both. One table for all three (it lives in contract/, which lab/ and the renderer may import).
export const STATE_GLOSS_ZH: Readonly<Record<string, string>> = {
  CLOSED: '关闭', LISTEN: '监听', 'SYN-SENT': '同步已发送', 'SYN-RECEIVED': '同步已收到', ESTABLISHED: '已建立连接',
  'FIN-WAIT-1': '终止等待1', 'FIN-WAIT-2': '终止等待2', 'CLOSE-WAIT': '关闭等待', CLOSING: '同时关闭', 'LAST-ACK': '最后确认', 'TIME-WAIT': '时间等待',
};
