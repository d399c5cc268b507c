#!/usr/bin/env bash
# Re-rating a month at full size (issue 14: 10 million CDRs in under 10 minutes), without SIP: seeds a Derby database
# once by CSV import (the seeding is not part of the figure), then re-rates the month with every price changed and
# again with nothing changed. Needs a build with test classes: `mvn -DskipTests package` from the repository root.
# Environment: CDRS (10000000), DIR (the database, kept and reused: each run raises the prices once more; about 1 GB
# per million CDRs plus 0.3 GB per re-rated million), HEAP (1g), DERBY_OPTS (the Derby engine settings of the run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -d appliance/target/test-classes/com/crosspoint/billing/bench ]]; then
  echo "rerate-bench: build first: mvn -DskipTests package" >&2
  exit 2
fi
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  mvn -q -B -o -pl appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
cdrs="${CDRS:-10000000}"
dir="${DIR:-/tmp/rerate-bench-$cdrs}"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# commit $(git rev-parse --short HEAD); disk: $(df -h "$(dirname "$dir")" | tail -1 | awk '{print $4 " free"}')"
# a page cache of 20,000 pages (80 MB) and 1 MB log buffers: see docs/benchmarks.md
java -Xms"${HEAP:-1g}" -Xmx"${HEAP:-1g}" ${DERBY_OPTS:--Dderby.storage.pageCacheSize=20000 -Dderby.storage.logBufferSize=1048576} \
  -cp "appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")" \
  com.crosspoint.billing.bench.RerateBench "$cdrs" "$dir" "$@"
