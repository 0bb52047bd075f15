using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NeuralDsl.Generator.Analysis;

/// <summary>
/// One rule of the design catalogue: a check over a valid network model that says where the problem
/// is as a <see cref="Site"/>, never as a source location, so that rules stay pure functions of the
/// declaration. <see cref="DesignAnalysis"/> turns the findings into diagnostics.
/// </summary>
internal abstract class DesignRule
{
    protected DesignRule(DiagnosticDescriptor descriptor) => Descriptor = descriptor;

    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>Adds what the rule finds in <paramref name="design"/> to <paramref name="findings"/>.</summary>
    public abstract void Check(NetworkDesign design, RuleSettings settings, List<Finding> findings);

    protected Finding At(Site site, params object?[] arguments) => new(Descriptor, site, arguments);
}
