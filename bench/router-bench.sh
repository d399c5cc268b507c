#!/usr/bin/env bash
# The router benchmark of record (issue 12, docs/benchmarks.md "Router: Crosspoint against Kamailio"): SIPp UAC
# (bench/sipp/router-uac.xml, the customer) -> call router -> three SIPp UAS carriers (uas-answer.xml), INVITE/100/
# 180/200/ACK/BYE, transaction-stateful, record-routing, UDP on 127.0.0.1, over a generated 1,000,000-prefix deck.
#   crosspoint: the appliance with only the router role (bin/crosspoint, CROSSPOINT_ROLES=router: Shenandoah), carriers and
#               decks through the REST API (import rows/s, heap the decks take), the UAC's address as the customer.
#   kamailio:   bench/kamailio-router.cfg, the same prefixes in htable (db_text; -M 1024 private memory for the
#               load), longest prefix in the cfg, tm, rr, failover to the next carrier on 503/408/silence;
#               children=2 as the router's udpThreads=2.
# Per peer: warm-up, then a ladder of offered rates (stops at the first step with a failed call or more than 1 % not
# completed), each step's
# completed/failed/503 calls and the peer's CPU per call (/proc); at half the peak the p99 INVITE->100 time (SIPp
# rtt trace, and on the wire with tcpdump when installed: the router's own share); at twice the peak the goodput (completed calls a second against the peak's) and the 503s; the longest
# GC pause under load (Crosspoint, -Xlog:gc*). Every step also reports the load generator's own CPU (SIPp UAC and the
# three UAS carriers share the router's 2 cores: at twice the peak they, not the router, may be what runs out).
# Needs sipp, kamailio, curl, jq, and a build: mvn -B -q -pl appliance -am -DskipTests package.
# Usage: bench/router-bench.sh [--peers=crosspoint,kamailio] [--seconds=15] [--warmup=30] [--hold-ms=1000]
#                              [--rates="1000 1500 2000 2500 3000 3500 4000 5000"] [--prefixes=1000000]
#                              [--java-opts="..."] (extra options for the appliance JVM, e.g. a JFR recording)
#                              [--peak=N] (no ladder: half and twice N, a peak measured in an earlier run)
#                              [--overload-control=false] (router.overloadControl; false = admission by maxPending only)
#                              [--router-cpus=1 --load-cpus=0] (taskset CPU lists: the router on its own core and SIPp
#                              on the other, so that at twice the router's peak the load generator is not starved)
#                              [--router-cpu-quota=0.25] (after the warm-up, the router, Crosspoint or Kamailio, in a
#                              cgroup (v1 cpu) with that share of one core, 10 ms periods: a slower machine, so that
#                              one core of SIPp can offer twice its peak)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PEERS=crosspoint,kamailio
STEP_SECONDS=15
WARMUP_SECONDS=30
HOLD_MS=1000
RATES="1000 1500 2000 2500 3000 3500 4000 5000"
PREFIXES=1000000
EXTRA_JAVA_OPTS=""
GIVEN_PEAK=""
OVERLOAD_CONTROL=true
METRICS_TOKEN=bench-metrics-token-$$-0123456789
ROUTER_PIN=()
LOAD_PIN=()
QUOTA=""
for a in "$@"; do
  case "$a" in
    --peers=*) PEERS="${a#*=}" ;;
    --seconds=*) STEP_SECONDS="${a#*=}" ;;
    --warmup=*) WARMUP_SECONDS="${a#*=}" ;;
    --hold-ms=*) HOLD_MS="${a#*=}" ;;
    --rates=*) RATES="${a#*=}" ;;
    --prefixes=*) PREFIXES="${a#*=}" ;;
    --java-opts=*) EXTRA_JAVA_OPTS="${a#*=}" ;;
    --peak=*) GIVEN_PEAK="${a#*=}" ;;
    --overload-control=*) OVERLOAD_CONTROL="${a#*=}" ;;
    --router-cpus=*) ROUTER_PIN=(taskset -c "${a#*=}") ;;
    --load-cpus=*) LOAD_PIN=(taskset -c "${a#*=}") ;;
    --router-cpu-quota=*) QUOTA="${a#*=}" ;;
    *) echo "router-bench: unknown option $a (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
