#!/usr/bin/env bash
# End-to-end voicemail load (docs/benchmarks.md, "Voicemail: concurrent calls end to end"). Needs sipp (Debian:
# sip-tester) and a build: `mvn -DskipTests package` from the repository root. Options go to VoicemailLoad:
# --calls=300 --seconds=30 --rate=50 --warmup=5 --rtp-base=40000 --jvm-opts="..." --keep. All load stays on 127.0.0.1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ ! -f appliance/target/test-classes/com/crosspoint/media/bench/VoicemailLoad.class || ! -d appliance/target/lib ]]; then
  echo "voicemail-load: build first: mvn -DskipTests package" >&2
  exit 2
fi
# The harness (SippRunner, FreePorts) lives in test scope: resolve the test classpath once.
cp_file=appliance/target/bench-classpath.txt
if [[ ! -s $cp_file || appliance/pom.xml -nt $cp_file ]]; then
  mvn -q -B -o -pl web-chat,appliance -am -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$root/$cp_file"
fi
exec java -cp "appliance/target/test-classes:appliance/target/classes:$(cat "$cp_file")" \
  com.crosspoint.media.bench.VoicemailLoad "$@"
