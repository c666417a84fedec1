#!/usr/bin/env bash
# Builds a jlink-trimmed runtime and the installers for this OS into target/installer/.
# Run through Maven (mvn -Ppackage package), which first puts the thin app jar and its runtime
# dependencies in target/package/app and the JavaFX modules for this OS in target/package/javafx.
# TYPES (default: all for this OS) may be set to "app-image" to build only the app image.
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:-0.1.0}
version=${version%%-*}                      # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0
types=${TYPES:-all}
out=target/installer
case "$(uname -s)" in
  Linux*) os=linux ;;
  Darwin*) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
rm -rf "$out"
mkdir -p "$out"
mv target/package/app/rollup-studio-app.jar target/package/app/rollup-studio.jar

echo "building the app image (jlink runtime + launcher) for $os"
jpackage --type app-image --dest "$out" --app-version "$version" \
  --input target/package/app --module-path target/package/javafx \
  @packaging/common.args @packaging/$os.args

if [ "$os" = macos ]; then image="$out/Rollup Studio.app"; else image="$out/Rollup Studio"; fi
case "$os" in
  linux) launcher="$image/bin/Rollup Studio"; appdir="$image/lib/app" ;;
  macos) launcher="$image/Contents/MacOS/Rollup Studio"; appdir="$image/Contents/app" ;;
  windows) launcher="$image/Rollup Studio.exe"; appdir="$image/app" ;;
esac

# A class-data-sharing archive of the classes start-up loads, written by one training start of
# the image itself (--startup-bench), makes every later start skip parsing and verifying them
# (3.5 s to 3.1 s to the first frame on a 2-core Linux box). It needs a display; without one the
# image ships without it and starts as before. The JVM ignores an archive that does not match.
train_cds() {
  local tmp jsa
  tmp=$(mktemp -d)
  jsa="$tmp/rollup-studio.jsa"
  [ "$os" = windows ] && command -v cygpath >/dev/null && jsa=$(cygpath -w "$jsa")
  local run=("$launcher" --startup-bench)
  if [ "$os" = linux ] && [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    command -v xvfb-run >/dev/null || { echo "no display and no xvfb-run: the image ships without a start-up archive"; return 0; }
    run=(xvfb-run -a -s "-screen 0 1280x800x24" "${run[@]}")
  fi
  if JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa" "${run[@]}" >"$tmp/train.log" 2>&1 && [ -s "$tmp/rollup-studio.jsa" ]; then
    cp "$tmp/rollup-studio.jsa" "$appdir/rollup-studio.jsa"
    echo 'java-options=-XX:SharedArchiveFile=$APPDIR/rollup-studio.jsa' >> "$appdir/Rollup Studio.cfg"
    echo "start-up archive: $(grep first_frame "$tmp/train.log" || true)"
  else
    echo "the training start failed: the image ships without a start-up archive"; tail -5 "$tmp/train.log"
  fi
  rm -rf "$tmp"
}
train_cds

[ "$types" = "app-image" ] && exit 0
installer() {
  echo "building the $1 installer"
  jpackage --type "$1" --app-image "$image" --dest "$out" --app-version "$version" @packaging/installer.args @packaging/$os-installer.args
}
case "$os" in
  linux)
    installer deb
    if command -v rpmbuild >/dev/null; then installer rpm; else echo "rpmbuild not found: no .rpm"; fi ;;
  windows) installer msi ;;
  macos) installer dmg ;;
esac
ls -l "$out"
