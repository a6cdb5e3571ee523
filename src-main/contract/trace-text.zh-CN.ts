// 引擎与网络写进 trace 的英文说明（state.cause、tcp.drop / segment.drop 的 reason、app.detail、
// segment.send.cause、note.text，以及 view.packet 的 fate / history）的简体中文译文。trace 本身保持英文
// （它是数据，见 DESIGN.md “Trace”）；界面和导出用 contract/trace-text.ts 的 localizeTraceText() 显示这里的译文。
//
// 英文一侧按原文逐字书写，只有这些占位符是变量：
//   {S} RFC 9293 状态名（CLOSED、SYN-SENT……，译文里保持英文）  {N} 数字  {W} 不含空格的一段（主机名、地址、规则 id）
//   {A} 执行者（"user"、"the user" 或 "rule <id> (<action>)"）  {*} 任意文字
// 中文一侧按出现顺序引用捕获：{1} 原样照抄，{t1} 递归翻译（翻不出则整条退回英文），{a1} 执行者的中文名。
// 句子末尾的 "(RFC 9293 3.10.7.1)" 和句首的 "RFC 9293 3.10.7.3: " 由 trace-text.ts 统一处理，这里只写正文。
// 来源：src-main/tcp/*.ts、src-main/net/{journey,router,interventions,packets,rules,flood}.ts、
// src-main/lab/session-views.ts、src-main/lab/export/fate.ts。

/** RFC 9293 3.10.7.4 把到达报文的处理分成八步（"first, check sequence number" …）。 */
export const RFC_STEPS_ZH: Record<string, string> = {
  first: '第一步', second: '第二步', third: '第三步', fourth: '第四步',
  fifth: '第五步', sixth: '第六步', seventh: '第七步', eighth: '第八步',
};

/** 规则动作（net/rules.ts 的 action 名）。 */
export const RULE_ACTIONS_ZH: Record<string, string> = {
  drop: '丢弃', delay: '延迟', duplicate: '复制', reorder: '乱序', corrupt: '损坏', hold: '扣留', cache: '缓存',
};

