#!/usr/bin/env bash
# RTNeural's streaming rows, built from an RTNeural checkout (not committed; it is a peer, not a
# dependency): RTNEURAL_DIR=/path/to/RTNeural bash benchmarks/peers/rtneural.sh
# Builds benchmarks/peers/rtneural_streaming.cpp with g++ -O3 -march=native once per backend (Eigen from
# Debian's libeigen3-dev, and the STL one) and runs each on one thread. Its xsimd backend needs a newer
# xsimd than Debian 12's 8.1 (no xsimd::reduce_add), so it is left out.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${RTNEURAL_DIR:?set RTNEURAL_DIR to an RTNeural checkout (the directory holding RTNeural/RTNeural.h)}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for backend in eigen stl; do
    case $backend in
        eigen) flags=(-DRTNEURAL_USE_EIGEN=1 -I/usr/include/eigen3) ;;
        stl) flags=() ;;
    esac
    g++ -std=c++17 -O3 -march=native -DNDEBUG -DRTNEURAL_DEFAULT_ALIGNMENT=32 "${flags[@]}" -I"$dir" -I"$dir/modules" \
        "$here/rtneural_streaming.cpp" -o "$out/$backend" 2>"$out/$backend.log" || { echo "  $backend: build failed (see below)"; tail -5 "$out/$backend.log"; continue; }
    taskset -c "$(($(nproc) - 1))" "$out/$backend" 2>/dev/null || "$out/$backend"
done
