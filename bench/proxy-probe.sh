#!/usr/bin/env bash
# Quick throughput probe of the lean proxy core (issue 12), not the benchmark of record:
# SIPp UAC (proxy-uac.xml, calls held 1 s) -> ProxyProbeMain -> SIPp UAS (uas-answer.xml), one step per rate.
# Needs `mvn -o -pl appliance -am test-compile` first. Prints per step: calls ok/failed, retransmissions,
# the proxy's CPU per call. Usage: bench/proxy-probe.sh [--seconds=10] [--jvm-opts="..."] [--peer=kamailio] rate...
# --peer=kamailio runs bench/kamailio-proxy.cfg (tm, rr, one next hop, 2 children) in the proxy's place.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_STEP=10
JVM_OPTS=""
PEER=proxy
RATES=()
for a in "$@"; do
  case "$a" in
    --seconds=*) SECONDS_PER_STEP="${a#*=}" ;;
    --jvm-opts=*) JVM_OPTS="${a#*=}" ;;
    --peer=*) PEER="${a#*=}" ;;
    *) RATES+=("$a") ;;
  esac
done
[ ${#RATES[@]} -gt 0 ] || RATES=(250 500 1000 1500 2000)
M2="${M2_REPO:-$HOME/.m2/repository}"
CP="appliance/target/classes:appliance/target/test-classes:$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
CP="$CP:$M2/ch/qos/logback/logback-classic/1.5.18/logback-classic-1.5.18.jar:$M2/ch/qos/logback/logback-core/1.5.18/logback-core-1.5.18.jar"
OUT="$PWD/target/proxy-probe/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
PROXY_PORT=${PROXY_PORT:-15160}; UAS_PORT=${UAS_PORT:-15170}; UAC_PORT=${UAC_PORT:-15180}
SCEN=appliance/src/test/resources/sipp

if [ "$PEER" = kamailio ]; then
  mkdir -p "$OUT/kamailio"
  kamailio -DD -E -f bench/kamailio-proxy.cfg -l udp:127.0.0.1:"$PROXY_PORT" -A TARGET="\"sip:127.0.0.1:$UAS_PORT\"" \
    -Y "$OUT/kamailio" -w "$OUT/kamailio" -P "$OUT/kamailio/pid" -m 512 -M 8 > "$OUT/proxy.log" 2>&1 &
  PROXY=$!
  echo "meter alloc=0" >> "$OUT/proxy.log"
else
  # shellcheck disable=SC2086
  java $JVM_OPTS -cp "$CP" com.crosspoint.proxy.ProxyProbeMain "$PROXY_PORT" "$UAS_PORT" > "$OUT/proxy.log" 2>&1 &
  PROXY=$!
fi
sipp -sf "$SCEN/uas-answer.xml" -i 127.0.0.1 -p "$UAS_PORT" -mp 16000 -cp 15190 -nostdin -m 100000000 \
  -trace_err -error_file "$OUT/uas-errors.log" > "$OUT/uas.log" 2>&1 &
UAS=$!
trap 'kill $UAS 2>/dev/null; kill $PROXY 2>/dev/null; wait $UAS $PROXY 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q '^meter' "$OUT/proxy.log" && break; sleep 0.2; done
sleep 1
if ! kill -0 "$UAS" 2>/dev/null || ! kill -0 "$PROXY" 2>/dev/null; then
  echo "the SIPp UAS or the peer did not start (port busy?): see $OUT" >&2
  exit 1
fi
# CPU ticks of the peer and all its descendants (Kamailio's workers are child processes)
ticks() {
  local pids total=0 p
  pids="$PROXY $(pgrep -P "$PROXY" | tr '\n' ' ')"
  for p in $pids; do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$total"
}
HZ=$(getconf CLK_TCK)
col() { awk -F';' -v name="$1" 'NR==1{for(i=1;i<=NF;i++) if($i==name) c=i} END{print $c}' "$2"; }

alloc() { { grep '^meter' "$OUT/proxy.log" || echo "meter alloc=0"; } | tail -1 | sed 's/.*alloc=\([0-9]*\).*/\1/'; }
echo "| rate/s | calls ok | failed | retrans | wall s | proxy CPU % of a core | proxy µs CPU/call | proxy bytes allocated/call | machine load |"
echo "|---|---|---|---|---|---|---|---|---|"
for rate in "${RATES[@]}"; do
  calls=$((rate * SECONDS_PER_STEP))
  t0=$(ticks); s0=$(date +%s.%N); a0=$(alloc)
  sipp 127.0.0.1:"$PROXY_PORT" -sf "$SCEN/proxy-uac.xml" -s bob -i 127.0.0.1 -p "$UAC_PORT" -mp 16100 -cp 15191 \
    -r "$rate" -m "$calls" -d 1000 -l $((rate * 4)) -nostdin -timeout $((SECONDS_PER_STEP + 30))s -timeout_error \
    -trace_stat -stf "$OUT/uac-$rate.csv" -fd 1 > "$OUT/uac-$rate.log" 2>&1 || true
  sleep 1.2; t1=$(ticks); s1=$(date +%s.%N); a1=$(alloc)
  ok=$(col "SuccessfulCall(C)" "$OUT/uac-$rate.csv"); failed=$(col "FailedCall(C)" "$OUT/uac-$rate.csv")
  retrans=$(col "Retransmissions(C)" "$OUT/uac-$rate.csv")
  cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$HZ" -v s0="$s0" -v s1="$s1" 'BEGIN{printf "%.0f", 100*(b-a)/hz/(s1-s0)}')
  per=$(awk -v a="$t0" -v b="$t1" -v hz="$HZ" -v n="$ok" 'BEGIN{printf "%.0f", (n > 0) ? 1e6*(b-a)/hz/n : 0}')
  bpc=$(awk -v a="$a0" -v b="$a1" -v n="$ok" 'BEGIN{printf "%.0f", (n > 0) ? (b-a)/n : 0}')
  wall=$(awk -v s0="$s0" -v s1="$s1" 'BEGIN{printf "%.1f", s1-s0-1.2}')
  echo "| $rate | $ok | $failed | $retrans | $wall | $cpu | $per | $bpc | $(cut -d' ' -f1 /proc/loadavg) |"
  sleep 3
done
kill $PROXY; wait $PROXY 2>/dev/null || true
grep '^requests=' "$OUT/proxy.log" || true
echo "logs in $OUT"
