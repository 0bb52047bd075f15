#!/usr/bin/env bash
# Installs Fashion-MNIST where the sample looks for it: Debian's dataset-fashion-mnist package puts the
# four gzip-compressed IDX files in /usr/share/datasets/fashion-mnist. Does nothing when they are there.
# Uses apt-get directly as root (as CI runs), through sudo otherwise.
set -euo pipefail
dir=/usr/share/datasets/fashion-mnist
files=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

present=1
for f in "${files[@]}"; do
    [ -f "$dir/$f.gz" ] || present=0
done
if [ "$present" = 1 ]; then
    echo "Fashion-MNIST is installed in $dir"
    exit 0
fi

if ! command -v apt-get >/dev/null; then
    echo "apt-get not found: this is not Debian or Ubuntu. Download the four files from" >&2
    echo "https://github.com/zalandoresearch/fashion-mnist (data/fashion) into a directory and run" >&2
    echo "dotnet run -c Release --project samples/FashionMnist -- --data <that directory>" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
echo "Installing Debian's dataset-fashion-mnist (about 30 MB) ..."
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq dataset-fashion-mnist
for f in "${files[@]}"; do
    [ -f "$dir/$f.gz" ] || { echo "dataset-fashion-mnist is installed but $dir/$f.gz is missing" >&2; exit 1; }
done
echo "Fashion-MNIST is installed in $dir"
