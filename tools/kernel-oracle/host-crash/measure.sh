#!/bin/bash
# A host crash and reboot on a real Linux kernel (lesson peer-crash, docs/ORACLE.md "Host crash and reboot").
# Root only; Python 3 and tshark. Namespaces deleted on exit: R holds a bridge; A (10.77.0.1) hangs off it; the
# crashing host is two namespaces with the same address and MAC, "before" and "after" the reboot, and only one of
# them is attached at a time. The crash takes "before" off the bridge (its kernel still holds the connection, but
# nothing it does reaches the wire again: as good as gone); the reboot attaches "after", a fresh kernel stack that
# has never seen the connection. Packets are captured on A's bridge port.
#   measure.sh server  B (10.77.0.2) crashes at 1.0 s; A sends at 1.5 s; B is back at 4.0 s and listens on
#                      port 80 again; A's next retransmission draws B's RST, and A's recv() says why.
#   measure.sh client  A's peer C (10.77.0.1, port 40000) is the one that crashes, at 1.0 s, and is back at 2.0 s;
#                      at 2.5 s it connects again from port 40000 to B's still-open connection (RFC 9293 Figure 12).
set -euo pipefail
mode=${1:-server}
# The system Python: a version manager's shim can take seconds to start, which would skew the timed steps.
PY=$(command -v /usr/bin/python3 || command -v python3)
R=tlo-crash-$$-r X=tlo-crash-$$-x P=tlo-crash-$$-p Q=tlo-crash-$$-q
pcap=$(mktemp --suffix=.pcap)
cleanup() { for ns in $X $P $Q $R; do ip netns pids $ns 2>/dev/null | xargs -r kill 2>/dev/null || true; ip netns del $ns 2>/dev/null || true; done; rm -f "$pcap"; }
trap cleanup EXIT
# X: the host that stays up. P, Q: the crashing host before and after its reboot (same address and MAC).
if [ "$mode" = server ]; then keep=10.77.0.1 crash=10.77.0.2; else keep=10.77.0.2 crash=10.77.0.1; fi
for ns in $R $X $P $Q; do ip netns add $ns; ip -n $ns link set lo up; done
ip -n $R link add br0 type bridge; ip -n $R link set br0 up
ip link add vx netns $X type veth peer name rx netns $R
ip link add vp netns $P address 02:00:00:00:00:09 type veth peer name rp netns $R
ip link add vq netns $Q address 02:00:00:00:00:09 type veth peer name rq netns $R
ip -n $X addr add $keep/24 dev vx; ip -n $P addr add $crash/24 dev vp; ip -n $Q addr add $crash/24 dev vq
for pair in "$X vx" "$P vp" "$Q vq"; do set -- $pair; ip -n $1 link set $2 up; ip netns exec $1 sysctl -qw net.ipv4.tcp_timestamps=0; done
ip -n $R link set rx master br0 up; ip -n $R link set rp master br0 up; ip -n $R link set rq master br0  # rq stays down
ip netns exec $R tshark -q -i rx -w "$pcap" -f 'tcp' 2>/dev/null &
sleep 3  # tshark needs a moment before it captures
# The server that stays (or the one that crashes) listens first; t0 = 1 s later is when the client connects.
t0=$($PY -c "import time; print(time.time() + 1.0)")
at() { sleep "$($PY -c "import time; print(max(0, $t0 + $1 - time.time()))")"; }
if [ "$mode" = server ]; then
  ip netns exec $P $PY -c "
import socket, time
s = socket.socket(); s.bind(('10.77.0.2', 80)); s.listen(8); c, _ = s.accept(); c.recv(100); time.sleep(60)" &
  at 0
  ip netns exec $X $PY -c "
import socket, time
t0 = $t0
s = socket.socket(); s.bind(('10.77.0.1', 40000)); s.connect(('10.77.0.2', 80)); s.sendall(b'hello')
time.sleep(max(0, t0 + 1.5 - time.time())); s.sendall(b'are you there?'); s.settimeout(30)
try:
    print('A recv:', s.recv(100))
except OSError as e:
    print('A recv: %s after %.1f s' % (e.__class__.__name__, time.time() - t0))" &
  client=$!
  at 1.0; ip -n $R link set rp down; echo 'crash: B taken off the wire at 1.0 s'
  at 4.0; ip -n $R link set rq up
  ip netns exec $Q $PY -c "
import socket, time
s = socket.socket(); s.bind(('10.77.0.2', 80)); s.listen(8); time.sleep(60)" &
  echo 'reboot: the fresh B is on the wire and listens on port 80 at 4.0 s'
  wait $client || true
else
  ip netns exec $X $PY -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('10.77.0.2', 80)); s.listen(8); c, _ = s.accept(); c.recv(100)
try:
    print('B recv:', c.recv(100))
except OSError as e:
    print('B recv: %s after %.1f s' % (e.__class__.__name__, time.time() - $t0))
d, _ = s.accept(); print('B accepted a new connection at %.1f s' % (time.time() - $t0)); time.sleep(2)" &
  server=$!
  at 0
  ip netns exec $P $PY -c "
import socket, time
s = socket.socket(); s.bind(('10.77.0.1', 40000)); s.connect(('10.77.0.2', 80)); s.sendall(b'hello'); time.sleep(60)" &
  at 1.0; ip -n $R link set rp down; echo 'crash: the client taken off the wire at 1.0 s'
  at 2.0; ip -n $R link set rq up; echo 'reboot: the fresh client is on the wire at 2.0 s'
  at 2.5
  ip netns exec $Q $PY -c "
import socket, time
s = socket.socket(); s.bind(('10.77.0.1', 40000)); s.connect(('10.77.0.2', 80))
print('client connected again at %.1f s' % (time.time() - $t0))"
  wait $server || true
fi
sleep 0.5
kill %1 2>/dev/null || true; wait %1 2>/dev/null || true
echo "packets (time from the crash-free start, sender port, flags, seq, ack, len):"
tshark -r "$pcap" -T fields -e frame.time_epoch -e tcp.srcport -e tcp.flags.str -e tcp.seq_raw -e tcp.ack_raw -e tcp.len 2>/dev/null \
  | $PY -c "
import sys
for l in sys.stdin.read().splitlines():
    t, port, flags, seq, ack, ln = l.split('\t')
    print('%7.3f s  %5s  %-12s seq=%s ack=%s len=%s' % (float(t) - $t0, port, flags, seq, ack, ln))"
