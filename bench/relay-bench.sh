#!/usr/bin/env bash
# RTP relay benchmark: Crosspoint's relay against rtpengine in userspace (docs/benchmarks.md). Needs rtpengine
# (Debian: rtpengine-daemon; only the binary is used, started and stopped by the benchmark with --table=-1, so no
# kernel module and no service) and a build: `mvn -DskipTests package` from the repository root. Options go to
# RelayBench (an unknown option prints the usage). All traffic stays on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -d appliance/target/test-classes/com/crosspoint/bench ]]; then
  echo "relay-bench: build first: mvn -DskipTests package" >&2
  exit 2
fi
if systemctl is-active --quiet rtpengine-daemon 2>/dev/null || pgrep -x rtpengine >/dev/null; then
  echo "relay-bench: an rtpengine is already running; stop it first (it would compete for the CPU)" >&2
  exit 2
fi
# The harness lives in test scope: resolve the test classpath once (see sip-bench.sh).
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  mvn -q -B -pl appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
# -XX:AutoBoxCacheMax as the appliance's launchers set it (the in-process relay runs as it would there)
exec java -XX:AutoBoxCacheMax=65536 -cp "appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")" \
  com.crosspoint.bench.RelayBench "$@"