for tool in sipp kamailio curl jq; do
  command -v "$tool" > /dev/null || { echo "router-bench: $tool is needed" >&2; exit 2; }
done
ls appliance/target/crosspoint-appliance-*.jar > /dev/null 2>&1 && [ -d appliance/target/lib ] ||
  { echo "router-bench: build first: mvn -B -q -pl appliance -am -DskipTests package" >&2; exit 2; }
# bin/crosspoint would rebuild everything (outside the measurement's control) when sources are newer than the jar
if [ -n "$(find appliance/src/main config/crosspoint.yaml -newer "$(ls -t appliance/target/crosspoint-appliance-*.jar |
  head -1)" -print -quit)" ]; then
  echo "router-bench: sources changed since the last build: mvn -B -q -pl appliance -am -DskipTests package" >&2
  exit 2
fi

OUT="$ROOT/target/router-bench/$(date +%Y%m%d-%H%M%S)"
if [ -n "$QUOTA" ]; then
  CGROUP=/sys/fs/cgroup/cpu/crosspoint-router-bench
  mkdir -p "$CGROUP" && echo 10000 > "$CGROUP/cpu.cfs_period_us" &&
    awk -v q="$QUOTA" 'BEGIN{printf "%d\n", q * 10000}' > "$CGROUP/cpu.cfs_quota_us" ||
    { echo "router-bench: --router-cpu-quota needs a writable cgroup v1 cpu controller" >&2; exit 2; }
fi
# Moves the router (every process of it: Kamailio forks its children) into the cgroup once its deck is loaded and the
# warm-up has compiled its hot code: a slower machine, not a cold JIT starved of CPU.
limit_peer() {
  [ -n "$QUOTA" ] || return 0
  local p
  for p in "$PEER_PID" $(pgrep -P "$PEER_PID" || true); do echo "$p" > "$CGROUP/cgroup.procs"; done
  say "- $PEER limited to $QUOTA of a core (cgroup v1 cpu quota, 10 ms periods) from here on"
}
mkdir -p "$OUT/kamailio-db"
REPORT="$OUT/results.md"
ROUTER_PORT=${ROUTER_PORT:-25160}; HTTP_PORT=${HTTP_PORT:-25180}; UAC_PORT=${UAC_PORT:-25190}
CARRIER_PORTS=(25171 25172 25173)
SCEN="$ROOT/appliance/src/test/resources/sipp"
HZ=$(getconf CLK_TCK)
# SIPp's socket buffers (default 64 KiB): at 10,000 calls/s a starved UAC dropped 383,000 answers in its own socket
# (/proc/net/udp drops, 15:34 UTC), 7 times the router's, and retransmitted for them; 4 MiB as the router's
SIPP_BUFFER=$((4 << 20))
PIDS=()
CARRIER_PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
say() { echo "$*" | tee -a "$REPORT"; }
load() { cut -d' ' -f1 /proc/loadavg; }

# --- the deck: 20 country codes x (PREFIXES/20) prefixes of cc + 6 digits, owned alternately by carriers 1 and 2;
# carrier 3 rates every country code dearer (everyone's failover). The same routes as Kamailio's htable rows.
gen_deck() {
  awk -v PREFIXES="$PREFIXES" -v NUMBERS=100000 -v OUT="$OUT" -f "$ROOT/bench/router-deck.awk"
}

