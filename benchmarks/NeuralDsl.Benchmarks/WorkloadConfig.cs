using System;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace NeuralDsl.Benchmarks;

/// <summary>How many samples one call of a benchmark method processes; read by <see cref="SamplesPerSecondColumn"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SamplesAttribute(int count) : Attribute
{
    /// <summary>Samples per call.</summary>
    public int Count { get; } = count;
}

/// <summary>The configuration of the workload benchmarks: allocations, and throughput in samples per second.</summary>
public sealed class WorkloadConfig : ManualConfig
{
    public WorkloadConfig()
    {
        AddColumn(new SamplesPerSecondColumn());
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
    }
}

/// <summary>Samples per call (from <see cref="SamplesAttribute"/>, else 1) divided by the median time.</summary>
public sealed class SamplesPerSecondColumn : IColumn
{
    public string Id => nameof(SamplesPerSecondColumn);
    public string ColumnName => "Samples/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Samples processed per second: samples per call divided by the median time of a call";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? medianNs = summary[benchmarkCase]?.ResultStatistics?.Median;
        if (medianNs is not > 0) return "NA";
        int samples = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<SamplesAttribute>()?.Count ?? 1;
        return (samples * 1e9 / medianNs.Value).ToString("N0", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
