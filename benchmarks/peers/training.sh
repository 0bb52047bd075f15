#!/usr/bin/env bash
# Time to trained model and test accuracy of the digits and Fashion-MNIST samples next to scikit-learn
# and PyTorch with the same network and setup, one after the other in one run (each peer on one
# thread). Needs Debian's python3-sklearn, python3-torch and libopenblas0-pthread, and Fashion-MNIST
# (samples/FashionMnist/get-data.sh). Usage: bash benchmarks/peers/training.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
python=/usr/bin/python3
split=$(mktemp --suffix=.json)
trap 'rm -f "$split"' EXIT

dotnet build samples/Digits -c Release -v q -nologo >/dev/null
dotnet build samples/FashionMnist -c Release -v q -nologo >/dev/null
echo "== machine: $(nproc --all) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), dotnet $(dotnet --version)"

echo "== digits: NeuralDsl (samples/Digits, default settings)"
digits=$(dotnet samples/Digits/bin/Release/net10.0/Digits.dll --no-progress --export-split "$split")
echo "$digits" | grep -E "^(Early stopping|time to trained model|test accuracy)"
epochs=$(echo "$digits" | sed -n 's/.*; \([0-9]*\) epochs of.*/\1/p')
echo "== digits: scikit-learn (early stopping, then the same $epochs epochs)"
$python samples/Digits/compare_sklearn.py "$split" "$epochs"
echo "== digits: PyTorch (early stopping, then the same $epochs epochs)"
$python samples/Digits/compare_pytorch.py "$split" "$epochs"

echo "== Fashion-MNIST: NeuralDsl (samples/FashionMnist)"
dotnet samples/FashionMnist/bin/Release/net10.0/FashionMnist.dll | grep -E "^(time per epoch|test accuracy)"
echo "== Fashion-MNIST: PyTorch"
$python samples/FashionMnist/compare_pytorch.py | grep -E "^(time per epoch|test accuracy)"
echo "== Fashion-MNIST: scikit-learn"
$python samples/FashionMnist/compare_sklearn.py
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