# CPU ticks (user + system) of a process and its children (Kamailio's workers are child processes)
ticks() {
  local total=0 p
  for p in $1 $(pgrep -P "$1" | tr '\n' ' '); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
col() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$2"; }
# 503s received by the UAC: every "503 Recv" column of SIPp's message counts, last line
refused() {
  awk -F';' 'NR==1{for(i=1;i<=NF;i++) if($i ~ /_503_Recv$/) c[i]=1} END{s=0; for(i in c) s+=$i; print s}' "$1"
}

# --- Crosspoint: the appliance with only the router role, as an operator starts it
start_crosspoint() {
  local dir="$OUT/crosspoint"
  mkdir -p "$dir/data"
  cat > "$dir/node.yaml" <<EOF
node:
  roles: [router]
router:
  customers: [127.0.0.1]
  probeSeconds: 0
  overloadControl: $OVERLOAD_CONTROL
http:
  metricsToken: $METRICS_TOKEN
EOF
  CROSSPOINT_ROLES=router CROSSPOINT_DATA="$dir/data" CROSSPOINT_BIND=127.0.0.1 CROSSPOINT_ROUTER_PORT=$ROUTER_PORT \
    CROSSPOINT_HTTP_PORT=$HTTP_PORT CROSSPOINT_ADMIN_PASSWORD=bench-admin-secret \
    JAVA_OPTS="-Xlog:gc*:file=$dir/gc.log:time,uptime,level,tags $EXTRA_JAVA_OPTS" \
    "${ROUTER_PIN[@]}" bin/crosspoint run --config "$dir/node.yaml" > "$dir/appliance.log" 2>&1 &
  PEER_PID=$!
  PIDS+=("$PEER_PID")
  local api="http://127.0.0.1:$HTTP_PORT/api/v1"
  for _ in $(seq 240); do curl -sf "$api/health" > /dev/null 2>&1 && break; sleep 0.5; done
  curl -sf "$api/health" > /dev/null || { echo "the appliance did not start: $dir/appliance.log" >&2; exit 1; }
  local token
  token=$(curl -sf -X POST "$api/auth/login" -H 'Content-Type: application/json' \
    -d '{"username":"admin","password":"bench-admin-secret"}' | jq -r .token)
  local auth=(-H "Authorization: Bearer $token")
  local heap0 heap1 rows=0 t0 t1 i id
  heap0=$(live_heap_mb)
  t0=$(date +%s.%N)
  for i in 1 2 3; do
    id=$(curl -sf "${auth[@]}" -H 'Content-Type: application/json' -X POST "$api/carriers" \
      -d "{\"name\":\"Carrier $i\",\"host\":\"127.0.0.1\",\"port\":${CARRIER_PORTS[$((i - 1))]}}" | jq -r .id)
    local code state=""
    code=$(curl -s -o "$dir/upload-$i.json" -w '%{http_code}' "${auth[@]}" -H 'Content-Type: text/csv' -X PUT \
      "$api/carriers/$id/rate-deck?source=deck-$i.csv" --data-binary @"$OUT/deck-$i.csv" || true)
    [ "$code" = 202 ] || { echo "deck $i upload: HTTP $code $(cat "$dir/upload-$i.json")" >&2; exit 1; }
    while [ "$state" != DONE ]; do
      sleep 2
      # a poll that fails under load is retried, not fatal
      state=$(curl -s --max-time 30 "${auth[@]}" "$api/carriers/$id/rate-deck/import" | jq -r '.state // empty' \
        2>/dev/null || true)
      case "$state" in REJECTED | FAILED) echo "deck $i: $state (see $dir/appliance.log)" >&2; exit 1 ;; esac
    done
    rows=$((rows + $(curl -sf "${auth[@]}" "$api/carriers/$id/rate-deck" | jq -r .rows)))
  done
  t1=$(date +%s.%N)
  heap1=$(live_heap_mb)
  say "- Crosspoint deck import through the API (3 uploads, one after another): $rows rows in $(awk -v a="$t0" -v b="$t1" \
    'BEGIN{printf "%.1f", b-a}') s = **$(awk -v a="$t0" -v b="$t1" -v n="$rows" 'BEGIN{printf "%.0f", n/(b-a)}') rows/s** \
    (load $(load)); live heap after a full GC $heap0 MiB before, $heap1 MiB after: **$((heap1 - heap0)) MiB** for the decks"
  GC_LOG="$dir/gc.log"
}

# Live heap after a full collection, MiB (heap_info: ZGC's "used 82M, capacity ...", Shenandoah's "..., 20480K used")
live_heap_mb() {
  jcmd "$PEER_PID" GC.run > /dev/null 2>&1 || true
  sleep 2
  jcmd "$PEER_PID" GC.heap_info 2>/dev/null | awk '/used/ && !/Metaspace|class space/ {
      if (match($0, /used [0-9]+[KMG]/)) v = substr($0, RSTART + 5, RLENGTH - 5)
      else if (match($0, /[0-9]+[KMG] used/)) v = substr($0, RSTART, RLENGTH - 5)
      else next
      n = v + 0; u = substr(v, length(v)); printf "%d\n", u == "K" ? n / 1024 : u == "G" ? n * 1024 : n; exit }'
}

