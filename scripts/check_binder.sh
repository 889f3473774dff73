#!/usr/bin/env bash
# Builds binder/Dockerfile here with podman, the way Binder would build it from the repository, then
# starts the image's own Jupyter command inside the image, as its learner user, on loopback, and runs
# lesson 00 and lesson 01 (fast mode) through that server with the pass rules of ./course test
# (scripts/check_course_start.py). Prints the build time, the image size and what takes the space,
# then removes everything it made.
#
# Too slow for every CI run (about 10 minutes, 2 GB downloaded): run it whenever binder/ or the setup
# in ./course changes. Needs root (podman, chroot). Usage: scripts/check_binder.sh [--keep]
#   --keep  keep the built image (localhost/jft-binder:check) and the base image for another look
#
# How, on a machine without a container registry or a working `podman run`:
# - the base image debian:bookworm-slim is made from Debian's packages with debootstrap (minbase)
#   and imported into podman's local storage;
# - `podman build --isolation=chroot` builds on it;
# - `podman run` cannot start containers here (crun may not set resource limits), so the check
#   mounts a container's file system and runs the image's command in it with chroot, with the
#   image's user, working directory and environment.
# The build context is `git archive HEAD`: what Binder clones, not the files of this working tree.
# Where this machine trusts extra certificate authorities (a TLS-inspecting proxy in front of the
# registries), they are mounted into the build read-only, so that Maven and npm inside can reach
# the registries; Binder builds without them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGE=localhost/jft-binder:check
BASE=localhost/debian:bookworm-slim
KEEP=0
[[ "${1:-}" == "--keep" ]] && KEEP=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'check_binder: %s\n' "$*" >&2; exit 1; }

[[ $EUID -eq 0 ]] || fail "run as root: podman builds and chroot need it (sudo scripts/check_binder.sh)"
for tool in podman debootstrap; do
  command -v "$tool" >/dev/null || { say "Installing $tool"; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
[[ -z "$(git -C "$ROOT" status --porcelain)" ]] || say "Note: uncommitted changes are not in the image (it builds HEAD)"

WORK="$(mktemp -d /var/tmp/jft-binder.XXXXXX)"
CONTAINER="" MOUNTED="" MADE_BASE=0
cleanup() {
  set +e
  if [[ -n "$MOUNTED" ]]; then
    umount -R "$MOUNTED/dev" "$MOUNTED/proc" 2>/dev/null
    podman umount "$CONTAINER" >/dev/null
  fi
  [[ -n "$CONTAINER" ]] && podman rm -f "$CONTAINER" >/dev/null
  if (( ! KEEP )); then
    podman rmi -f "$IMAGE" >/dev/null 2>&1
    (( MADE_BASE )) && podman rmi -f "$BASE" >/dev/null 2>&1
    podman image prune -f >/dev/null 2>&1   # the build's intermediate layers
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! podman image exists "$BASE"; then
  say "Making the base image $BASE from Debian's packages (debootstrap, about a minute)"
  debootstrap --variant=minbase bookworm "$WORK/rootfs" >"$WORK/debootstrap.log" 2>&1 \
    || fail "debootstrap failed; its log: $(tail -5 "$WORK/debootstrap.log")"
  tar -C "$WORK/rootfs" -c . | podman import - "$BASE" >/dev/null
  rm -rf "$WORK/rootfs"
  MADE_BASE=1
fi

say "Building binder/Dockerfile from git HEAD ($(git -C "$ROOT" rev-parse --short HEAD))"
mkdir "$WORK/context"
git -C "$ROOT" archive HEAD | tar -x -C "$WORK/context"
extra_ca=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  extra_ca=(--volume /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro)
fi
started=$SECONDS
podman build --no-cache --isolation=chroot --network host "${extra_ca[@]}" \
  --build-arg NB_USER=jovyan --build-arg NB_UID=1000 \
  -t "$IMAGE" -f "$WORK/context/binder/Dockerfile" "$WORK/context" >"$WORK/build.log" 2>&1 \
  || fail "the image did not build; the end of its log:
$(tail -30 "$WORK/build.log")"
build_seconds=$(( SECONDS - started ))

inspect() { podman image inspect --format "$1" "$IMAGE"; }
size_mb=$(( $(inspect '{{.Size}}') / 1000000 ))
user=$(inspect '{{.Config.User}}')
workdir=$(inspect '{{.Config.WorkingDir}}')
mapfile -t image_env < <(inspect '{{range .Config.Env}}{{println .}}{{end}}' | sed '/^$/d')
# The image's command without its address and port, which the check sets to loopback and a free port.
command=$(inspect '{{json .Config.Cmd}}' | /usr/bin/python3 -c 'import json, shlex, sys
print(shlex.join(a for a in json.load(sys.stdin) if not a.startswith(("--ip=", "--port="))))')

CONTAINER=$(podman create "$IMAGE")
MOUNTED=$(podman mount "$CONTAINER")
mount -t proc proc "$MOUNTED/proc"
mount --rbind /dev "$MOUNTED/dev"
uid=$(chroot "$MOUNTED" id -u "$user")
gid=$(chroot "$MOUNTED" id -g "$user")
home=$(chroot "$MOUNTED" getent passwd "$user" | cut -d: -f6)

say "What takes the space in the image ($size_mb MB): the largest folders, in MB"
chroot "$MOUNTED" /bin/bash -c "du -sxm /usr/lib/* /usr/share/* /var/* $home/.[!.]* $home/* 2>/dev/null | sort -rn | head -12" || true

say "Binder's requirements: user $user (uid $uid), a writable home, jupyter on PATH, the course kernel the default"
as_learner() {
  chroot --userspec="$uid:$gid" "$MOUNTED" /usr/bin/env -i "${image_env[@]}" \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$home" USER="$user" \
    /bin/bash -c "cd '$workdir' && $1"
}
(( uid == 1000 )) || fail "the learner's uid is $uid, not the NB_UID 1000 passed to the build"
as_learner 'touch "$HOME/.binder-write-check" && rm "$HOME/.binder-write-check"' || fail "$home is not writable by $user"
as_learner 'command -v jupyter-notebook >/dev/null' || fail "jupyter-notebook is not on PATH"

say "Running the image's command ($command) on loopback, lessons 00 and 01 through it (fast mode)"
as_learner "COURSE_FAST=1 /usr/bin/python3 scripts/check_course_start.py '$home' --default-kernel \
  --server \"$command --ip=127.0.0.1 --port={port} --no-browser\" --page /tree/notebooks/00-welcome.ipynb \
  --notebook notebooks/00-welcome.ipynb --notebook notebooks/01-understanding-fine-tuning.ipynb" \
  || fail "the notebooks did not pass inside the image"

say "Binder image: built in $build_seconds s, $size_mb MB; lessons 00 and 01 passed through its Jupyter server"
