#!/usr/bin/env bash
# Contact center under load (docs/benchmarks.md, "Contact center: chats and queued calls", issue 13): 1,000 chat
# visitors on /chat/ws, 50 agents on the API and event stream, 200 SIPp callers waiting in a voice queue with music
# on hold and announcements; prints visitor -> agent delivery p99, messages lost and the hold audio's arrival slip.
# Needs sipp (Debian: sip-tester) and a build: `mvn -DskipTests package` from the repository root. Options go to
# AcdLoad: --visitors=1000 --agents=50 --calls=200 --seconds=60 --warmup=15 --message-interval-ms=5000
# --jvm-opts="..." --appliance-nice=-10 --receiver-nice=-10 --wire=off (see the class). All load stays on 127.0.0.1.
# The hold audio is also captured on loopback with tcpdump (needs root or CAP_NET_RAW) and judged by the kernel's stamps.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -f appliance/target/test-classes/com/crosspoint/acd/bench/AcdLoad.class || ! -d appliance/target/lib ]]; then
  echo "acd-bench: build first: mvn -DskipTests package" >&2
  exit 2
fi
# The harness (SippRunner, ApplianceProcess, FreePorts) lives in test scope: resolve the test classpath once.
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  mvn -q -B -o -pl appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$cp_file"
fi
exec java -cp "appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")" \
  com.crosspoint.acd.bench.AcdLoad "$@"
