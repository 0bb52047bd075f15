#!/usr/bin/env bash
# The peer comparison: ours (the "peers" mode of benchmarks/NeuralDsl.Benchmarks), ONNX Runtime in .NET
# (its "ort" mode: our exported models), PyTorch (eager and TorchScript, torch_bench.py) and FANN
# (fann_bench.c) on workloads R1-R3, each on one thread, in rounds A B C D A B C D, printed as one
# Markdown table of medians and ratios.
#
#   benchmarks/peers/run.sh            # about 4 minutes on 2 cores
#   benchmarks/peers/run.sh --quick    # shorter loops and one epoch: a smoke test, not for numbers
#
# Settings (environment): PEER_ROUNDS (2), PEER_WARMUP (1 s), PEER_SECONDS (0.5 s per loop),
# PEER_REPEATS (3 loops), PEER_EPOCHS (2 per round), PEER_FANN_EPOCH_SECONDS (4), PEER_OUT (directory
# for the FANN binary, the build log and the raw JSON lines), PEER_PIN (0; 1 pins every peer to the
# last core with taskset, which on a busy core delays .NET's tiered JIT by seconds), PEERS (which to
# run, default "ours ort torch fann"; "ours ort" needs neither Python nor a C compiler).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if [[ "${1:-}" == "--quick" ]]; then
    export PEER_WARMUP="${PEER_WARMUP:-0.7}" PEER_SECONDS="${PEER_SECONDS:-0.2}" PEER_REPEATS="${PEER_REPEATS:-2}"
    export PEER_EPOCHS="${PEER_EPOCHS:-1}" PEER_FANN_EPOCH_SECONDS="${PEER_FANN_EPOCH_SECONDS:-1}"
elif [[ $# -gt 0 ]]; then
    echo "usage: $0 [--quick]" >&2
    exit 2
fi
rounds="${PEER_ROUNDS:-2}"
peers=" ${PEERS:-ours ort torch fann} "
wants() { [[ "$peers" == *" $1 "* ]]; }
out="${PEER_OUT:-$(mktemp -d -t neuraldsl-peers.XXXXXX)}"
mkdir -p "$out"

# 1. What the peers need, from Debian. Without libopenblas0-pthread Debian's torch multiplies
#    matrices with a reference BLAS, about 18 times slower.
missing=()
needed=()
wants torch && needed+=(python3-torch libopenblas0-pthread)
wants fann && needed+=(libfann-dev build-essential)
for package in "${needed[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    sudo=""
    [[ "$(id -u)" == 0 ]] || sudo="sudo"
    echo "Installing ${missing[*]}" >&2
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
fi

# 2. Build: FANN's bench, and the benchmark project (retried: other builds may hold files open).
if wants fann; then gcc -O2 -o "$out/fann_bench" "$here/fann_bench.c" -lfloatfann -lm; fi
for attempt in 1 2 3; do
    if dotnet build -c Release -nologo -v quiet "$root/benchmarks/NeuralDsl.Benchmarks/NeuralDsl.Benchmarks.csproj" >"$out/build.log" 2>&1; then
        break
    fi
    if [[ $attempt == 3 ]]; then cat "$out/build.log" >&2; exit 1; fi
    sleep 5
done
ours_dll="$root/benchmarks/NeuralDsl.Benchmarks/bin/Release/net10.0/NeuralDsl.Benchmarks.dll"

# 3. One thread each (GNU nproc obeys OMP_NUM_THREADS, so count the cores first).
cores="$(getconf _NPROCESSORS_ONLN)"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 DOTNET_gcServer=0
pin=()
if [[ "${PEER_PIN:-0}" == 1 ]] && command -v taskset >/dev/null; then
    pin=(taskset -c "$((cores - 1))")
fi
results="$out/results.jsonl"
: >"$results"
for ((round = 1; round <= rounds; round++)); do
    if wants ours; then
        echo "Round $round of $rounds: ours" >&2
        "${pin[@]}" dotnet "$ours_dll" peers >>"$results"
    fi
    if wants ort; then
        echo "Round $round of $rounds: ONNX Runtime" >&2
        "${pin[@]}" dotnet "$ours_dll" ort >>"$results"
    fi
    if wants torch; then
        echo "Round $round of $rounds: PyTorch" >&2
        "${pin[@]}" /usr/bin/python3 "$here/torch_bench.py" >>"$results"
    fi
    if wants fann; then
        echo "Round $round of $rounds: FANN" >&2
        "${pin[@]}" "$out/fann_bench" >>"$results"
    fi
done

# 4. The table, with what it was measured on.
cpu="$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
versions=".NET $(dotnet --version) SDK"
wants ort && versions+="; ONNX Runtime 1.32.0 (NuGet)"
wants torch && versions+="; PyTorch $(dpkg-query -W -f='${Version}' python3-torch)"
wants fann && versions+="; FANN $(dpkg-query -W -f='${Version}' libfann-dev)"
echo
echo "Machine: $cpu, $cores cores; peers pinned: ${pin[*]:-no}. $versions;" \
    "peers:$peers; $rounds rounds; raw results in $results."
echo
/usr/bin/python3 "$here/report.py" "$results"
