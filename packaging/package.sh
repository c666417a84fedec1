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

[ "$types" = "app-image" ] && exit 0
if [ "$os" = macos ]; then image="$out/Rollup Studio.app"; else image="$out/Rollup Studio"; fi
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
