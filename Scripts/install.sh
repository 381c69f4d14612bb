#!/usr/bin/env bash
# Builds codeboom in release mode with the Swift standard library and Foundation linked into the
# binary, and installs it as PREFIX/bin/codeboom (default PREFIX: ~/.local, so ~/.local/bin/codeboom).
# The binary then runs without the Swift toolchain; on Linux it loads only the C and C++ runtime libraries
# (libc, libm, libstdc++, libgcc_s) and zlib.
#
#   Scripts/install.sh            # ~/.local/bin/codeboom
#   Scripts/install.sh /usr/local # /usr/local/bin/codeboom (may need sudo)
set -euo pipefail

prefix="${1:-$HOME/.local}"
# A relative PREFIX means relative to where the script was started, not to the checkout.
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
cd "$(dirname "$0")/.."

fail() { echo "install.sh: error: $*" >&2; exit 1; }

command -v swift > /dev/null || fail "the Swift toolchain is not installed — install it from https://www.swift.org/install/ (Swift 6 or newer), then run this script again"
os="$(uname -s)"
if [ "$os" = Linux ] && [ ! -f /usr/include/zlib.h ]; then
  fail "zlib's header is missing — install it (Debian, Ubuntu: sudo apt-get install zlib1g-dev; Fedora: sudo dnf install zlib-devel), then run this script again"
fi

# The commit --version names: from git when this is a checkout, marked -dirty when it has changes;
# a build from a copy without git says "commit unknown".
commit=""
if command -v git > /dev/null && git rev-parse --git-dir > /dev/null 2>&1; then
  commit="$(git rev-parse --short=12 HEAD)"
  if ! git diff --quiet HEAD -- 2> /dev/null; then commit="$commit-dirty"; fi
fi
flags=(-c release --product codeboom)
# On macOS the Swift libraries are part of the system and cannot be linked statically.
if [ "$os" = Linux ]; then flags+=(--static-swift-stdlib); fi
if [ -n "$commit" ]; then
  [[ "$commit" =~ ^[0-9a-f]{7,40}(-dirty)?$ ]] || fail "unexpected commit name \"$commit\""
  flags+=(-Xcc "-DCODEBOOM_COMMIT=\"$commit\"")
fi

echo "Building codeboom (release${commit:+, commit $commit}); the first build takes a few minutes…"
swift build "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/codeboom"
[ -x "$binary" ] || fail "the build did not produce $binary"

swift_libraries='libswift\|Foundation\|libdispatch\|BlocksRuntime'
if [ "$os" = Linux ] && command -v ldd > /dev/null && ldd "$binary" | grep -q "$swift_libraries"; then
  fail "$binary still needs Swift libraries at run time:
$(ldd "$binary" | grep "$swift_libraries")"
fi

# Copied beside the target and renamed over it, so a codeboom that is running meanwhile is never half replaced.
mkdir -p "$prefix/bin"
temporary="$prefix/bin/.codeboom.install.$$"
trap 'rm -f "$temporary"' EXIT
cp "$binary" "$temporary"
chmod 755 "$temporary"
mv -f "$temporary" "$prefix/bin/codeboom"
trap - EXIT

echo "Installed $prefix/bin/codeboom: $("$prefix/bin/codeboom" --version)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "Note: $prefix/bin is not on your PATH; add it with:  echo 'export PATH=\"$prefix/bin:\$PATH\"' >> ~/.profile  (then open a new terminal)" ;;
esac
