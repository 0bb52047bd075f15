using System;
using System.Linq;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The generator cannot reference the runtime, so it mirrors the runtime's enums; the values are read
/// from attribute arguments as integers and emitted back as names, so both must agree exactly.
/// </summary>
public class MirrorEnumTests
{
    [Theory]
    [InlineData(typeof(ActivationKind), typeof(Activation))]
    [InlineData(typeof(LossKind), typeof(Loss))]
    [InlineData(typeof(InitKind), typeof(Init))]
    [InlineData(typeof(Model.LayerKind), typeof(NeuralDsl.LayerKind))]
    [InlineData(typeof(OptimizerKind), typeof(Optimizer))]
    [InlineData(typeof(LearningTaskKind), typeof(LearningTask))]
    [InlineData(typeof(ScalingKind), typeof(Scaling))]
    [InlineData(typeof(PaddingKind), typeof(Padding))]
    public void Mirror_has_the_runtime_enums_names_and_values(Type mirror, Type runtime)
    {
        Assert.Equal(Enum.GetUnderlyingType(runtime), Enum.GetUnderlyingType(mirror));
        Assert.Equal(Members(runtime), Members(mirror));
    }

    private static (string Name, long Value)[] Members(Type enumType) =>
        Enum.GetNames(enumType)
            .Select(name => (name, Convert.ToInt64(Enum.Parse(enumType, name), System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(member => member.Item2).ThenBy(member => member.name, StringComparer.Ordinal)
            .ToArray();
}