/** 整句对照（正文，不含 RFC 前缀或结尾的 RFC 出处）。 */
export const TRACE_EXACT_ZH: Record<string, string> = {
  // segment.send.cause：为什么发这个报文段
  'SYN': 'SYN（发起连接）',
  'SYN-ACK': 'SYN-ACK（应答连接请求）',
  'ACK': 'ACK（确认）',
  'FIN': 'FIN（关闭本方的发送方向）',
  'data': '数据',
  'delayed ACK': '延迟确认（delayed ACK）',
  'window update': '窗口更新',
  'zero-window probe': '零窗口探测',
  'go-back-N retransmission after RTO': 'RTO 超时后的回退 N 步（go-back-N）重传',
  'data (persist timer: window too small to wait)': '数据（坚持计时器：窗口太小，不再等待）',
  'ACK (third segment of the handshake)': 'ACK（三次握手的第三个报文段）',
  'ACK for an unacceptable segment': '对不可接受的报文段回复 ACK',
  'ACK of FIN': '对 FIN 的确认',
  'ACK of data not yet sent: reply ACK': '确认号指向尚未发送的数据：回复 ACK',
  'ACK of retransmitted FIN in TIME-WAIT (2MSL restarted)': 'TIME-WAIT 状态下确认重传的 FIN（2MSL 计时重新开始）',
  'RST for an ACK to a listening socket': '监听套接字收到 ACK，回复 RST',
  'RST: no connection and no listener on this port': 'RST：这个端口上既没有连接，也没有监听套接字',
  'RST: the application aborted the connection': 'RST：应用程序中止了连接',
  'RST for a SYN in the window': '窗口内收到 SYN，发送 RST',
  'SYN-ACK (simultaneous open)': 'SYN-ACK（同时打开）',
  'SYN-ACK (two-way handshake: server is done)': 'SYN-ACK（两次握手：服务器端至此完成握手）',
  'SYN-ACK again for a retransmitted SYN': '收到重传的 SYN，再发一次 SYN-ACK',
  'SYN-ACK again for a retransmitted SYN (SYN-ACK timer restarted)': '收到重传的 SYN，再次发送 SYN-ACK（SYN-ACK 定时器重新计时）',
  'SYN-ACK for a retransmitted SYN suppressed by net.ipv4.tcp_invalid_ratelimit': '因 net.ipv4.tcp_invalid_ratelimit 限速，未为重传的 SYN 再次发送 SYN-ACK',
  'SYN queue full: SYN-ACK with a SYN cookie, no state kept': 'SYN 队列已满：改用携带 SYN cookie 的 SYN-ACK 应答，服务器不保存连接状态',
  'SYN-ACK with a SYN cookie, no state kept (tcp_syncookies = 2)': '携带 SYN cookie 的 SYN-ACK，服务器不保存连接状态（tcp_syncookies = 2）',
  'NewReno partial ACK: retransmit next hole': 'NewReno 部分确认：重传下一个空缺',
  'challenge ACK: ACK too old': '挑战 ACK：ACK 太旧',
  'challenge ACK for an in-window RST not at RCV.NXT': '收到窗口内但不在 RCV.NXT 处的 RST，发送挑战 ACK',
  'challenge ACK for a SYN in a synchronized state': '同步状态下收到 SYN，发送挑战 ACK',
  // tcp.drop.reason：接收方引擎为什么丢弃收到的报文段
  'ACK acknowledges data not yet sent': 'ACK 确认了尚未发送的数据',
  'ACK below SND.UNA - MAX.SND.WND': 'ACK 低于 SND.UNA - MAX.SND.WND',
  'ACK to a listening socket: RST sent': '发给监听套接字的 ACK：已回复 RST',
  'RST for a closed port is ignored': '发往关闭端口的 RST 被忽略',
  'RST outside the receive window': 'RST 不在接收窗口内',
  'RST in window but not at RCV.NXT: challenge ACK sent': 'RST 在窗口内但不在 RCV.NXT 处：已发送挑战 ACK',
  'RST with an unacceptable ACK in SYN-SENT': 'SYN-SENT 状态下收到带有不可接受 ACK 的 RST',
  'RST without ACK in SYN-SENT is ignored': 'SYN-SENT 状态下不带 ACK 的 RST 被忽略',
  'RST in LISTEN is ignored': 'LISTEN 状态下的 RST 被忽略',
  'neither SYN nor RST in SYN-SENT': 'SYN-SENT 状态下收到的报文段既没有 SYN 也没有 RST',
  'segment without SYN, ACK or RST in LISTEN': 'LISTEN 状态下收到的报文段没有 SYN、ACK 或 RST',
  'segment in TIME-WAIT (only a retransmitted FIN is expected)': 'TIME-WAIT 状态下收到报文段（此时只应收到重传的 FIN）',
  'no ACK bit': '没有 ACK 标志位',
  'SYN queue full': 'SYN 队列（半连接队列）已满',
  'SYN queue 3/4 full (tcp_max_syn_backlog, no SYN cookies): SYN from an unproven peer dropped': 'SYN 队列（半连接队列）已用去 tcp_max_syn_backlog 的 3/4（未开启 SYN cookie）：丢弃来自陌生对端的 SYN',
  'closed port: RST sent': '端口未开放：已回复 RST',
  'sequence number outside the receive window': '序号在接收窗口之外',
  'receive window is zero': '接收窗口为零',
  'accept queue full: SYN dropped': '全连接（accept）队列已满：丢弃 SYN',
  'accept queue full: cookie ACK dropped': '全连接（accept）队列已满：丢弃携带 cookie 的 ACK',
  'accept queue full: handshake ACK dropped (SYN-ACK will be retransmitted)': '全连接（accept）队列已满：丢弃握手的 ACK（SYN-ACK 会重传）',
  // segment.drop.reason（网络）
  'dropped by user': '被用户丢弃',
  // app.detail：应用程序看到了什么
  'accepted (auto-accept)': '已接受（自动 accept）',
  'accepted (two-way handshake)': '已接受（两次握手）',
  'active open completed': '主动打开完成',
  'simultaneous open completed': '同时打开完成',
  'connection refused: RST in answer to our SYN': '连接被拒绝：对方用 RST 回应我方的 SYN',
  'connection refused (RST in SYN-RECEIVED)': '连接被拒绝（SYN-RECEIVED 状态下收到 RST）',
  'connection reset by peer': '连接被对端复位',
  'connection reset: SYN received in a synchronized state': '连接被复位：同步状态下收到 SYN',
  'peer sent FIN and all data before it has been read': '对端已发送 FIN，且 FIN 之前的数据都已读完',
  'listener closed': '监听套接字已关闭',
  'listener closed: half-open connection dropped': '监听套接字已关闭：半连接被丢弃',
  'tcp_abort_on_overflow: accept queue full, half-open connection dropped': 'tcp_abort_on_overflow：全连接（accept）队列已满，半连接被丢弃',
  'RST: accept queue full (tcp_abort_on_overflow = 1)': 'RST：全连接（accept）队列已满（tcp_abort_on_overflow = 1）',
  'accept queue full: handshake ACK answered with RST (tcp_abort_on_overflow = 1)': '全连接（accept）队列已满：用 RST 回应握手的 ACK（tcp_abort_on_overflow = 1）',
  'read()': '由 read() 读取',
  'auto-read on': '已开启自动读取',
  // note.text：引擎的附加说明
  'two-way handshake: a SYN cannot be told from a new request; the server builds another connection':
    '两次握手：服务器无法分辨这个 SYN 是不是新的连接请求，于是又建立了一个连接',
  'data on the third handshake segment discarded (acceptDataOnThirdAck = false)':
    '第三次握手报文段携带的数据被丢弃（acceptDataOnThirdAck = false）',
  'CLOSE in SYN-RECEIVED with data queued: FIN deferred until ESTABLISHED':
    'SYN-RECEIVED 状态下调用 CLOSE，且仍有数据排队：FIN 推迟到进入 ESTABLISHED 之后',
  // state.cause（RFC 前缀之后的正文，或没有前缀的整句）
  'active OPEN, SYN sent': '主动打开（active OPEN），已发送 SYN',
  'passive OPEN': '被动打开（passive OPEN）',
  'CLOSE in SYN-SENT deletes the TCB': 'SYN-SENT 状态下调用 CLOSE，删除 TCB',
  'SYN in LISTEN, SYN-ACK sent': 'LISTEN 状态下收到 SYN，已发送 SYN-ACK',
  'RST with an acceptable ACK in SYN-SENT (connection refused)': 'SYN-SENT 状态下收到带有可接受 ACK 的 RST（连接被拒绝）',
  'SYN without ACK in SYN-SENT (simultaneous open)': 'SYN-SENT 状态下收到不带 ACK 的 SYN（同时打开）',
  'SYN,ACK acknowledging our SYN in SYN-SENT': 'SYN-SENT 状态下收到确认我方 SYN 的 SYN,ACK',
  'FIN received in FIN-WAIT-1 before our FIN was acknowledged (simultaneous close)':
    'FIN-WAIT-1 状态下，我方的 FIN 还没被确认就收到了对方的 FIN（同时关闭）',
  'FIN received with the ACK of our FIN in FIN-WAIT-1': 'FIN-WAIT-1 状态下收到 FIN，它同时确认了我方的 FIN',
  'ACK of our SYN in SYN-RECEIVED': 'SYN-RECEIVED 状态下收到对我方 SYN 的确认',
  '2MSL TIME-WAIT timeout': 'TIME-WAIT 的 2MSL 计时器到期',
  'retransmissions exhausted (net.ipv4.tcp_retries2)': '重传次数已用尽（net.ipv4.tcp_retries2）',
  'SYN retransmissions exhausted (net.ipv4.tcp_syn_retries)': 'SYN 重传次数已用尽（net.ipv4.tcp_syn_retries）',
  'SYN-ACK retransmissions exhausted (net.ipv4.tcp_synack_retries)': 'SYN-ACK 重传次数已用尽（net.ipv4.tcp_synack_retries）',
  'TIME-WAIT of 0 ms (teaching variant timeWaitMs = 0): TCB deleted at once': 'TIME-WAIT 时长为 0 毫秒（教学变体 timeWaitMs = 0）：立即删除 TCB',
  'two-way handshake variant: SYN received, SYN-ACK sent, no third segment awaited': '两次握手变体：收到 SYN 并发送 SYN-ACK，不再等待第三个报文段',
  'two-way handshake variant: a new SYN replaces the connection': '两次握手变体：新的 SYN 取代了原来的连接',
  'two-way handshake variant: SYN,ACK received, no third segment sent': '两次握手变体：收到 SYN,ACK，不发送第三个报文段',
  'SYN in SYN-RECEIVED (passive OPEN) returns it to LISTEN': 'SYN-RECEIVED 状态（被动打开）下收到 SYN，回到 LISTEN',
  'the CLOSE queued in SYN-RECEIVED is processed in ESTABLISHED': '在 SYN-RECEIVED 时挂起的 CLOSE 在进入 ESTABLISHED 后执行',
  'new SYN with a higher sequence number ends TIME-WAIT': '序号更大的新 SYN 提前结束了 TIME-WAIT',
  'keepalive probes unanswered': '保活探测没有应答',
  // RST 的两种处理规则（RFC 5961 3.2 与 RFC 9293 3.10.7.4 第二步），嵌在 "… in {S}: connection reset" 等句式里
  'RST exactly at RCV.NXT': '序号恰好等于 RCV.NXT 的 RST',
  'in-window RST': '窗口内的 RST',
  'valid SYN cookie in the ACK, connection state rebuilt': 'ACK 中的 SYN cookie 有效，重建连接状态',
  'ACK of our (cookie) SYN-ACK completes the handshake': '收到对我方（cookie）SYN-ACK 的确认，握手完成',
  // 报文的经历与结果（net/packets.ts、lab/session-views.ts、lab/export/fate.ts）
  'in flight': '传输中',
  'still in flight when the capture ends': '抓包结束时仍在传输中',
  'original': '原始报文',
  'retransmission': '重传',
  'injected by user': '由用户注入',
  'injected by the user': '由用户注入',
  'dropped by the user': '被用户丢弃',
  // 执行者单独出现时
  'user': '用户',
};

