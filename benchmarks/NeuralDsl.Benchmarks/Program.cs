using System;
using BenchmarkDotNet.Running;
using NeuralDsl.Benchmarks;

// dotnet run -c Release --project benchmarks/NeuralDsl.Benchmarks -- --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/NeuralDsl.Benchmarks -- peers          (benchmarks/peers/run.sh)
// dotnet run -c Release --project benchmarks/NeuralDsl.Benchmarks -- ort            (ONNX Runtime as a peer, for run.sh)
// dotnet run -c Release --project benchmarks/NeuralDsl.Benchmarks -- bandwidth      (the floor: reading the weights)
// dotnet run -c Release --project benchmarks/NeuralDsl.Benchmarks -- conv           (convolution kernels, direct and im2col alternating)
// dotnet run -c Release --project benchmarks/NeuralDsl.Benchmarks -- streaming      (recurrent per-step times, robust to a shared machine)
if (args.Length > 0 && args[0] == "peers") return PeerTiming.Run();
if (args.Length > 0 && args[0] == "ort") return OrtTiming.Run();
if (args.Length > 0 && args[0] == "bandwidth") return ReadBandwidth.Run();
if (args.Length > 0 && args[0] == "conv") return ConvolutionTiming.Run();
if (args.Length > 0 && args[0] == "streaming") return StreamingTiming.Run();
BenchmarkSwitcher.FromAssembly(typeof(PeerTiming).Assembly).Run(args);
return 0;
