# Sourced by the measure scripts (*/measure.sh): the throw-away network namespaces they measure the kernel in.
# Root only. Every namespace made here is deleted on exit, with the processes still running in it, and so are
# the files named in ORACLE_TMP_FILES, whether the script ends well or not.
#
#   oracle_netns NAME...        makes namespaces (their names are the caller's: add $$ so runs never collide)
#   oracle_pair A B PREFIXLEN   makes A and B and joins them by a veth: va (10.77.0.1) in A, vb (10.77.0.2) in B,
#                               both up with their loopbacks
ORACLE_NETNS=()
ORACLE_TMP_FILES=()

oracle_cleanup() {
  local n
  for n in "${ORACLE_NETNS[@]}"; do ip netns pids "$n" 2>/dev/null | xargs -r kill 2>/dev/null || true; done
  for n in "${ORACLE_NETNS[@]}"; do ip netns del "$n" 2>/dev/null || true; done
  [ ${#ORACLE_TMP_FILES[@]} -eq 0 ] || rm -f "${ORACLE_TMP_FILES[@]}"
}
trap oracle_cleanup EXIT

oracle_netns() {
  local n
  for n in "$@"; do
    ip netns add "$n"
    ORACLE_NETNS+=("$n")
  done
}

oracle_pair() {
  local a=$1 b=$2 len=$3
  oracle_netns "$a" "$b"
  ip link add va netns "$a" type veth peer name vb netns "$b"
  ip -n "$a" addr add "10.77.0.1/$len" dev va; ip -n "$b" addr add "10.77.0.2/$len" dev vb
  ip -n "$a" link set va up; ip -n "$b" link set vb up; ip -n "$a" link set lo up; ip -n "$b" link set lo up
}
