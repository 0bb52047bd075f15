#!/usr/bin/env bash
# Time to trained model and test accuracy of the digits and Fashion-MNIST samples next to scikit-learn
# and PyTorch with the same network and setup; the Fashion-MNIST CNN's epoch and single-image inference
# next to PyTorch's; and streaming recurrent steps next to PyTorch's cells -- one after the other in one
# run (each peer on one thread). Needs Debian's python3-sklearn, python3-torch and libopenblas0-pthread,
# and Fashion-MNIST (samples/FashionMnist/get-data.sh). Usage: bash benchmarks/peers/training.sh
# (CNN_EPOCHS=1 by default: one epoch of each CNN, about half a minute each).
set -euo pipefail
cd "$(dirname "$0")/../.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
python=/usr/bin/python3
split=$(mktemp --suffix=.json)
trap 'rm -f "$split"' EXIT

dotnet build samples/Digits -c Release -v q -nologo >/dev/null
dotnet build samples/FashionMnist -c Release -v q -nologo >/dev/null
dotnet build samples/FashionCnn -c Release -v q -nologo >/dev/null
dotnet build benchmarks/NeuralDsl.Benchmarks -c Release -v q -nologo >/dev/null
cnn_epochs="${CNN_EPOCHS:-1}"
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
echo "== Fashion-MNIST CNN, $cnn_epochs epoch(s): NeuralDsl (samples/FashionCnn)"
dotnet samples/FashionCnn/bin/Release/net10.0/FashionCnn.dll --epochs "$cnn_epochs" | grep -E "^(time per epoch|test accuracy|single-image)" || true
echo "== Fashion-MNIST CNN, $cnn_epochs epoch(s): PyTorch"
$python samples/FashionCnn/compare_pytorch.py /usr/share/datasets/fashion-mnist 42 "$cnn_epochs" | grep -E "^(time per epoch|test accuracy|single-image)"
echo "== streaming recurrent steps: NeuralDsl (generated Step)"
dotnet benchmarks/NeuralDsl.Benchmarks/bin/Release/net10.0/NeuralDsl.Benchmarks.dll streaming
echo "== streaming recurrent steps: PyTorch cells"
$python benchmarks/peers/torch_streaming.py
if [[ -n "${RTNEURAL_DIR:-}" ]]; then
    echo "== streaming recurrent steps: RTNeural"
    bash benchmarks/peers/rtneural.sh
else
    echo "   (RTNeural: set RTNEURAL_DIR to an RTNeural checkout for its rows; issue 13 quotes 72, 178 and 275 ns on this machine)"
fi
echo "== load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
