#!/bin/bash
# What a real Linux connection in ESTABLISHED answers to a SYN, in and out of its receive window (docs/ORACLE.md,
# "SYN in a synchronized state"). Root only; Python 3 for the raw sockets. Two namespaces joined by a veth, no
# other interface, deleted on exit.
# usage: measure.sh [--server-closes] SPEC...   (see probe.py: "<offset from RCV.NXT>@<gap ms>", e.g. 1000000000@0 10@600)
# --server-closes: the server close()s after reading "hello", so the SYNs meet an orphaned FIN-WAIT-2.
# FIN_TIMEOUT=N (environment): the server's net.ipv4.tcp_fin_timeout (default 60; above 60 s the orphaned
# FIN-WAIT-2 stays a full socket instead of becoming a timewait minisocket).
set -euo pipefail
close_after_read=''
if [ "${1:-}" = --server-closes ]; then close_after_read='c.close();'; shift; fi
[ $# -ge 1 ] || { echo "usage: $0 OFFSET@GAPMS..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
A=tlo-syns-$$-a B=tlo-syns-$$-b
. "$here/../netns-pair.sh"
oracle_pair $A $B 16
for ns in $A $B; do ip netns exec $ns sysctl -qw net.ipv4.tcp_timestamps=0; done
ip netns exec $B sysctl -qw net.ipv4.tcp_fin_timeout=${FIN_TIMEOUT:-60}
ip netns exec $B python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('10.77.0.2', 80)); s.listen(8); c, _ = s.accept(); c.recv(100); ${close_after_read} time.sleep(60)" &
sleep 1
ip netns exec $B nstat -n >/dev/null
echo "tcp_fin_timeout=$(ip netns exec $B sysctl -n net.ipv4.tcp_fin_timeout) tcp_invalid_ratelimit=$(ip netns exec $B sysctl -n net.ipv4.tcp_invalid_ratelimit) tcp_challenge_ack_limit=$(ip netns exec $B sysctl -n net.ipv4.tcp_challenge_ack_limit)"
ip netns exec $A python3 "$here/probe.py" "$@" &
probe=$!
for _ in $(seq 30); do  # the server's connection once it exists (the probe waits 300 ms before its first SYN)
  st=$(ip netns exec $B ss -Htan | awk '$1 != "LISTEN" {print $1}' | tr '\n' ' ')
  [ -n "$st" ] && { echo "server connection before the SYNs: $st"; break; }; sleep 0.05
done
wait $probe

ip netns exec $B nstat -az TcpExtTCPChallengeACK TcpExtTCPSYNChallenge TcpExtTCPACKSkippedChallenge TcpExtTCPACKSkippedSeq TcpExtBeyondWindow 2>/dev/null | tail -n +2
