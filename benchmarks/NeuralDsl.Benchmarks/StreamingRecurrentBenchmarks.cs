using BenchmarkDotNet.Attributes;

namespace NeuralDsl.Benchmarks;

/// <summary>
/// Streaming inference, one time step per call, of RTNeural's real-time workloads: LSTM(1 -> 16) -> Dense(1),
/// GRU(8 -> 32) -> Dense(1) (reset_after, Keras' default) and LSTM(1 -> 40) -> Dense(1). Each call feeds the
/// next sample of a fixed signal through the network's generated Step, with the state in a caller-owned span
/// (the recurrent kernel's step, then the dense output unrolled).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WorkloadConfig))]
public class StreamingRecurrentBenchmarks
{
    private readonly StreamingWorkload _lstm16 = StreamingWorkload.Lstm16();
    private readonly StreamingWorkload _gru32 = StreamingWorkload.Gru32();
    private readonly StreamingWorkload _lstm40 = StreamingWorkload.Lstm40();

    [Benchmark(Description = "LSTM(1->16)->Dense(1) step")]
    public float Lstm16() => _lstm16.Step();

    [Benchmark(Description = "GRU(8->32)->Dense(1) step")]
    public float Gru32() => _gru32.Step();

    [Benchmark(Description = "LSTM(1->40)->Dense(1) step")]
    public float Lstm40() => _lstm40.Step();
}
