#!/usr/bin/env bash
# SIPp benchmark of Crosspoint against Kamailio (docs/benchmarks.md). Needs sipp (Debian: sip-tester) and
# kamailio, and a build: `mvn -DskipTests package` from the repository root. Options go to SipBench
# (--help-less: an unknown option prints the usage). All load stays on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -d appliance/target/test-classes/com/crosspoint/bench || ! -d appliance/target/lib ]]; then
  echo "sip-bench: build first: mvn -DskipTests package" >&2
  exit 2
fi
# The harness (SippRunner, KamailioServer) lives in test scope: resolve the test classpath once.
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  # (package in the same run, so the web-chat module resolves from the reactor, not from ~/.m2)
  mvn -q -B -pl appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-classpath.txt
fi
exec java -cp "appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")" \
  com.crosspoint.bench.SipBench "$@"
