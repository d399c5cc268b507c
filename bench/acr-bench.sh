#!/usr/bin/env bash
# Adaptive Call Router figures without SIP (docs/benchmarks.md, "Adaptive Call Router: rates"): rate-deck CSV
# read-and-build rows/s, heap bytes per prefix and longest-prefix lookups/s for 1,000,000 prefixes over 10 carriers,
# routing decisions/s, and (STORE=1) one 1,000,000-row deck imported into Derby. Needs a build with test classes:
# `mvn -DskipTests package` from the repository root. Environment: PREFIXES (1000000), CARRIERS (10), SECONDS (5),
# STORE (0), HEAP (1g).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -d appliance/target/test-classes/com/crosspoint/acr/bench ]]; then
  echo "acr-bench: build first: mvn -DskipTests package" >&2
  exit 2
fi
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  mvn -q -B -o -pl appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
store=(); [[ ${STORE:-0} == 1 ]] && store=(--store)
java -Xms"${HEAP:-1g}" -Xmx"${HEAP:-1g}" \
  -cp "appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")" \
  com.crosspoint.acr.bench.RateLookupBench "${PREFIXES:-1000000}" "${CARRIERS:-10}" "${SECONDS:-5}" "${store[@]}"
