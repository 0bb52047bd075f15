using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NeuralDsl.Data;
using NeuralDsl.Training;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// The "peers" mode: the measurements of benchmarks/peers/run.sh, timed with a Stopwatch by the same
/// protocol as torch_bench.py and fann_bench.c, one JSON line each on standard output. Protocol: warm
/// up for <c>PEER_WARMUP</c> seconds (1: the tiered JIT needs most of a second to promote the hot
/// methods on a busy machine), then <c>PEER_REPEATS</c> (3) loops each running for at least
/// <c>PEER_SECONDS</c> (0.5) in chunks of about a millisecond; report the median time per call.
/// An epoch is timed whole, <c>PEER_EPOCHS</c> (2) times after a warm-up of 20 batches.
/// BenchmarkDotNet remains the authority for our own numbers; this mode exists for ratios in one run.
/// </summary>
public static class PeerTiming
{
    private const int Batch = 64;
    private static readonly double WarmupSeconds = Setting("PEER_WARMUP", 1.0);
    private static readonly double LoopSeconds = Setting("PEER_SECONDS", 0.5);
    private static readonly int Repeats = (int)Setting("PEER_REPEATS", 3);
    private static readonly int Epochs = (int)Setting("PEER_EPOCHS", 2);

    /// <summary>Keeps every result observable, so that no call can be optimised away.</summary>
    public static volatile float Sink;

    public static int Run()
    {
        Dataset tinyData = SyntheticData.Regression(SyntheticData.SmallSamples, TinyNet.InputSize, TinyNet.TargetSize);
        var tiny = new TinyNet(seed: 42);
        Measure("R1", "infer-1", new PredictOne<TinyNet>(tiny, tinyData));
        Measure("R1", "infer-b64", new PredictBatchOf64<TinyNet>(tiny, tinyData));
        Measure("R1", "train-1", new TrainOne<TinyNet>(tiny, tinyData));

        Dataset mnistData = SyntheticData.Classification(SyntheticData.MnistSamples, MnistNet.InputSize, MnistNet.OutputSize);
        var mnist = new MnistNet(seed: 42);
        Measure("R2", "infer-1", new PredictOne<MnistNet>(mnist, mnistData));
        Measure("R2", "infer-b64", new PredictBatchOf64<MnistNet>(mnist, mnistData));
        Measure("R2", "train-b64-adam", new TrainBatchOf64<MnistNet>(mnist, mnistData));
        MeasureEpochs("R2", "epoch-b64-adam", new MnistNet(seed: 42), mnistData, useFit: false);
        MeasureEpochs("R2", "epoch-fit", new MnistNet(seed: 42), mnistData, useFit: true);

        Dataset deepData = SyntheticData.Regression(SyntheticData.SmallSamples, DeepNarrowNet.InputSize, DeepNarrowNet.TargetSize);
        var deep = new DeepNarrowNet(seed: 42);
        Measure("R3", "infer-1", new PredictOne<DeepNarrowNet>(deep, deepData));
        Measure("R3", "infer-b64", new PredictBatchOf64<DeepNarrowNet>(deep, deepData));
        Measure("R3", "train-1", new TrainOne<DeepNarrowNet>(deep, deepData));
        return 0;
    }

    internal static void Measure<T>(string workload, string op, T operation, string peer = "ours") where T : struct, IOperation
    {
        float sink = 0;
        long start = Stopwatch.GetTimestamp();
        long calls = 0;
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < WarmupSeconds)
        {
            sink += operation.Run();
            calls++;
        }
        double secondsPerCall = Stopwatch.GetElapsedTime(start).TotalSeconds / calls;
        int chunk = (int)Math.Clamp(1e-3 / secondsPerCall, 1, 1_000_000);

        double[] samples = new double[Repeats];
        for (int r = 0; r < Repeats; r++)
        {
            calls = 0;
            start = Stopwatch.GetTimestamp();
            double elapsed;
            do
            {
                for (int i = 0; i < chunk; i++) sink += operation.Run();
                calls += chunk;
                elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
            while (elapsed < LoopSeconds);
            samples[r] = elapsed * 1e9 / calls;
        }
        Sink += sink;
        Emit(peer, workload, op, "median_ns", samples);
    }

    private static void MeasureEpochs(string workload, string op, MnistNet net, Dataset data, bool useFit)
    {
        var random = new SeededRandom(7);
        for (int b = 0; b < 20; b++)
        {
            Batch batch = data.Batch(b, Batch);
            Sink += net.TrainStep(batch.Features, batch.Targets);
        }
        double[] samples = new double[Epochs];
        for (int e = 0; e < Epochs; e++)
        {
            long start = Stopwatch.GetTimestamp();
            if (useFit)
            {
                Sink += (float)net.Fit(data, epochs: 1, batchSize: Batch)["loss"][0];
            }
            else
            {
                data.Shuffle(ref random);
                for (int b = 0, batches = data.BatchCount(Batch); b < batches; b++)
                {
                    Batch batch = data.Batch(b, Batch);
                    Sink += net.TrainStep(batch.Features, batch.Targets);
                }
            }
            samples[e] = data.Count / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Emit("ours", workload, op, "samples_per_s", samples);
    }

    private static void Emit(string peer, string workload, string op, string metric, double[] samples)
    {
        double[] sorted = samples.Order().ToArray();
        int m = sorted.Length / 2;
        double median = sorted.Length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        string list = string.Join(", ", samples.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"peer": "{{peer}}", "workload": "{{workload}}", "op": "{{op}}", "{{metric}}": {{median:R}}, "samples": [{{list}}]}"""));
    }

    private static double Setting(string name, double fallback) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0
            ? value : fallback;

    // The operations are structs so that Measure is compiled once per operation, with the call inlined.
    internal interface IOperation
    {
        float Run();
    }

    // Single-sample operations cycle through the first 64 samples, like every peer.
    private struct PredictOne<TNet>(TNet net, Dataset data) : IOperation where TNet : INetwork
    {
        private readonly float[] _features = SyntheticData.Head(data, Batch).Features;
        private readonly float[] _output = new float[net.OutputSize];
        private int _next;

        public float Run()
        {
            int size = net.InputSize;
            _next = (_next + 1) & (Batch - 1);
            net.Predict(_features.AsSpan(_next * size, size), _output);
            return _output[0];
        }
    }

    private readonly struct PredictBatchOf64<TNet>(TNet net, Dataset data) : IOperation where TNet : INetwork
    {
        private readonly float[] _features = SyntheticData.Head(data, Batch).Features;
        private readonly float[] _outputs = new float[Batch * net.OutputSize];

        public float Run()
        {
            net.PredictBatch(_features, _outputs);
            return _outputs[^1];
        }
    }

    private struct TrainOne<TNet>(TNet net, Dataset data) : IOperation where TNet : ITrainableNetwork
    {
        private int _next;

        public float Run()
        {
            _next = (_next + 1) & (Batch - 1);
            Batch sample = data.Sample(_next);
            return net.TrainStep(sample.Features, sample.Targets);
        }
    }

    // Walks the full batches of the training set in order.
    private struct TrainBatchOf64<TNet>(TNet net, Dataset data) : IOperation where TNet : ITrainableNetwork
    {
        private readonly int _batches = data.Count / Batch;
        private int _next;

        public float Run()
        {
            _next = (_next + 1) % _batches;
            Batch batch = data.Batch(_next, Batch);
            return net.TrainStep(batch.Features, batch.Targets);
        }
    }
}
