#!/bin/bash
# How many half-open connections a real Linux listener holds under a spoofed-SYN flood (docs/ORACLE.md,
# "SYN queue"). Root only. Two namespaces joined by a veth, no other interface, deleted on exit.
# usage: measure.sh BACKLOG TCP_SYNCOOKIES TCP_MAX_SYN_BACKLOG SPOOFED_SYNS
# prints the SYN-RECV count after the SYNs and the kernel's drop counters; then an unproven client connects.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 BACKLOG TCP_SYNCOOKIES TCP_MAX_SYN_BACKLOG SPOOFED_SYNS" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
A=tlo-synq-$$-a B=tlo-synq-$$-b
. "$here/../netns-pair.sh"
oracle_pair $A $B 16
# The spoofed sources (10.88.x.y) need a route from B, or the kernel drops the SYN before queueing it.
# A does not forward, so the SYN-ACKs die there.
ip -n $B route add default via 10.77.0.1
ip netns exec $B sysctl -qw net.ipv4.tcp_syncookies=$2 net.ipv4.tcp_max_syn_backlog=$3
ip netns exec $B python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('10.77.0.2', 80)); s.listen($1); time.sleep(60)" &
sleep 0.5
ip netns exec $A python3 "$here/spoof-syns.py" "$4"
sleep 0.3
echo "backlog=$1 tcp_syncookies=$2 tcp_max_syn_backlog=$3 spoofed_syns=$4"
echo "syn-recv: $(ip netns exec $B ss -Htn state syn-recv | wc -l)"
ip netns exec $B nstat -az TcpExtListenDrops TcpExtTCPReqQFullDoCookies 2>/dev/null | tail -n +2
ip netns exec $A python3 -c "
import socket; s = socket.socket(); s.settimeout(2.5)
try: s.connect(('10.77.0.2', 80)); print('client: connected')
except Exception as e: print('client: not connected:', e)"
