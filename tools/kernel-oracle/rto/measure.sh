#!/bin/bash
# The first data retransmission timeout of a real Linux sender after one RTT sample (the handshake's), for a
# given round-trip time (docs/ORACLE.md "RTO after one sample"). Root only. Client and server namespaces joined
# through a middle one, where delay-relay.py holds every frame RTT/2 in each direction (this kernel has no
# netem); the receiver's nft drops every segment with data, so the sender retransmits with backoff. Prints the
# gaps between the data segment's transmissions.
# usage: measure.sh RTT_MS
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 RTT_MS" >&2; exit 2; }
rtt=$1 half=$(( $1 / 2 ))
here=$(cd "$(dirname "$0")" && pwd)
A=tlo-rto-$$-a B=tlo-rto-$$-b M=tlo-rto-$$-m
. "$here/../netns-pair.sh"
pcap=$(mktemp --suffix=.pcap); ORACLE_TMP_FILES+=("$pcap")
oracle_netns $A $B $M
ip link add va netns $A type veth peer name ma netns $M
ip link add vb netns $B type veth peer name mb netns $M
ip -n $A addr add 10.77.0.1/24 dev va; ip -n $B addr add 10.77.0.2/24 dev vb
ip -n $A link set va up; ip -n $B link set vb up; ip -n $M link set dev ma up; ip -n $M link set dev mb up
ip -n $M link set dev ma promisc on; ip -n $M link set dev mb promisc on
ip netns exec $A sysctl -qw net.ipv4.tcp_timestamps=0; ip netns exec $B sysctl -qw net.ipv4.tcp_timestamps=0
ip netns exec $M python3 "$here/delay-relay.py" ma mb "$half" &
ip netns exec $B nft -f - <<NFT
table inet t {
  chain in {
    type filter hook input priority 0;
    tcp dport 80 ip length > 500 drop
  }
}
NFT
ip netns exec $A tshark -q -i va -w "$pcap" -f 'tcp port 80' 2>/dev/null &
sleep 1.5
ip netns exec $B python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('10.77.0.2', 80)); s.listen(8); c, _ = s.accept(); time.sleep(5)" &
sleep 1
ip netns exec $A python3 -c "
import socket, subprocess, time
s = socket.socket(); s.connect(('10.77.0.2', 80))
def kernel_view(when):
    out = subprocess.run(['ss', '-tin', 'dst', '10.77.0.2'], capture_output=True, text=True).stdout.split()
    print(when, ' '.join(w for w in out if w.split(':')[0] in ('rto', 'rtt', 'backoff')))
kernel_view('after the handshake:')
s.sendall(b'x' * 1000); time.sleep(3)"
sleep 0.5
kill %1 2>/dev/null || true; wait %1 2>/dev/null || true
tshark -r "$pcap" -T fields -e frame.time_relative -e tcp.srcport -e tcp.len -e tcp.flags.str 2>/dev/null | python3 -c "
import sys
rows = [l.split('\t') for l in sys.stdin.read().splitlines()]
print('handshake:', [(round(float(r[0]) * 1000, 1), r[3].replace('\u00b7', '')) for r in rows[:3]])
t = [float(r[0]) * 1000 for r in rows if r[1] != '80' and r[2] not in ('', '0')]
print('rtt_ms=$rtt data sends at', [round(x - t[0], 1) for x in t], 'ms; gaps', [round(b - a, 1) for a, b in zip(t, t[1:])])"
