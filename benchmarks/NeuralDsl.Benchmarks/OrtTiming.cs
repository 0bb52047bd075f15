using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.ML.OnnxRuntime;
using NeuralDsl.Data;
using NeuralDsl.Interop.Onnx;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The "ort" mode: ONNX Runtime, what a C# user would pick instead of us for inference, running R1-R3
/// as our ONNX export writes them (same seed, same weights), timed by <see cref="PeerTiming"/>'s
/// protocol. One session per workload with one intra-op and one inter-op thread and sequential
/// execution, default graph optimisations. Inputs and outputs are OrtValues over arrays allocated once
/// (64 single-sample inputs, one batch, their outputs), bound once with <see cref="OrtIoBinding"/>, so a
/// timed call is one <c>RunWithBinding</c>: the runtime, not allocation or copying (0 managed bytes per
/// call, printed on standard error; the <c>Run</c> overload with given outputs allocated 224-352).
/// </summary>
public static class OrtTiming
{
    private const int Batch = 64;

    public static int Run()
    {
        Measure("R1", new TinyNet(seed: 42), SyntheticData.Regression(SyntheticData.SmallSamples, TinyNet.InputSize, TinyNet.TargetSize));
        Measure("R2", new MnistNet(seed: 42), SyntheticData.Classification(SyntheticData.MnistSamples, MnistNet.InputSize, MnistNet.OutputSize));
        Measure("R3", new DeepNarrowNet(seed: 42), SyntheticData.Regression(SyntheticData.SmallSamples, DeepNarrowNet.InputSize, DeepNarrowNet.TargetSize));
        return 0;
    }

    private static void Measure(string workload, INetwork network, Dataset data)
    {
        float[] features = SyntheticData.Head(data, Batch).Features;
        using var model = new MemoryStream();
        network.ExportOnnx(model);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        using var session = new InferenceSession(model.ToArray(), options);
        using var run = new Runner(session, network, features);
        run.CheckAgainst(network);
        Console.Error.WriteLine($"{workload}: ONNX Runtime allocates {ManagedBytesPerCall(run.RunNextSample)} managed bytes per single-sample call, {ManagedBytesPerCall(run.RunBatch)} per batch call");
        PeerTiming.Measure(workload, "infer-1", new One(run), peer: "ort");
        PeerTiming.Measure(workload, "infer-b64", new Whole(run), peer: "ort");
    }

    private static long ManagedBytesPerCall(Func<float> call)
    {
        const int Calls = 1000;
        for (int i = 0; i < 10; i++) call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++) call();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private readonly struct One(Runner runner) : PeerTiming.IOperation
    {
        public float Run() => runner.RunNextSample();
    }

    private readonly struct Whole(Runner runner) : PeerTiming.IOperation
    {
        public float Run() => runner.RunBatch();
    }

    /// <summary>
    /// The session with every tensor created once and bound to it: one binding per single-sample input
    /// (each a view of one row of the features) and one for the batch, all writing into arrays of ours.
    /// </summary>
    private sealed class Runner : IDisposable
    {
        private readonly InferenceSession _session;
        private readonly RunOptions _runOptions = new();
        private readonly List<IDisposable> _owned = new();
        private readonly OrtIoBinding[] _sampleBindings = new OrtIoBinding[Batch];
        private readonly OrtIoBinding _batchBinding;
        private readonly float[] _features;
        private readonly float[] _sampleOutput;
        private readonly float[] _batchOutput;
        private int _next;

        public Runner(InferenceSession session, INetwork network, float[] features)
        {
            _session = session;
            _features = features;
            int inputs = network.InputSize, outputs = network.OutputSize;
            _sampleOutput = new float[outputs];
            _batchOutput = new float[Batch * outputs];
            OrtValue sampleOutput = Own(OrtValue.CreateTensorValueFromMemory(_sampleOutput, new long[] { 1, outputs }));
            for (int n = 0; n < Batch; n++)
            {
                OrtValue sample = Own(OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                    features.AsMemory(n * inputs, inputs), new long[] { 1, inputs }));
                _sampleBindings[n] = Bind(sample, sampleOutput);
            }
            _batchBinding = Bind(Own(OrtValue.CreateTensorValueFromMemory(features, new long[] { Batch, inputs })),
                Own(OrtValue.CreateTensorValueFromMemory(_batchOutput, new long[] { Batch, outputs })));
        }

        public float RunNextSample()
        {
            _next = (_next + 1) & (Batch - 1);
            _session.RunWithBinding(_runOptions, _sampleBindings[_next]);
            return _sampleOutput[0];
        }

        public float RunBatch()
        {
            _session.RunWithBinding(_runOptions, _batchBinding);
            return _batchOutput[^1];
        }

        /// <summary>Refuses to time a model that does not compute what the network computes.</summary>
        public void CheckAgainst(INetwork network)
        {
            RunBatch();
            var expected = new float[_batchOutput.Length];
            network.PredictBatch(_features, expected);
            for (int i = 0; i < expected.Length; i++)
                if (MathF.Abs(expected[i] - _batchOutput[i]) > 1e-4f * MathF.Max(1f, MathF.Abs(expected[i])))
                    throw new InvalidOperationException($"ONNX Runtime gives {_batchOutput[i]} for output {i}, PredictBatch {expected[i]}.");
        }

        public void Dispose()
        {
            foreach (IDisposable owned in _owned) owned.Dispose();
            _runOptions.Dispose();
        }

        private OrtIoBinding Bind(OrtValue input, OrtValue output)
        {
            OrtIoBinding binding = Own(_session.CreateIoBinding());
            binding.BindInput("input", input);
            binding.BindOutput("output", output);
            return binding;
        }

        private T Own<T>(T disposable) where T : IDisposable
        {
            _owned.Add(disposable);
            return disposable;
        }
    }
}
