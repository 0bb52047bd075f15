#!/usr/bin/env bash
# Consumer test: what a user outside this repository gets from the NeuralDsl and NeuralDsl.Tools packages.
# Packs the packages into a local folder, creates a fresh console project in a temporary directory
# outside the repository (so none of the repository's Directory.Build.* files apply), installs the
# package with `dotnet add package` from that folder plus the machine's own NuGet sources, and checks:
#   1. README's first network (the XOR declaration) compiles through the packed generator, trains and
#      predicts XOR correctly, with no warning;
#   2. a deliberate design mistake (softmax output scored with binary cross-entropy) raises ND102;
#   3. the project publishes with Native AOT (PublishAot and IlcInstructionSet in its project file) with no
#      warning, and the native binary gives the same result; without an instruction set, the package's
#      publish check warns ND900;
#   4. a second, ordinary (JIT) project with both packages trains the same network with Fit and
#      NeuralDsl.Tools' progress (plain lines, as its output is redirected) and writes a PNG plot.
# The packages get a unique prerelease version, so a NeuralDsl already in the NuGet cache cannot stand
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
cleanup() { rm -rf "$work" "$packages/neuraldsl/$version" "$packages/neuraldsl.tools/$version"; }
trap cleanup EXIT

echo "== consumer: pack the solution (NeuralDsl and NeuralDsl.Tools $version) into $work/feed"
dotnet pack "$repo/Dsl.sln" -c Release -o "$work/feed" --version-suffix "$suffix" >"$work/pack.log" 2>&1 \
  || { cat "$work/pack.log"; fail "dotnet pack"; }
nupkg="$work/feed/NeuralDsl.$version.nupkg"
[ -f "$nupkg" ] || fail "no $nupkg"
[ -f "$work/feed/NeuralDsl.$version.snupkg" ] || fail "no symbols package"
tools_nupkg="$work/feed/NeuralDsl.Tools.$version.nupkg"
[ -f "$tools_nupkg" ] || fail "no $tools_nupkg"
[ -f "$work/feed/NeuralDsl.Tools.$version.snupkg" ] || fail "no NeuralDsl.Tools symbols package"
# README promises two packages: samples, tests and benchmarks must not pack.
others="$(ls "$work/feed" | grep -v -x -e "NeuralDsl.$version.nupkg" -e "NeuralDsl.$version.snupkg" \
  -e "NeuralDsl.Tools.$version.nupkg" -e "NeuralDsl.Tools.$version.snupkg" || true)"
[ -z "$others" ] || fail "the solution packs more than NeuralDsl and NeuralDsl.Tools: $others"
unzip -l "$nupkg" >"$work/listing.txt"
cat "$work/listing.txt"
for entry in README.md analyzers/dotnet/cs/NeuralDsl.Generator.dll analyzers/dotnet/cs/NeuralDsl.CodeFixes.dll \
             lib/net8.0/NeuralDsl.Runtime.dll lib/net8.0/NeuralDsl.Runtime.xml \
             lib/net9.0/NeuralDsl.Runtime.dll lib/net9.0/NeuralDsl.Runtime.xml \
             lib/net10.0/NeuralDsl.Runtime.dll lib/net10.0/NeuralDsl.Runtime.xml; do
  grep -q " $entry\$" "$work/listing.txt" || fail "package lacks $entry"
done
unzip -l "$tools_nupkg" >"$work/tools-listing.txt"
for entry in README.md lib/net8.0/NeuralDsl.Tools.dll lib/net9.0/NeuralDsl.Tools.dll \
             lib/net10.0/NeuralDsl.Tools.dll lib/net10.0/NeuralDsl.Tools.xml; do
  grep -q " $entry\$" "$work/tools-listing.txt" || fail "NeuralDsl.Tools package lacks $entry"
done
# The runtime's package stays free of package dependencies; the companion depends on it at the same version.
unzip -p "$nupkg" NeuralDsl.nuspec | grep -q '<dependency id="\(Spectre\|ScottPlot\)' && fail "NeuralDsl depends on a Tools library"
unzip -p "$tools_nupkg" NeuralDsl.Tools.nuspec | grep -q "<dependency id=\"NeuralDsl\" version=\"$version\"" \
  || fail "NeuralDsl.Tools does not depend on NeuralDsl $version"

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
    <IlcInstructionSet>x86-64-v3</IlcInstructionSet>
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

