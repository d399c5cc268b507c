#!/usr/bin/env bash
# Boot check of the appliance ISO, headless in QEMU (serial console, no display): installs it onto an
# empty virtual disk without a human (crosspoint-install's boot parameters answer its questions), then
# boots the installed disk and checks that the appliance answers SIP OPTIONS and HTTP /health, and
# that the administrator password given to the installer logs in.
#   installer/iso/boot-check.sh [ISO]        ISO: default the newest in installer/target/iso
# Logs: installer/target/iso-check/{install,boot}.log (the serial consoles).
# Needs: apt-get install qemu-system-x86 qemu-utils xorriso curl sipsak
# Environment: ACCEL (tcg, the default, or kvm); BOOT_ONLY=1 skips the installation and boots the disk
#   the last run installed (its password kept in iso-check/admin-password);
#   INSTALL_TIMEOUT and BOOT_TIMEOUT in seconds (default 5400 and 2700: TCG on 2 cores is slow).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
target="$(cd "$here/.." && pwd)/target"
work="$target/iso-check"

die() {
  printf 'boot-check: %s\n' "$*" >&2
  exit 1
}

for tool in qemu-system-x86_64 qemu-img xorriso curl sipsak; do
  command -v "$tool" > /dev/null || die "$tool is missing (see the comment at the top)"
done
iso="${1:-$(ls -t "$target"/iso/*.iso 2> /dev/null | head -n1 || true)}"
[[ -f "$iso" ]] || die "no ISO: build one with installer/iso/build-iso.sh"

# TCG by default: on this project's machines /dev/kvm opens, but a guest under it never runs (nested
# virtualization without the CPU features); ACCEL=kvm where KVM works makes the check minutes long.
ACCEL="${ACCEL:-tcg}"

free_port() {
  local port
  while :; do
    port=$((30000 + RANDOM % 20000))
    if ! ss -Hltun | awk '{print $5}' | grep -q ":$port\$"; then
      echo "$port"
      return
    fi
  done
}

machine=(-accel "$ACCEL" -m 2048 -smp 2 -display none -nodefaults -no-reboot -vga none -device VGA,addr=0x5)
# One PCI layout for both phases: the installer names the network interface (ens2) in the installed
# system's configuration, as it would on the same hardware.
disk=(-drive file=disk.qcow2,if=none,id=disk,format=qcow2 -device virtio-blk-pci,drive=disk,addr=0x3)
nic=(-device virtio-net-pci,netdev=net,addr=0x2)

if [[ "${BOOT_ONLY:-0}" == 1 ]]; then
  [[ -f "$work/disk.qcow2" && -f "$work/admin-password" ]] || die "BOOT_ONLY=1 needs an installed $work/disk.qcow2"
  cd "$work"
  password="$(cat admin-password)"
else
  rm -rf "$work"
  mkdir -p "$work"
  cd "$work"
  qemu-img create -q -f qcow2 disk.qcow2 8G
  xorriso -osirrox on -indev "$iso" -extract /live/vmlinuz vmlinuz -extract /live/initrd.img initrd.img > /dev/null 2>&1 \
    || die "$iso has no /live/vmlinuz and /live/initrd.img"
  password="$(head -c 12 /dev/urandom | base64 | tr '+/' 'xy')"
  (umask 077 && echo "$password" > admin-password)

  echo "boot-check: installing $(basename "$iso") ($ACCEL), serial console in $work/install.log"
  start=$(date +%s)
  timeout "${INSTALL_TIMEOUT:-5400}" qemu-system-x86_64 "${machine[@]}" \
    -kernel vmlinuz -initrd initrd.img \
    -append "boot=live console=ttyS0,115200n8 crosspoint.auto=1 crosspoint.password=$password crosspoint.hostname=crosspoint-vm" \
    -drive file="$iso",media=cdrom,readonly=on "${disk[@]}" -netdev user,id=net "${nic[@]}" \
    -serial file:install.log || die "the installation did not end in time (install.log)"
  grep -q "crosspoint-install: done" install.log || die "the installer did not finish: tail of install.log:
$(tail -n 30 install.log)"
  echo "boot-check: installed in $(( $(date +%s) - start )) s"
fi

http="$(free_port)"
sip="$(free_port)"
echo "boot-check: booting the installed disk, HTTP 127.0.0.1:$http -> 8080, SIP 127.0.0.1:$sip -> 5060/udp"
start=$(date +%s)
qemu-system-x86_64 "${machine[@]}" "${disk[@]}" \
  -netdev "user,id=net,hostfwd=tcp:127.0.0.1:$http-:8080,hostfwd=udp:127.0.0.1:$sip-:5060" "${nic[@]}" \
  -serial file:boot.log &
vm=$!
trap 'kill "$vm" 2> /dev/null || true' EXIT

deadline=$(( $(date +%s) + ${BOOT_TIMEOUT:-2700} ))
until health="$(curl -sf --max-time 5 "http://127.0.0.1:$http/api/v1/health")"; do
  kill -0 "$vm" 2> /dev/null || die "the VM stopped: tail of boot.log:
$(tail -n 30 boot.log)"
  [[ $(date +%s) -lt $deadline ]] || die "no answer on /health in time: tail of boot.log:
$(tail -n 30 boot.log)"
  sleep 10
done
echo "boot-check: /health after $(( $(date +%s) - start )) s: $health"
sipsak -s "sip:check@127.0.0.1:$sip" -v > sip.log 2>&1 || die "no answer to SIP OPTIONS: $(cat sip.log)"
echo "boot-check: SIP OPTIONS: $(grep -m1 'SIP/2.0' sip.log)"
login="$(curl -sf -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$password\"}" "http://127.0.0.1:$http/api/v1/auth/login")" \
  || die "the administrator password given to the installer does not log in"
echo "boot-check: admin login: role $(echo "$login" | grep -o '"role":"[A-Z]*"')"
echo "boot-check: passed"
