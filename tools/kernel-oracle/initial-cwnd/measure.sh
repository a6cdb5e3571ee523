#!/bin/bash
# The congestion window a real Linux connection starts with after its SYN or SYN-ACK was lost (docs/ORACLE.md,
# "Initial window after a lost SYN or SYN-ACK"). Root only. Two namespaces joined by a veth, deleted on exit.
# nft drops the first N SYNs at the server's ingress or the first N SYN-ACKs at the client's; once the connection
# is open the script prints, for each side, what `ss -tin` says: cwnd, ssthresh (absent = "infinite"), rto and
# retrans (current/total: total is tp->total_retrans, which tcp_init_transfer tests), and every handshake segment
# on the wire with its time.
# usage: measure.sh TCP_TIMESTAMPS CASE
#   CASE  syn:N           drop the client's first N SYNs
#         synack:N        drop the server's first N SYN-ACKs (the client's SYN retransmissions still reach it,
#                         and each draws a SYN-ACK at once: tcp_check_req)
#         synack-timer:N  the same, but every SYN after the first is dropped too, so each SYN-ACK the server
#                         sends again is sent by its own timer (req->num_timeout = N)
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 TCP_TIMESTAMPS syn:N|synack:N|synack-timer:N" >&2; exit 2; }
ts=$1 kind=${2%%:*} n=${2#*:}
case $kind in syn|synack|synack-timer) ;; *) echo "unknown case $2" >&2; exit 2;; esac
A=tlo-iw-$$-a B=tlo-iw-$$-b
. "$(cd "$(dirname "$0")" && pwd)/../netns-pair.sh"
pcap=$(mktemp --suffix=.pcap); ORACLE_TMP_FILES+=("$pcap")
oracle_pair $A $B 24
for ns in $A $B; do
  ip netns exec $ns sysctl -qw net.ipv4.tcp_timestamps=$ts net.ipv4.tcp_no_metrics_save=1
done
# numgen inc advances only for packets that reached it, so it counts this rule's own matches (0, 1, …).
syn_from_a='ip saddr 10.77.0.1 tcp flags & (syn|ack) == syn'
synack_from_b='ip saddr 10.77.0.2 tcp flags & (syn|ack) == syn|ack'
rules_b='' rules_a=''
case $kind in
  syn) rules_b="$syn_from_a numgen inc mod 1000000 < $n counter drop";;
  synack) rules_a="$synack_from_b numgen inc mod 1000000 < $n counter drop";;
  synack-timer) rules_a="$synack_from_b numgen inc mod 1000000 < $n counter drop"
    rules_b="$syn_from_a numgen inc mod 1000000 > 0 counter drop";;
esac
for side in a b; do
  ns=$A rules=$rules_a; [ $side = b ] && ns=$B rules=$rules_b
  ip netns exec $ns nft -f - <<NFT
table inet iw {
  chain ingress {
    type filter hook prerouting priority raw; policy accept;
    $rules
  }
}
NFT
done
# The client's veth sees every segment: one dropped at either ingress has already crossed the wire.
ip netns exec $A tshark -q -i va -w "$pcap" -f 'tcp port 80' 2>/dev/null &
sleep 2
ip netns exec $B python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('10.77.0.2', 80)); s.listen(8); c, _ = s.accept(); time.sleep(30)" &
sleep 0.5
ip netns exec $A python3 -c "
import socket, time
s = socket.socket(); s.connect(('10.77.0.2', 80)); time.sleep(30)" &
for _ in $(seq 200); do  # both ends ESTABLISHED (the server's once the third segment has arrived)
  a=$(ip netns exec $A ss -Htn state established dst 10.77.0.2 | wc -l)
  b=$(ip netns exec $B ss -Htn state established src 10.77.0.2 | wc -l)
  [ "$a" = 1 ] && [ "$b" = 1 ] && break; sleep 0.1
done
sleep 0.3
view() {  # the fields of `ss -tin` this measurement is about; ss omits rto when it is 3000 ms (TCP_TIMEOUT_FALLBACK)
  local f
  f=$(ip netns exec "$1" ss -Htin state established "$2" 10.77.0.2 | tr ' \t' '\n\n' \
    | grep -E '^(cwnd|ssthresh|rto|retrans|rtt):' | tr '\n' ' ')
  case $f in *rto:*) echo "$f";; *) echo "${f}rto:3000(omitted by ss)";; esac
}
echo "tcp_timestamps=$ts case=$2"
echo "  client (A): $(view $A dst)"
echo "  server (B): $(view $B src)"
sleep 0.5
kill %1 2>/dev/null || true; wait %1 2>/dev/null || true
tshark -r "$pcap" -T fields -e frame.time_relative -e tcp.srcport -e tcp.flags.str 2>/dev/null | python3 -c "
import sys
rows = [l.split('\t') for l in sys.stdin.read().splitlines()]
t0 = float(rows[0][0])
segs = [(round((float(r[0]) - t0) * 1000), ('B ' if r[1] == '80' else 'A ') + r[2].replace('\u00b7', '')) for r in rows]
print('  wire (ms):', ', '.join(f'{t} {f}' for t, f in segs[:12]))"
