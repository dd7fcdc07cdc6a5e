#!/usr/bin/env bash
# Builds native-host/build/pluginary-host (run by `npm run build:host`). Incremental.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apt_hint='sudo apt-get install g++ cmake pkg-config liblilv-dev ladspa-sdk nlohmann-json3-dev dpf-source fst-dev'

missing=()
for tool in cmake g++ pkg-config; do
	command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if command -v pkg-config >/dev/null 2>&1 && ! pkg-config --exists lilv-0; then
	missing+=("lilv-0 (pkg-config)")
fi
[ -f /usr/include/ladspa.h ] || missing+=("ladspa.h")
[ -f /usr/include/nlohmann/json.hpp ] || missing+=("nlohmann/json.hpp")
[ -d /usr/share/dpf/distrho/src ] || missing+=("/usr/share/dpf (DPF sources)")
[ -f /usr/include/pluginterfaces/fst/fst.h ] || missing+=("fst headers")

if [ "${#missing[@]}" -gt 0 ]; then
	echo "pluginary: cannot build the native host; missing: ${missing[*]}." >&2
	echo "Install the build dependencies with:" >&2
	echo "  $apt_hint" >&2
	exit 1
fi

cmake -S "$here" -B "$here/build/cmake" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$here/build/cmake" -j2
