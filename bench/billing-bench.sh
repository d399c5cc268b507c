#!/usr/bin/env bash
# Billing figures without SIP (issue 14): rating CDRs/s in memory on 1 and 2 threads; on a fresh Derby database the
# authorisation latency (reservation committed), rate + settle of stored CDRs/s, re-rating CDRs/s. Needs a build with
# test classes: `mvn -DskipTests package` from the repository root. Environment: RUN_SECONDS (5), CALLS (10000), HEAP (512m),
# PEAK (520: the set-up rate whose p99 is asked for, run at once and at twice; the lean router peaks near 5000).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -d appliance/target/test-classes/com/crosspoint/billing/bench ]]; then
  echo "billing-bench: build first: mvn -DskipTests package" >&2
  exit 2
fi
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  mvn -q -B -o -pl appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xms"${HEAP:-512m}" -Xmx"${HEAP:-512m}" \
  -cp "appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")" \
  com.crosspoint.billing.bench.BillingBench "${RUN_SECONDS:-5}" "${CALLS:-10000}" "${PEAK:-520}"