start_kamailio() {
  local dir="$OUT/kamailio"
  mkdir -p "$dir"
  local t0 t1
  t0=$(date +%s.%N)
  "${ROUTER_PIN[@]}" kamailio -DD -E -f bench/kamailio-router.cfg -l udp:127.0.0.1:"$ROUTER_PORT" -Y "$dir" -w "$dir" -P "$dir/pid" \
    -m 2048 -M 1024 -A DBURL="\"text://$OUT/kamailio-db\"" -A CARRIER1="\"sip:127.0.0.1:${CARRIER_PORTS[0]}\"" \
    -A CARRIER2="\"sip:127.0.0.1:${CARRIER_PORTS[1]}\"" -A CARRIER3="\"sip:127.0.0.1:${CARRIER_PORTS[2]}\"" \
    > "$dir/kamailio.log" 2>&1 &
  PEER_PID=$!
  PIDS+=("$PEER_PID")
  for _ in $(seq 600); do
    ss -Huln "sport = :$ROUTER_PORT" | grep -q . && break
    kill -0 "$PEER_PID" 2>/dev/null || { echo "kamailio stopped: $dir/kamailio.log" >&2; exit 1; }
    sleep 0.5
  done
  t1=$(date +%s.%N)
  say "- Kamailio loaded $(($(wc -l < "$OUT/kamailio-db/routes") - 1)) htable rows from db_text in \
$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s (load $(load)), 2 GiB of shared memory (-m 2048)"
  GC_LOG=""
}

start_carriers() {
  local i
  for i in 0 1 2; do
    "${LOAD_PIN[@]}" sipp -sf "$SCEN/uas-answer.xml" -i 127.0.0.1 -p "${CARRIER_PORTS[$i]}" -mp $((26000 + i * 200)) -cp $((25200 + i)) \
      -buff_size "$SIPP_BUFFER" \
      -nostdin -m 100000000 -trace_err -error_file "$OUT/$1-carrier-$((i + 1))-errors.log" \
      > "$OUT/$1-carrier-$((i + 1)).log" 2>&1 &
    PIDS+=($!)
    CARRIER_PIDS+=($!)
  done
  sleep 1
}

# One step: RATE calls/s for SECONDS (extra SIPp options; "unsampled": no overload sampling); echoes "ok failed refused503 retrans cpu_us_per_call cpu_pct achieved_rate
# completed_per_second uac_cpu_pct carriers_cpu_pct". achieved: the calls over the seconds SIPp took to start them all
# (from its per-second stat file, the last second's calls at the offered rate); completed per second over that same time (each completed call was
# started in it); the CPU % of a core of the SIPp UAC and of the three SIPp carriers together over the step.
# The router's overload gauges every 200 ms while a step runs (admitted share, backlog, occupancy, refusals so far)
sample_overload() {
  while true; do
    "${LOAD_PIN[@]}" curl -s -m 1 -H "Authorization: Bearer $METRICS_TOKEN" "http://127.0.0.1:$HTTP_PORT/metrics" |
      awk -v t="$(date +%T.%N | cut -c1-12)" '/^crosspoint_router_(proxy_(requests|overloaded|failovers|silent|skipped|refused|dropped|pending|admitted|backlog|occupancy)|customer_limited)/ {
        sub("crosspoint_router_(proxy_)?", "", $1); s = s " " $1 "=" $2 } END {print t s}' >> "$1"
    # the kernel's UDP receive-buffer drops, all sockets, and per socket (local port: drops) for those with any
    awk '/^Udp:/ && ++n == 2 {printf "  kernel RcvbufErrors=%s", $6} END {}' /proc/net/snmp >> "$1"
    awk 'NR > 1 && ($NF > 0 || $5 !~ /:00000000$/) {split($2, a, ":"); split($5, q, ":"); printf " port%s:drops=%s,rxq=%s", a[2], $NF, q[2]}
      END {print ""}' /proc/net/udp >> "$1"
    sleep 0.2
  done
}

