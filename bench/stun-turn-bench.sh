#!/usr/bin/env bash
# STUN Binding/s, TURN relayed packets/s and memory per TURN allocation: Crosspoint against coturn's turnserver,
# both on this machine, one after the other in one run (docs/benchmarks.md, "STUN and TURN"). Needs the Debian
# package coturn (turnserver, turnutils_uclient, turnutils_peer) and a build: `mvn -DskipTests package` from the
# repository root. All traffic stays on 127.0.0.1. Environment: SECONDS_RUN (10), CLIENTS (50), MESSAGES (2000),
# ALLOCATIONS (1000); PARTS ("memory stun turn") and SERVERS ("crosspoint coturn") to run only some, e.g.
# PARTS=turn SERVERS=crosspoint for the appliance's CPU per relayed packet alone; XP_JAVA_OPTS adds JVM options
# (e.g. -XX:StartFlightRecording=filename=/tmp/xp.jfr,settings=profile for an allocation and CPU profile).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
for tool in turnserver turnutils_uclient turnutils_peer jcmd; do
  command -v "$tool" >/dev/null || { echo "stun-turn-bench: $tool missing (apt-get install coturn; a JDK)" >&2; exit 2; }
done
if [[ ! -d appliance/target/test-classes/com/crosspoint/bench || ! -d appliance/target/lib ]]; then
  echo "stun-turn-bench: build first: mvn -DskipTests package" >&2
  exit 2
fi
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  mvn -q -B -pl appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
test_cp="appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")"
seconds=${SECONDS_RUN:-10}; clients=${CLIENTS:-50}; messages=${MESSAGES:-2000}; allocations=${ALLOCATIONS:-1000}
parts=" ${PARTS:-memory stun turn} "; servers=" ${SERVERS:-crosspoint coturn} "
wanted() { [[ $parts == *" $1 "* && $servers == *" $2 "* ]]; }
password=bench-turn-secret; realm=demo.crosspoint.local
xp_port=34780; coturn_port=34790; peer_port=34800
work=$(mktemp -d /tmp/stun-turn-bench.XXXXXX)
ulimit -n "$(ulimit -Hn)"  # every allocation is a socket: coturn and the holding client must not stop at 1024
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

