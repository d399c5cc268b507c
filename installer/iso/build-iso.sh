#!/usr/bin/env bash
# Builds the Crosspoint appliance ISO with live-build: a bootable Debian 12 system that holds the
# crosspoint package and its dependencies (no network needed after boot) and runs crosspoint-install,
# which asks only for the network settings and the administrator password, copies the system onto
# the first disk and restarts into a running appliance.
#   installer/iso/build-iso.sh [DEB]     DEB: the appliance package (default: the newest in installer/target)
# Output: installer/target/iso/crosspoint-<version>-amd64.iso. Needs root, Debian's archive, about
# 15 minutes on 2 cores and 3 GB of disk.
# Needs: apt-get install live-build squashfs-tools xorriso
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian).
#
# Why live-build and not debian-installer: the debian-installer images (installer-amd64/.../images)
# are not served by the Debian package mirror this project's machines reach, only the packages are;
# live-build builds everything from packages.
set -euo pipefail
export PATH=/usr/sbin:/usr/bin:/sbin:/bin

here="$(cd "$(dirname "$0")" && pwd)"
target="$(cd "$here/.." && pwd)/target"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

die() {
  printf 'build-iso: %s\n' "$*" >&2
  exit 1
}

[[ $(id -u) -eq 0 ]] || die "run as root (live-build needs it)"
for tool in lb mksquashfs xorriso dpkg-deb; do
  command -v "$tool" > /dev/null || die "$tool is missing (see the comment at the top)"
done

deb="${1:-}"
if [[ -z "$deb" ]]; then
  deb="$(ls -t "$target"/crosspoint_*_all.deb 2> /dev/null | head -n1 || true)"
  [[ -n "$deb" ]] || die "no crosspoint_*_all.deb in $target: run 'mvn -pl installer -am package' first"
fi
version="$(dpkg-deb --field "$deb" Version)"
work="$target/iso-build"
out="$target/iso"
mkdir -p "$out"
if [[ -d "$work" ]]; then
  (cd "$work" && lb clean --purge > /dev/null 2>&1) || true
  rm -rf "$work"
fi
mkdir -p "$work"
cd "$work"

echo "build-iso: crosspoint $version from $deb, Debian packages from $mirror"
lb config --mode debian --distribution bookworm --architectures amd64 \
  --mirror-bootstrap "$mirror" --mirror-chroot "$mirror" --mirror-binary "$mirror" \
  --security false --updates false --backports false --archive-areas main --apt-recommends false \
  --apt-indices false --debian-installer none --firmware-binary false --firmware-chroot false \
  --memtest none --linux-flavours amd64 --binary-images iso-hybrid --bootloaders syslinux \
  --chroot-squashfs-compression-type zstd \
  --bootappend-live "boot=live console=tty0 console=ttyS0,115200n8" \
  --iso-application "Crosspoint appliance installer" --iso-volume "CROSSPOINT" \
  --iso-publisher "Crosspoint" > lb-config.log
# our lists replace live-build's (which would add live-config and its auto-login user)
rm -f config/package-lists/*.list.chroot
cp -r "$here/live/." config/
mkdir -p config/packages.chroot
cp "$deb" config/packages.chroot/

lb build > lb-build.log 2>&1 || die "lb build failed; its log: $work/lb-build.log"
iso="$(ls -t "$work"/*.iso 2> /dev/null | head -n1 || true)"
[[ -n "$iso" ]] || die "live-build made no ISO (see $work/lb-build.log)"
mv "$iso" "$out/crosspoint-$version-amd64.iso"
echo "build-iso: $out/crosspoint-$version-amd64.iso ($(du -h "$out/crosspoint-$version-amd64.iso" | cut -f1))"