run_step() {
  local name=$1 rate=$2 seconds=$3 extra=${4:-} sampled=${5:-sampled}
  local calls=$((rate * seconds)) t0 t1 s0 s1 u0 u1 c0 c1 uac dir="$OUT/$PEER/$name"
  mkdir -p "$dir"
  c0=0; for p in "${CARRIER_PIDS[@]}"; do c0=$((c0 + $(ticks "$p"))); done
  t0=$(ticks "$PEER_PID"); s0=$(date +%s.%N)
  # -abortunexp off: a proxy with several UDP workers (Kamailio's children) may pass a 180 on after its 200, a legal
  # UDP reordering; by default SIPp aborts such an answered call and counts it failed (seen at 1,000 calls/s)
  # shellcheck disable=SC2086
  (cd "$dir" || exit 1; "${LOAD_PIN[@]}" sipp 127.0.0.1:"$ROUTER_PORT" -sf "$ROOT/bench/sipp/router-uac.xml" -inf "$OUT/numbers.csv" \
    -default_behaviors all,-abortunexp -i 127.0.0.1 -p "$UAC_PORT" -mp 26800 -cp 25210 -r "$rate" -m "$calls" -d "$HOLD_MS" -l $((rate * 6)) -nostdin \
    -buff_size "$SIPP_BUFFER" \
    -timeout $((seconds + 40))s -timeout_error -trace_stat -stf stat.csv -fd 1 -trace_counts -trace_err \
    -error_file errors.log $extra > uac.log 2>&1 & echo $! > uac.pid; wait "$(cat uac.pid)") || true &
  local sub=$! sampler=""
  if [ "$PEER" = crosspoint ] && [ "$sampled" = sampled ]; then sample_overload "$dir/overload.txt" & sampler=$!; fi
  sleep 0.2; uac=$(cat "$dir/uac.pid" 2>/dev/null || echo 0); u0=0; u1=0
  while kill -0 "$sub" 2>/dev/null; do u1=$(awk '{print $14 + $15}' "/proc/$uac/stat" 2>/dev/null || echo "$u1"); sleep 0.5; done
  wait "$sub" || true
  [ -z "$sampler" ] || kill "$sampler" 2>/dev/null || true
  sleep 1; t1=$(ticks "$PEER_PID"); s1=$(date +%s.%N)
  c1=0; for p in "${CARRIER_PIDS[@]}"; do c1=$((c1 + $(ticks "$p"))); done
  local ok failed ref retrans elapsed
  ok=$(col "SuccessfulCall(C)" "$dir/stat.csv"); failed=$(col "FailedCall(C)" "$dir/stat.csv")
  retrans=$(col "Retransmissions(C)" "$dir/stat.csv"); elapsed=$(col "ElapsedTime(C)" "$dir/stat.csv")
  ref=$(refused "$(ls "$dir"/*_counts.csv | head -1)")
  ok=$((ok - ref))
  local offer
  offer=$(awk -F';' -v calls="$calls" -v rate="$rate" 'NR==1{for(i=1;i<=NF;i++){if($i=="ElapsedTime(C)")e=i; if($i=="OutgoingCall(C)")o=i}}
    NR>1 {split($e, t, ":"); now = t[1] * 3600 + t[2] * 60 + t[3]
      if ($o + 0 >= calls) {print (NR == 2) ? now : last + (calls - prev) / rate; exit}
      last = now; prev = $o}' "$dir/stat.csv")
  [ -n "$offer" ] && [ "$offer" != 0 ] || offer=$seconds
  awk -v ok="$ok" -v f="$failed" -v r="$ref" -v re="$retrans" -v a="$t0" -v b="$t1" -v hz="$HZ" -v s0="$s0" \
    -v s1="$s1" -v calls="$calls" -v offer="$offer" -v u0="$u0" -v u1="$u1" -v c0="$c0" -v c1="$c1" 'BEGIN{
      printf "%d %d %d %d %.0f %.0f %.0f %.0f %.0f %.0f\n", ok, f, r, re, (ok + r > 0) ? 1e6 * (b - a) / hz / (ok + r) : 0,
        100 * (b - a) / hz / (s1 - s0), calls / offer, ok / offer, 100 * (u1 - u0) / hz / (s1 - s0),
        100 * (c1 - c0) / hz / (s1 - s0) }'
}