echo "== consumer: without an instruction set, a Native AOT publish warns ND900"
dotnet msbuild -t:NeuralDslCheckAotInstructionSet -p:Configuration=Release -p:RuntimeIdentifier=linux-x64 -p:IlcInstructionSet= \
    >"$work/nd900.log" 2>&1 || { cat "$work/nd900.log"; fail "ND900 check target"; }
grep -q "warning ND900" "$work/nd900.log" || { cat "$work/nd900.log"; fail "ND900 not reported without IlcInstructionSet"; }

echo "== consumer: publish with Native AOT and run the native binary"
dotnet publish -c Release -r linux-x64 >"$work/publish.log" 2>&1 || { cat "$work/publish.log"; fail "Native AOT publish"; }
if grep -E ": warning [A-Z]+[0-9]+" "$work/publish.log"; then fail "Native AOT publish warned"; fi
native="bin/Release/net10.0/linux-x64/publish/Consumer"
[ -x "$native" ] || fail "no native binary at $native"
out="$("./$native")" || { echo "$out"; fail "native run"; }
echo "$out ($(stat -c %s "$native") bytes)"
[ "$out" = "consumer xor accuracy: 4/4, parameters: 17" ] || fail "unexpected native output"
echo "== consumer: NeuralDsl.Tools in an ordinary project: Fit with progress, then a plot"
tools_app="$work/tools-app"
mkdir -p "$tools_app"
cp nuget.config .editorconfig XorNet.cs "$tools_app/"
cd "$tools_app"
cat >ToolsConsumer.csproj <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
XML
cat >Program.cs <<'CS'
using System;
using NeuralDsl.Data;
using NeuralDsl.Tools.Plots;
using NeuralDsl.Tools.Progress;
using NeuralDsl.Training;

var xor = new Dataset(new float[,] { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } }, new float[] { 0, 1, 1, 0 });
var net = new XorNet(seed: 1);
History history = net.Fit(xor, validation: null, new TrainingOptions { Epochs = 3, BatchSize = 4, Shuffle = false }.WithProgress());
Console.WriteLine($"wrote {TrainingPlots.SaveCurves(history, "plots/loss.png")}");
CS
dotnet add package NeuralDsl --version "$version" >"$work/tools-add.log" 2>&1 || { cat "$work/tools-add.log"; fail "dotnet add package NeuralDsl (tools app)"; }
dotnet add package NeuralDsl.Tools --version "$version" >>"$work/tools-add.log" 2>&1 || { cat "$work/tools-add.log"; fail "dotnet add package NeuralDsl.Tools"; }
grep -q "neuraldsl.tools/$version" obj/project.assets.json || fail "restore did not resolve NeuralDsl.Tools $version"
dotnet build -c Release -warnaserror >"$work/tools-build.log" 2>&1 || { cat "$work/tools-build.log"; fail "build of the NeuralDsl.Tools consumer"; }
out="$(dotnet bin/Release/net10.0/ToolsConsumer.dll)" || { echo "$out"; fail "NeuralDsl.Tools consumer run"; }
echo "$out"
# Redirected output: one plain line per epoch, no control sequence.
[ "$(grep -c '^Epoch [1-3]/3 - 1/1 - .* - loss: [0-9.]*' <<<"$out")" = 3 ] || fail "expected three plain epoch lines"
if grep -q $'\e' <<<"$out"; then fail "redirected progress wrote a control sequence"; fi
grep -qx "wrote $tools_app/plots/loss.png" <<<"$out" || fail "no line telling where the plot is"
[ "$(head -c 8 plots/loss.png | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] || fail "plots/loss.png is not a PNG"
[ "$(stat -c %s plots/loss.png)" -gt 4000 ] || fail "plots/loss.png is too small to hold a plot"
echo "== consumer: passed"