/** 带变量的句式；按顺序尝试，第一条匹配的生效。 */
export const TRACE_PATTERNS_ZH: ReadonlyArray<readonly [string, string]> = [
  // segment.send.cause
  ['SYN retransmission #{N}', 'SYN 第 {1} 次重传'],
  ['SYN-ACK retransmission #{N}', 'SYN-ACK 第 {1} 次重传'],
  ['RTO retransmission #{N}', '超时（RTO）第 {1} 次重传'],
  ['SYN flood {N} (spoofed source)', 'SYN 洪水的第 {1} 个报文（伪造源地址）'],
  ['keepalive probe #{N}', '第 {1} 个保活探测'],
  ['fast retransmit after {N} duplicate ACKs', '收到 {1} 个重复 ACK 后快速重传'],
  ['RST for an unacceptable ACK in {S}', '{1} 状态下收到不可接受的 ACK，回复 RST'],
  // tcp.drop.reason
  ['unacceptable segment: {*}', '不可接受的报文段：{t1}'],
  ['unacceptable ACK in {S}: RST sent', '{1} 状态下收到不可接受的 ACK：已回复 RST'],
  ['unacceptable ACK in {S}', '{1} 状态下收到不可接受的 ACK'],
  ['unacceptable ACK and sequence number in {S}', '{1} 状态下 ACK 和序号都不可接受'],
  ['SYN in {S}: challenge ACK sent', '{1} 状态下收到 SYN：已发送挑战 ACK'],
  ['not addressed to this host ({W})', '不是发给本主机（{1}）的'],
  // segment.drop.reason（网络与路由器）
  ['rule {W} ({W})', '规则 {1}（{r2}）'],
  ['no route to spoofed address {W}', '没有通往伪造地址 {1} 的路由'],
  ['no route to address {W}', '没有通往地址 {1} 的路由'],
  ['router queue full (capacity {N})', '路由器队列已满（容量 {1}）'],
  ['bad TCP checksum (corrupted by {A})', 'TCP 校验和错误（报文被{a1}损坏）'],
  ['malformed packet: {*} (corrupted by {A})', '报文格式错误：{1}（报文被{a2}损坏）'],
  // app.detail
  ['in accept queue ({N}/{N})', '在全连接（accept）队列中（{1}/{2}）'],
  ['connection gone (was {S})', '连接已不存在（之前处于 {1}）'],
  ['connect() gave up after {N} SYN retransmissions and {N} ms (time budget {N} ms: {*})',
    'connect() 在 {1} 次 SYN 重传、{2} 毫秒后放弃（时间预算 {3} 毫秒：{4}）'],
  ['half-open connection dropped after {N} SYN-ACK retransmissions (net.ipv4.tcp_synack_retries = {N})',
    'SYN-ACK 重传 {1} 次后放弃半连接（net.ipv4.tcp_synack_retries = {2}）'],
  ['retransmission timeout: {N} retransmissions without an ACK (net.ipv4.tcp_retries2 = {N})',
    '重传超时：重传 {1} 次仍未收到 ACK（net.ipv4.tcp_retries2 = {2}）'],
  ['keepalive: {N} probes unanswered (net.ipv4.tcp_keepalive_probes)', '保活：{1} 个探测都没有应答（net.ipv4.tcp_keepalive_probes）'],
  // note.text
  ['ACK suppressed by net.ipv4.tcp_invalid_ratelimit ({*})', 'ACK 被 net.ipv4.tcp_invalid_ratelimit 限速，没有发送（{t1}）'],
  ['ACK of our SYN in {S} (closed in SYN-RECEIVED): handshake complete, FIN follows',
    '{1} 状态下收到对我方 SYN 的确认（应用在 SYN-RECEIVED 时已关闭）：握手完成，随后发送 FIN'],
  ['close() with {N} unread bytes: RST instead of FIN', 'close() 时还有 {1} 字节未读：发送 RST 而不是 FIN'],
  ['auto-accept on: {N} queued connections accepted', '已开启自动 accept：接受了队列中的 {1} 个连接'],
  // state.cause
  ['CLOSE in {S}, FIN queued after the data', '{1} 状态下调用 CLOSE，FIN 排在待发数据之后'],
  ['CLOSE in {S}', '{1} 状态下调用 CLOSE'],
  ['ABORT in {S}', '{1} 状态下调用 ABORT（中止连接）'],
  ['FIN received in {S}', '{1} 状态下收到 FIN'],
  ['our FIN acknowledged in {S}', '{1} 状态下我方的 FIN 被确认'],
  ['{*} in SYN-RECEIVED (passive OPEN): half-open connection removed, listener stays in LISTEN',
    'SYN-RECEIVED 状态（被动打开）下收到{t1}：删除半连接，监听套接字仍处于 LISTEN'],
  ['{*} in SYN-RECEIVED (active OPEN): connection refused', 'SYN-RECEIVED 状态（主动打开）下收到{t1}：连接被拒绝'],
  ['{*} in {S}: connection reset', '{2} 状态下收到{t1}：连接被复位'],
  ['RST exactly at RCV.NXT in {S}', '{1} 状态下收到序号恰好等于 RCV.NXT 的 RST'],
  ['in-window RST in {S}', '{1} 状态下收到窗口内的 RST'],
  ['in-window SYN in {S} resets the connection', '{1} 状态下收到窗口内的 SYN，连接被复位'],
  ['FIN-WAIT-2 timeout for an orphaned socket (net.ipv4.tcp_fin_timeout = {N} s)',
    '孤儿套接字在 FIN-WAIT-2 超时（net.ipv4.tcp_fin_timeout = {1} 秒）'],
  // 报文的经历（session-views.ts 的 history / fate，net/ 写下的 notes）
  ['sent by {W} at {N} ms ({*})', '由 {1} 于 {2} 毫秒发出（{t3}）'],
  ['delivered at {N} ms', '于 {1} 毫秒送达'],
  ['dropped at {N} ms: {*}', '于 {1} 毫秒被丢弃：{t2}'],
  ['replaced by its edit #{N} at {N} ms', '于 {2} 毫秒被它的修改副本 #{1} 取代'],
  ['replaced by its edit #{N}', '被它的修改副本 #{1} 取代'],
  ['retransmission of #{N}', '#{1} 的重传'],
  ['duplicate of #{N} made by {A}', '{a2}制作的 #{1} 的重复副本'],
  ['duplicate of #{N}', '#{1} 的重复副本'],
  ['replay of #{N} by {A}', '{a2}重放的 #{1}'],
  ['replay of #{N}', '#{1} 的重放'],
  ['edited from #{N} by user: {*}', '用户修改 #{1} 得到：{2}'],
  ['edited from #{N}', '由 #{1} 修改而来'],
  ['injected by user from {W}, spoofing {W}', '用户从 {1} 注入，伪造源地址 {2}'],
  ['injected by user from {W}', '用户从 {1} 注入'],
  ['{A}: waits for {N} later packet(s)', '{a1}：等后面 {2} 个报文先通过'],
  ['delayed {N} ms by {A}', '被{a2}延迟 {1} 毫秒'],
  ['held by {A} at {N} ms', '于 {2} 毫秒被{a1}扣留'],
  ['released by {A} after {N} ms', '扣留 {2} 毫秒后被{a1}放行'],
  ['duplicated {N}x by {A}: {*}', '被{a2}复制 {1} 份：{3}'],
  ['corrupted by {A}: bad checksum on purpose', '被{a1}损坏：故意制造的校验和错误'],
  ['corrupted by {A}', '被{a1}损坏'],
  ['cached by {A}', '被{a1}缓存'],
  ['moved in the queue by {A} from {N} to {N}', '被{a1}在队列中从位置 {2} 移到 {3}'],
  // lab/export/fate.ts 的一句话经历（pcapng 注释、HTML 报告）
  ['held {N} ms by {A}, released by {A}', '被{a2}扣留 {1} 毫秒，由{a3}放行'],
  ['held {N} ms by {A}', '被{a2}扣留 {1} 毫秒'],
  ['released after {N} ms by {A}', '{1} 毫秒后被{a2}放行'],
  ['held by {A}', '被{a1}扣留'],
  ['kept back by {A} until {N} later packet(s) passed', '被{a1}压后，直到后面 {2} 个报文先通过'],
  ['duplicated by {A} as {*}', '被{a1}复制为 {2}'],
  ['edited by {A}: {*}', '被{a1}修改：{2}'],
  ['{*} at {N} ms', '{t1}（{2} 毫秒）'],
  ['dropped by {A}', '被{a1}丢弃'],
  ['dropped by {W}: {*}', '被 {1} 丢弃：{t2}'],
  ['dropped: {*}', '被丢弃：{t1}'],
];
