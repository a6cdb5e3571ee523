#!/bin/bash
# The ISN a real Linux server picks when a new SYN from the same client port ends its TIME-WAIT (lesson
# server-closes-first, docs/ORACLE.md "TIME-WAIT reopened by a SYN"). Root only. Two namespaces joined by a
# veth, deleted on exit. The server closes first, so its side of the connection is in TIME-WAIT; the client
# connects again from the same port one second later. Prints the old FIN's sequence number, the new SYN-ACK's
# ISN and their difference (tcp_timewait_state_process sets the new ISN to the old SND.NXT + 65535 + 2).
# usage: measure.sh [TCP_TIMESTAMPS]   (default 0, as the lab, which sends no timestamps)
set -euo pipefail
ts=${1:-0}
A=tlo-twr-$$-a B=tlo-twr-$$-b
. "$(cd "$(dirname "$0")" && pwd)/../netns-pair.sh"
pcap=$(mktemp --suffix=.pcap); ORACLE_TMP_FILES+=("$pcap")
oracle_pair $A $B 24
ip netns exec $A sysctl -qw net.ipv4.tcp_timestamps=$ts
ip netns exec $B sysctl -qw net.ipv4.tcp_timestamps=$ts
ip netns exec $B tshark -q -i vb -w "$pcap" -f 'tcp port 80' 2>/dev/null &
sleep 1
# The server: answer each request, then close first (HTTP/1.0 style).
ip netns exec $B python3 -c "
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('10.77.0.2', 80)); s.listen(8)
while True:
    c, _ = s.accept(); c.recv(100); c.sendall(b'HTTP/1.0 200 OK\r\n\r\nhello'); c.close()" &
sleep 0.5
ip netns exec $A python3 -c "
import socket, time
for attempt in range(2):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('10.77.0.1', 40000)); s.connect(('10.77.0.2', 80)); s.sendall(b'GET / HTTP/1.0\r\n\r\n')
    while s.recv(100): pass
    s.close(); time.sleep(1)"
echo "server TIME-WAIT sockets: $(ip netns exec $B ss -Htn state time-wait | wc -l)"
sleep 1
kill %1 2>/dev/null || true; wait %1 2>/dev/null || true
tshark -r "$pcap" -T fields -e tcp.srcport -e tcp.flags.str -e tcp.seq_raw -e tcp.ack_raw 2>/dev/null | python3 -c "
import sys
rows = [l.split('\t') for l in sys.stdin.read().splitlines()]
fins = [int(r[2]) for r in rows if r[0] == '80' and 'F' in r[1]]
synacks = [int(r[2]) for r in rows if r[0] == '80' and 'S' in r[1]]
print('tcp_timestamps=$ts')
print('old FIN seq:', fins[0], ' old SND.NXT:', fins[0] + 1)
print('new SYN-ACK ISN:', synacks[1], ' minus old SND.NXT:', (synacks[1] - fins[0] - 1) % 2**32)"