# p99 of the numbers on stdin (ms), with their count, median and max; $1 is appended inside the brackets
p99_of() {
  sort -g | awk -v tail="$1" '{v[NR]=$1} END{if (NR == 0) {print "n/a"; exit} i=int(NR*0.99); if (i < 1) i=1
    printf "%.2f (n=%d, median %.2f, max %.1f%s)", v[i], NR, v[int((NR+1)/2)], v[NR], tail}'
}

# The half-peak step's UAC <-> router datagrams on the loopback, as the kernel timestamps them (tcpdump, 320-byte
# snapshots: the start line and the top Via): the router's own INVITE->100 time, without the SIPp UAC's loop (which
# reads its socket, and stamps its samples, only between its own sends; its clock moves in whole ms)
start_wire_capture() {
  WIRE_PID=""
  command -v tcpdump > /dev/null || return 0
  "${LOAD_PIN[@]}" tcpdump -i lo -nn -s 320 -B 65536 -w "$1" \
    "udp and ((src port $UAC_PORT and dst port $ROUTER_PORT) or (src port $ROUTER_PORT and dst port $UAC_PORT))" \
    2> "$1.log" &
  WIRE_PID=$!
  sleep 1
}
stop_wire_capture() {
  [ -n "$WIRE_PID" ] || return 0
  kill -INT "$WIRE_PID" 2>/dev/null || true
  wait "$WIRE_PID" 2>/dev/null || true
}
# p99 of the wire INVITE->100 times (first transmission of each INVITE to the first 100 with its branch), in ms
wire_invite_100() {
  [ -f "$1" ] || { echo "n/a (no tcpdump)"; return; }
  local drops
  drops=$(sed -n 's/^\([0-9]*\) packets dropped by kernel.*/\1/p' "$1.log")
  tcpdump -r "$1" -tt -nn -A 2> /dev/null | awk '
    /^[0-9]+\.[0-9]+ IP / {t = $1; kind = ""; via = 0; next}
    kind == "" && index($0, "INVITE sip:") {kind = "I"}
    kind == "" && index($0, "SIP/2.0 100 ") {kind = "T"}
    kind != "" && !via && index($0, "Via: SIP/2.0") && match($0, /branch=[-A-Za-z0-9_]+/) {
      via = 1; b = substr($0, RSTART + 7, RLENGTH - 7)
      if (kind == "I" && !(b in sent)) sent[b] = t
      else if (kind == "T" && (b in sent) && !(b in seen)) {seen[b] = 1; printf "%.3f\n", 1000 * (t - sent[b])}
    }' | p99_of "; capture drops ${drops:-?}"
}

