#!/usr/bin/env bash
# RTNeural's own outputs for the RTNeural JSON model NeuralDsl writes (ExportRTNeuralJson): builds
# tests/reference/rtneural_stream.cpp against an RTNeural checkout (header-only, its STL backend), loads
# tests/NeuralDsl.Tests/Embedding/RTNeural/export.rtneural.json with RTNeural's json_parser, streams 40
# steps of a fixed signal and writes each step's inputs and outputs to export.rtneural.outputs.csv beside it.
# Run: RTNEURAL_DIR=/path/to/RTNeural bash tests/reference/make_rtneural_stream_reference.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${RTNEURAL_DIR:?set RTNEURAL_DIR to an RTNeural checkout (the directory holding RTNeural/RTNeural.h)}"
data="$here/../NeuralDsl.Tests/Embedding/RTNeural"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
g++ -std=c++17 -O2 -DRTNEURAL_DEFAULT_ALIGNMENT=16 -I"$dir" -I"$dir/modules" "$here/rtneural_stream.cpp" -o "$out/rtneural_stream"
"$out/rtneural_stream" "$data/export.rtneural.json" 40 > "$data/export.rtneural.outputs.csv"
echo "RTNeural $(git -C "$dir" rev-parse HEAD 2>/dev/null || echo '(not a git checkout)'): wrote $data/export.rtneural.outputs.csv"