cpu_seconds() { awk '{print ($14 + $15) / 100}' "/proc/$1/stat"; }
# The appliance's STUN/TURN loop threads alone: its JIT compiler, GC and other services left out.
io_cpu_seconds() {
  local t ticks=0
  for t in /proc/"$1"/task/*; do
    if [[ $(cat "$t/comm" 2>/dev/null) == turn-io* ]]; then
      ticks=$((ticks + $(awk '{print $14 + $15}' "$t/stat")))
    fi
  done
  echo "scale=2; $ticks / 100" | bc
}
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }

cat > "$work/node.yaml" <<YAML
network: {bind: 127.0.0.1}
sip: {port: 35060}
http: {port: 38080}
turn: {port: $xp_port, relayPortMin: 40000, relayPortMax: 44999, requestsPerSecondPerSource: 1000000,
       allocationsPerUser: 100000, allocationsPerTenant: 100000, maxAllocations: 100000, allowedPeers: [127.0.0.1/32]}
demo: {enabled: true, extensions: ["1001"], password: $password, pin: "246810"}
YAML
CROSSPOINT_DATA="$work/data" CROSSPOINT_ADMIN_PASSWORD=bench-admin-secret \
  java -Xmx1g ${XP_JAVA_OPTS:-} -cp "appliance/target/classes:appliance/target/lib/*" com.crosspoint.boot.Main run \
  --config "$work/node.yaml" > "$work/appliance.log" 2>&1 &
xp=$!; pids+=("$xp")
turnserver -n --listening-ip=127.0.0.1 --relay-ip=127.0.0.1 --listening-port=$coturn_port --min-port=45000 \
  --max-port=49999 --lt-cred-mech --user=1001:$password --realm=$realm --no-tls --no-dtls --no-cli \
  --allow-loopback-peers --total-quota=0 --user-quota=0 --userdb="$work/turndb" --pidfile="$work/turn.pid" \
  --log-file=stdout --simple-log > "$work/coturn.log" 2>&1 &
coturn=$!; pids+=("$coturn")
turnutils_peer -L 127.0.0.1 -p $peer_port > "$work/peer.log" 2>&1 &
pids+=("$!")
for _ in $(seq 1 120); do grep -q "Crosspoint is running" "$work/appliance.log" && break; sleep 1; done
grep -q "Crosspoint is running" "$work/appliance.log" || { echo "appliance did not start: $work/appliance.log" >&2; exit 1; }
sleep 2

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -m | awk '/Mem/ {print $2}') MiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java $(java -version 2>&1 | head -1), $(turnserver --version 2>/dev/null | head -1 || echo coturn)"

stun_bench() { # name pid port
  local before after out
  before=$(cpu_seconds "$2")
  out=$(java -cp "$test_cp" com.crosspoint.bench.StunLoad 127.0.0.1 "$3" "$seconds" 8 32)
  after=$(cpu_seconds "$2")
  echo "stun $1: $out server_cpu_seconds=$(echo "$after - $before" | bc)"
}

turn_bench() { # name pid port clients messages interval-ms
  local before after start end out recv lost io_before io_after io=""
  before=$(cpu_seconds "$2"); start=$(date +%s.%N); io_before=$(io_cpu_seconds "$2")
  out=$(timeout 300 turnutils_uclient -u 1001 -w $password -e 127.0.0.1 -r $peer_port -p "$3" -m "$4" \
        -n "$5" -l 172 -z "$6" -c 127.0.0.1 2>&1 || true)
  end=$(date +%s.%N); after=$(cpu_seconds "$2"); io_after=$(io_cpu_seconds "$2")
  if [[ $1 == crosspoint ]]; then
    io=" io_threads_cpu_seconds=$(echo "$io_after - $io_before" | bc)"
  fi
  recv=$(grep -o 'tot_recv_msgs=[0-9]*' <<<"$out" | tail -1 | cut -d= -f2)
  lost=$(grep -o 'Total lost packets [0-9]* ([0-9.]*%)' <<<"$out" | tail -1)
  # Each echoed message crosses the relay twice: client -> peer and peer -> client.
  echo "turn $1 ($4 clients x $5 messages, one per $6 ms): relayed_packets_per_second=$(echo "scale=0; 2 * ${recv:-0} / ($end - $start)" | bc) received=${recv:-0} ($lost) wall=$(echo "$end - $start" | bc) server_cpu_seconds=$(echo "$after - $before" | bc)$io"
}

memory_bench() { # name pid port
  local fifo="$work/hold-$1" heap_before heap_after rss_before rss_after line
  [[ $1 == crosspoint ]] && { jcmd "$2" GC.run >/dev/null; heap_before=$(jcmd "$2" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9); }
  rss_before=$(rss_kib "$2")
  mkfifo "$fifo"
  java -cp "$test_cp" com.crosspoint.bench.AllocationHold 127.0.0.1 "$3" 1001 $password "$allocations" < "$fifo" > "$work/hold-$1.out" &
  local holder=$!
  exec 9> "$fifo"
  for _ in $(seq 1 300); do grep -q allocated= "$work/hold-$1.out" && break; sleep 1; done
  line=$(cat "$work/hold-$1.out")
  sleep 1
  rss_after=$(rss_kib "$2")
  if [[ $1 == crosspoint ]]; then
    jcmd "$2" GC.run >/dev/null; heap_after=$(jcmd "$2" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
    echo "memory $1: $line heap_bytes_per_allocation=$(( (heap_after - heap_before) * 1024 / allocations )) rss_kib_delta=$(( rss_after - rss_before ))"
  else
    echo "memory $1: $line rss_bytes_per_allocation=$(( (rss_after - rss_before) * 1024 / allocations ))"
  fi
  exec 9>&-
  wait "$holder" || true
  rm -f "$fifo"
}

# Memory first, on servers without allocations (uclient leaves its allocations to expire, and a holder socket
# that happened to reuse an old client port would get 437).
wanted memory crosspoint && memory_bench crosspoint "$xp" $xp_port
wanted memory coturn && memory_bench coturn "$coturn" $coturn_port
# Warm the appliance's JIT with one round before measuring (coturn is native): else the compiler threads' CPU
# (the same process) counts as relaying.
if wanted stun crosspoint; then
  java -cp "$test_cp" com.crosspoint.bench.StunLoad 127.0.0.1 $xp_port 5 8 32 > /dev/null
fi
wanted stun crosspoint && stun_bench crosspoint "$xp" $xp_port
wanted stun coturn && stun_bench coturn "$coturn" $coturn_port
# Two flat-out rounds first: measured cold, the compiler threads took a third of the appliance's CPU; after one
# round 13 %, after two 7 % (coturn is native).
if wanted turn crosspoint; then
  for _ in 1 2; do
    timeout 300 turnutils_uclient -u 1001 -w $password -e 127.0.0.1 -r $peer_port -p $xp_port -m "$clients" \
      -n "$messages" -l 172 -z 1 -c 127.0.0.1 > /dev/null 2>&1 || true
  done
fi
# Flat out: each client sends as fast as uclient paces (1 ms), so the relays' throughput and loss show.
wanted turn crosspoint && turn_bench crosspoint "$xp" $xp_port "$clients" "$messages" 1
wanted turn coturn && turn_bench coturn "$coturn" $coturn_port "$clients" "$messages" 1
# Like calls: 200 clients at 50 packets/s each (G.711 20 ms), 10 s.
wanted turn crosspoint && turn_bench crosspoint "$xp" $xp_port 200 500 20
wanted turn coturn && turn_bench coturn "$coturn" $coturn_port 200 500 20
echo "# logs in $work"