# p99 of SIPp's INVITE->100 samples (rtt trace: date_ms;response_time_ms;rtd_no), in ms
p99_invite_100() {
  cat "$1"/*_rtt.csv 2>/dev/null | awk -F';' '$3 == "1" || $3 == "rtd1" {print $2}' | p99_of ""
}

max_gc_pause() {
  [ -n "$GC_LOG" ] && [ -f "$GC_LOG" ] || { echo "n/a (no collector)"; return; }
  tail -n +"$1" "$GC_LOG" | grep -E '\[gc,phases *\]|\[gc *\]' | grep -o 'Pause[A-Za-z ()]* [0-9.]*ms' |
    sed 's/.* \([0-9.]*\)ms$/\1 &/' | sort -g | awk '{ n++; max = $0 } END { if (n == 0) print "none (no collection)";
      else { sub(/^[^ ]* /, "", max); printf "%s (%d pauses)\n", max, n } }'
}

bench_peer() {
  PEER=$1
  sleep 5
  say ""
  say "### $PEER (load $(load) at the start)"
  case "$PEER" in
    crosspoint) start_crosspoint ;;
    kamailio) start_kamailio ;;
  esac
  start_carriers "$PEER"
  local w
  w=$(run_step warmup 500 "$WARMUP_SECONDS")
  say "- warm-up 500/s for ${WARMUP_SECONDS}s: ok failed 503 retrans µs/call cpu% rate = $w"
  limit_peer
  local gc_from=1
  [ -n "$GC_LOG" ] && gc_from=$(($(wc -l < "$GC_LOG") + 1))
  say ""
  say "| offered calls/s | achieved | completed | failed | 503 | retrans | $PEER µs CPU/call | $PEER CPU % of a core | SIPp UAC / carriers CPU % | load |"
  say "|---|---|---|---|---|---|---|---|---|---|"
  local peak=0 rate r
  [ -n "$GIVEN_PEAK" ] && RATES="" && peak=$GIVEN_PEAK
  for rate in $RATES; do
    sleep 4
    r=$(run_step "step-$rate" "$rate" "$STEP_SECONDS")
    read -r ok failed ref retrans us cpu achieved okps uaccpu carriercpu <<< "$r"
    say "| $rate | $achieved | $ok | $failed | $ref | $retrans | $us | $cpu | $uaccpu / $carriercpu | $(load) |"
    # the peak: no failed call and at least 99 % completed (a collector's cycle or the step's first second may get a
    # few calls refused with 503 and retried by the caller: not the capacity; a higher peak only makes twice it harder)
    if [ "$failed" -eq 0 ] && [ $((ok * 100)) -ge $((rate * STEP_SECONDS * 99)) ]; then peak=$rate; else break; fi
  done
  say ""
  if [ -n "$GIVEN_PEAK" ]; then
    say "- peak given (--peak, from an earlier run): $peak calls/s"
  else
    say "- **peak with 0 failed calls and at least 99 % completed: $peak calls/s**"
  fi
  if [ "$peak" -gt 0 ]; then
    local half=$((peak / 2)) double=$((peak * 2))
    sleep 4
    start_wire_capture "$OUT/$PEER/half-$half.pcap"
    # unsampled: a /metrics scrape every 0.3 s (fifty times Prometheus' usual rate) lengthened this step's tail,
    # p99 on the wire 7-17 ms against 3.7 ms without it, 5.3 ms with one a second (same build, router on its own
    # core, 8 Dec 2026)
    r=$(run_step "half-$half" "$half" "$STEP_SECONDS" "-trace_rtt -rtt_freq 1" unsampled)
    stop_wire_capture
    read -r ok failed ref retrans us cpu achieved okps uaccpu carriercpu <<< "$r"
    say "- half the peak, $half/s: $ok completed, $failed failed, $us µs/call; INVITE->100 p99 as SIPp saw it \
**$(p99_invite_100 "$OUT/$PEER/half-$half") ms**, on the wire **$(wire_invite_100 "$OUT/$PEER/half-$half.pcap") ms**"
    sleep 4
    r=$(run_step "double-$double" "$double" "$STEP_SECONDS")
    read -r ok failed ref retrans us cpu achieved okps uaccpu carriercpu <<< "$r"
    say "- twice the peak, $double/s offered ($achieved achieved): $ok completed, $okps a second = **$(awk -v c="$okps" \
-v p="$peak" 'BEGIN{printf "%.1f", 100*c/p}') % goodput** (completed a second against the peak's $peak; $(awk -v ok="$ok" \
-v n="$((double * STEP_SECONDS))" 'BEGIN{printf "%.1f", 100*ok/n}') % of the calls offered), $ref answered 503, $failed \
failed (timeouts, retransmissions given up), $retrans retransmissions, $us µs CPU per answered call, $PEER $cpu % of a \
core, SIPp UAC $uaccpu % and carriers $carriercpu %, load $(load)"
  fi
  say "- longest GC pause from the end of the warm-up to the end: $(max_gc_pause "$gc_from")"
  cleanup
  PIDS=()
  CARRIER_PIDS=()
}

{
  echo "# Router benchmark $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), \
$(free -g | awk '/Mem:/{print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); step ${STEP_SECONDS}s, hold ${HOLD_MS} ms"
  echo "command: bench/router-bench.sh $*"
} | tee "$REPORT"
gen_deck
say "- deck: $PREFIXES prefixes + 20 country codes over 3 carriers, 100,000 dialled numbers; md5 of carrier 1's deck \
$(md5sum "$OUT/deck-1.csv" | cut -c1-12)"
for peer in ${PEERS//,/ }; do bench_peer "$peer"; done
echo "report: $REPORT"
