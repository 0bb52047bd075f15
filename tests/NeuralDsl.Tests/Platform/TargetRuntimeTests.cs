using System;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Versioning;

namespace NeuralDsl.Tests.Platform;

/// <summary>
/// This project runs once for each framework the package ships a runtime build for (net8.0 and net9.0
/// self-contained, see the project file). These tests prove that each run used the runtime of its own
/// framework and the runtime build compiled for it, rather than a newer runtime rolled forward to,
/// and that the framework-specific code path is the one that executes.
/// </summary>
public class TargetRuntimeTests
{
#if NET8_0
    private const int Major = 8;
#elif NET9_0
    private const int Major = 9;
#elif NET10_0
    private const int Major = 10;
#endif

    [Fact]
    public void Runs_on_the_runtime_of_its_target_framework()
    {
        Assert.Equal(Major, Environment.Version.Major);
        Assert.StartsWith($".NET {Major}.", RuntimeInformation.FrameworkDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads_the_runtime_build_compiled_for_its_target_framework()
    {
        TargetFrameworkAttribute? built = typeof(Activations).Assembly.GetCustomAttribute<TargetFrameworkAttribute>();
        Assert.NotNull(built);
        Assert.Equal($".NETCoreApp,Version=v{Major}.0", built.FrameworkName);
    }

    // The span sigmoid is Vector256.Exp eight at a time on .NET 9 and later (where that API exists) and
    // the scalar MathF.Exp form before. The two round differently for some inputs, so bit equality with
    // the scalar form over a sweep tells which branch ran.
    [Fact]
    public void Span_sigmoid_takes_the_scalar_path_before_net9_and_the_vector_path_from_net9()
    {
        float[] z = new float[4001];
        for (int i = 0; i < z.Length; i++) z[i] = -20f + i * 0.01f;
        float[] a = new float[z.Length];
        Activations.Sigmoid(z, a);

        int differing = 0;
        for (int i = 0; i < z.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(Activations.Sigmoid(z[i])))
                differing++;
        }

#if NET9_0_OR_GREATER
        bool vectorPath = Vector256.IsHardwareAccelerated;
#else
        bool vectorPath = false;
#endif
        if (vectorPath) Assert.NotEqual(0, differing);
        else Assert.Equal(0, differing);
    }
}
