#!/usr/bin/env bash
# Consumer test: what a user outside this repository gets from the NeuralDsl package.
# Packs the package into a local folder, creates a fresh console project in a temporary directory
# outside the repository (so none of the repository's Directory.Build.* files apply), installs the
# package with `dotnet add package` from that folder plus the machine's own NuGet sources, and checks:
#   1. README's first network (the XOR declaration) compiles through the packed generator, trains and
#      predicts XOR correctly, with no warning;
#   2. a deliberate design mistake (softmax output scored with binary cross-entropy) raises ND102;
#   3. the project publishes with Native AOT (PublishAot in its project file) with no warning, and the
#      native binary gives the same result.
# The package gets a unique prerelease version, so a NeuralDsl already in the NuGet cache cannot stand
# in for the one just packed; that version is removed from the cache afterwards.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

fail() { echo "consumer-test: FAILED: $*" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/neuraldsl-consumer.XXXXXX")"
case "$work" in "$repo"/*) fail "temporary directory $work is inside the repository";; esac
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
suffix="consumer.$(date -u +%Y%m%d%H%M%S).$$"
prefix="$(dotnet msbuild "$repo/src/Runtime/NeuralDsl.Runtime.csproj" -getProperty:VersionPrefix)"
version="$prefix-$suffix"
cleanup() { rm -rf "$work" "$packages/neuraldsl/$version"; }
trap cleanup EXIT

echo "== consumer: pack the solution (NeuralDsl $version) into $work/feed"
dotnet pack "$repo/Dsl.sln" -c Release -o "$work/feed" --version-suffix "$suffix" >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; fail "dotnet pack"; }
nupkg="$work/feed/NeuralDsl.$version.nupkg"
[ -f "$nupkg" ] || fail "no $nupkg"
[ -f "$work/feed/NeuralDsl.$version.snupkg" ] || fail "no symbols package"
# README promises one package: samples, tests and benchmarks must not pack.
others="$(ls "$work/feed" | grep -v -x -e "NeuralDsl.$version.nupkg" -e "NeuralDsl.$version.snupkg" || true)"
[ -z "$others" ] || fail "the solution packs more than NeuralDsl: $others"
unzip -l "$nupkg" >"$work/listing.txt"
cat "$work/listing.txt"
for entry in README.md analyzers/dotnet/cs/NeuralDsl.Generator.dll analyzers/dotnet/cs/NeuralDsl.CodeFixes.dll \
             lib/net8.0/NeuralDsl.Runtime.dll lib/net8.0/NeuralDsl.Runtime.xml \
             lib/net9.0/NeuralDsl.Runtime.dll lib/net9.0/NeuralDsl.Runtime.xml \
             lib/net10.0/NeuralDsl.Runtime.dll lib/net10.0/NeuralDsl.Runtime.xml; do
  grep -q " $entry\$" "$work/listing.txt" || fail "package lacks $entry"
done

app="$work/app"
mkdir -p "$app"
cd "$app"
# Adds the local folder to the sources the machine already has (no <clear/>): the package's
# dependencies and the AOT compiler come from wherever this machine normally gets packages.
cat >nuget.config <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="neuraldsl-local" value="$work/feed" />
  </packageSources>
</configuration>
XML
cat >Consumer.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <PublishAot>true</PublishAot>
  </PropertyGroup>
</Project>
XML
# README's note: the XOR example's learning rate is above ND502's default threshold.
cat >.editorconfig <<'INI'
[*.cs]
neuraldsl.ND502.sgd_rate = 0.5
INI
# README's first network, exactly as README shows it.
awk '/^```csharp$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' "$repo/README.md" >XorNet.cs
grep -q 'public partial class XorNet' XorNet.cs || fail "README's first csharp block is not the XOR network"
cat >Program.cs <<'CS'
using System;

float[] inputs = [0, 0, 0, 1, 1, 0, 1, 1];
float[] targets = [0, 1, 1, 0];
var net = new XorNet(seed: 1);
for (int epoch = 0; epoch < 2000; epoch++) net.TrainStep(inputs, targets);
Span<float> output = stackalloc float[XorNet.OutputSize];
int correct = 0;
for (int n = 0; n < 4; n++)
{
    net.Predict(inputs.AsSpan(n * XorNet.InputSize, XorNet.InputSize), output);
    if ((output[0] >= 0.5f) == (targets[n] == 1f)) correct++;
}
Console.WriteLine($"consumer xor accuracy: {correct}/4, parameters: {XorNet.ParameterCount}");
return correct == 4 ? 0 : 1;
CS

echo "== consumer: dotnet add package NeuralDsl --version $version"
dotnet add package NeuralDsl --version "$version" >"$work/add.log" 2>&1 || { cat "$work/add.log"; fail "dotnet add package"; }
grep -q "neuraldsl/$version" obj/project.assets.json || fail "restore did not resolve NeuralDsl $version"

echo "== consumer: build and run README's network"
dotnet build -c Release -warnaserror >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build of README's network"; }
out="$(dotnet bin/Release/net10.0/Consumer.dll)" || { echo "$out"; fail "run"; }
echo "$out"
[ "$out" = "consumer xor accuracy: 4/4, parameters: 17" ] || fail "unexpected output"

echo "== consumer: a design mistake raises its warning"
cat >Mistake.cs <<'CS'
using NeuralDsl;

[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
[Dense(4, Activation.Tanh)]
[Dense(3, Activation.Softmax)]
public partial class SoftmaxWithBinaryLoss;
CS
dotnet build -c Release --no-incremental >"$work/mistake.log" 2>&1 || { cat "$work/mistake.log"; fail "build with the design mistake"; }
grep -E "Mistake\.cs\([0-9]+,[0-9]+\): warning ND102:" "$work/mistake.log" | head -1 || { cat "$work/mistake.log"; fail "ND102 not reported"; }
rm Mistake.cs

echo "== consumer: publish with Native AOT and run the native binary"
dotnet publish -c Release -r linux-x64 >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; fail "Native AOT publish"; }
if grep -E ": warning [A-Z]+[0-9]+" "$work/publish.log"; then fail "Native AOT publish warned"; fi
native="bin/Release/net10.0/linux-x64/publish/Consumer"
[ -x "$native" ] || fail "no native binary at $native"
out="$("./$native")" || { echo "$out"; fail "native run"; }
echo "$out ($(stat -c %s "$native") bytes)"
[ "$out" = "consumer xor accuracy: 4/4, parameters: 17" ] || fail "unexpected native output"
echo "== consumer: passed"
