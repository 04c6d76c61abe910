# Tagged host firewall rules for the offline proofs (sourced by offline-proof.sh and
# clean-engine-proof.sh). Every rule carries a comment that starts with $fw_tag, so it can be
# counted, and removed whatever state the script stopped in; LOG rules (rate-limited) record the
# first packets so a failure can say what was dropped.
# The caller sets: fw_tag (unique per run), fw_prefix (LOG prefix, at most 20 characters).

# fw_add CHAIN NAME MATCH… — count and DROP what MATCH selects, on top of CHAIN.
fw_add() {
  local chain=$1 name=$2
  shift 2
  iptables -I "$chain" 1 "$@" -m comment --comment "$fw_tag-$name" -j DROP
  iptables -I "$chain" 1 "$@" -m comment --comment "$fw_tag-log" -m limit --limit 50/s \
    -j LOG --log-prefix "$fw_prefix-$name:"
}

# fw_accept CHAIN MATCH… — let what MATCH selects through, on top of CHAIN.
fw_accept() {
  local chain=$1
  shift
  iptables -I "$chain" 1 "$@" -m comment --comment "$fw_tag-accept" -j ACCEPT
}

# fw_rules CHAIN — the tagged rules of CHAIN, as `iptables -S` prints them.
fw_rules() { iptables -S "$1" 2>/dev/null | grep -F -- "--comment $fw_tag-" || true; }

# fw_remove CHAIN… — removes every tagged rule (eval: -S quotes what needs quoting).
fw_remove() {
  local chain line
  for chain in "$@"; do
    fw_rules "$chain" | sed 's/^-A /-D /' |
      while read -r line; do
        eval "iptables $line" || printf 'could not remove: %s\n' "$line" >&2
      done
  done
}

# fw_count CHAIN NAME — packets counted by the NAME rules of CHAIN.
fw_count() {
  iptables -L "$1" -v -x -n | awk -v t="/* $fw_tag-$2 */" 'index($0, t) { s += $1 } END { print s + 0 }'
}

# fw_logged — what the LOG rules saw: count, category, protocol, destination:port.
fw_logged() {
  dmesg 2>/dev/null | grep -o "$fw_prefix-[a-z]*:.*" |
    sed -E 's/^.*-([a-z]+):.* DST=([^ ]+) .* PROTO=([A-Z0-9]+)( SPT=[0-9]+ DPT=([0-9]+))?.*/\1 \3 \2:\5/' |
    sort | uniq -c | sort -rn | head -20
}
