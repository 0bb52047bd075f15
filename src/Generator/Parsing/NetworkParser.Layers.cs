using System;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

internal sealed partial class NetworkParser
{
    private LayerModel? ParseLayer(AttributeData attribute, int index, int fanIn, int offset, bool isOutput, LossKind loss)
    {
        if (attribute.AttributeConstructor is null)
        {
            _invalid = true;
            return null;
        }
        string? name = attribute.AttributeClass?.ToDisplayString();
        if (name != KnownNames.DenseAttribute)
        {
            Report(DiagnosticDescriptors.UnsupportedLayer, AttributeLocation(attribute), attribute.AttributeClass?.Name);
            return null;
        }
        return ParseDense(attribute, index, fanIn, offset, isOutput, loss);
    }

    private LayerModel? ParseDense(AttributeData attribute, int index, int fanIn, int offset, bool isOutput, LossKind loss)
    {
        int units = Positional(attribute, 0, 0);
        if (units <= 0)
        {
            Report(DiagnosticDescriptors.NonPositiveUnits, ArgumentLocation(attribute, "units", 0), index, units);
            return null;
        }

        ActivationKind activation = PositionalEnum(attribute, 1, "activation", ActivationKind.Linear, "NeuralDsl.Activation");
        Location activationLocation = ArgumentLocation(attribute, "activation", 1);
        if (activation == ActivationKind.Softmax && !isOutput)
            Report(DiagnosticDescriptors.SoftmaxNotOnOutputLayer, activationLocation, index);
        if (activation == ActivationKind.Step && loss != LossKind.None)
            Report(DiagnosticDescriptors.StepWithGradientTraining, activationLocation, index, loss);

        float alpha = ParseAlpha(attribute, activation);
        InitSpec weights = ParseInit(attribute, "Weight", DefaultWeightInit(activation));
        InitSpec biases = ParseInit(attribute, "Bias", InitKind.Zeros);
        return new LayerModel(index, LayerKind.Dense, fanIn, units, activation, alpha, weights, biases, offset);
    }

    private float ParseAlpha(AttributeData attribute, ActivationKind activation)
    {
        float defaultAlpha = activation switch
        {
            ActivationKind.LeakyReLU => 0.01f,
            ActivationKind.ELU => 1f,
            ActivationKind.PReLU => 0.25f,
            _ => 0f,
        };
        if (!HasNamed(attribute, "Alpha")) return defaultAlpha;

        float alpha = Named(attribute, "Alpha", float.NaN);
        Location location = ArgumentLocation(attribute, "Alpha");
        if (activation is not (ActivationKind.LeakyReLU or ActivationKind.ELU or ActivationKind.PReLU))
        {
            Report(DiagnosticDescriptors.AlphaHasNoEffect, location, activation);
            return 0f;
        }
        if (float.IsNaN(alpha)) return defaultAlpha;
        if (float.IsInfinity(alpha)) Report(DiagnosticDescriptors.InvalidAlpha, location, Format(alpha), activation);
        return alpha;
    }

    /// <summary>He for the ReLU family, LeCun for SELU (its self-normalising fixed point needs it), Glorot otherwise.</summary>
    private static InitKind DefaultWeightInit(ActivationKind activation) => activation switch
    {
        ActivationKind.ReLU or ActivationKind.LeakyReLU or ActivationKind.PReLU or ActivationKind.ELU => InitKind.HeUniform,
        ActivationKind.SELU => InitKind.LeCunNormal,
        _ => InitKind.GlorotUniform,
    };

    /// <summary>Reads <c>{prefix}Init</c> and the arguments its kind uses (<c>{prefix}Value</c>, <c>Mean</c>, <c>StdDev</c>, <c>Min</c>, <c>Max</c>).</summary>
    private InitSpec ParseInit(AttributeData attribute, string prefix, InitKind resolvedDefault)
    {
        InitKind kind = NamedEnum(attribute, prefix + "Init", InitKind.Default, "NeuralDsl.Init");
        if (kind == InitKind.Default) kind = resolvedDefault;
        switch (kind)
        {
            case InitKind.Constant:
            {
                float value = Named(attribute, prefix + "Value", 0f);
                RequireFinite(attribute, prefix + "Value", value);
                return new InitSpec(kind, value, 0f);
            }
            case InitKind.RandomNormal:
            {
                float mean = Named(attribute, prefix + "Mean", 0f);
                float stdDev = Named(attribute, prefix + "StdDev", 0.05f);
                RequireFinite(attribute, prefix + "Mean", mean);
                if (!(stdDev >= 0f) || float.IsInfinity(stdDev))
                    Report(DiagnosticDescriptors.InvalidInitializerArgument, ArgumentLocation(attribute, prefix + "StdDev"),
                        prefix + "StdDev = " + Format(stdDev), "a standard deviation must be finite and not negative");
                return new InitSpec(kind, mean, stdDev);
            }
            case InitKind.RandomUniform:
            {
                float min = Named(attribute, prefix + "Min", -0.05f);
                float max = Named(attribute, prefix + "Max", 0.05f);
                bool finite = RequireFinite(attribute, prefix + "Min", min) & RequireFinite(attribute, prefix + "Max", max);
                if (finite && min > max)
                    Report(DiagnosticDescriptors.InvalidInitializerArgument, ArgumentLocation(attribute, prefix + "Min"),
                        prefix + "Min = " + Format(min), "it is greater than " + prefix + "Max = " + Format(max));
                return new InitSpec(kind, min, max);
            }
            default:
                return new InitSpec(kind, 0f, 0f);
        }
    }

    private bool RequireFinite(AttributeData attribute, string name, float value)
    {
        if (!float.IsNaN(value) && !float.IsInfinity(value)) return true;
        Report(DiagnosticDescriptors.InvalidInitializerArgument, ArgumentLocation(attribute, name),
            name + " = " + Format(value), "it must be a finite number");
        return false;
    }

    /// <summary>Checks that the output activation and the loss fit together, one diagnostic per root cause.</summary>
    private void CheckOutputAndLoss(LayerModel output, AttributeData outputAttribute, LossKind loss)
    {
        if (output.Activation == ActivationKind.Softmax && output.Units == 1)
        {
            Report(DiagnosticDescriptors.SoftmaxOnSingleUnit, ArgumentLocation(outputAttribute, "activation", 1));
            return;
        }

        Location lossLocation = ArgumentLocation(_network, "Loss");
        bool probabilities = output.Activation is ActivationKind.Sigmoid or ActivationKind.Softmax;
        switch (loss)
        {
            case LossKind.BinaryCrossEntropy when !probabilities:
                Report(DiagnosticDescriptors.BinaryCrossEntropyWithoutSigmoid, lossLocation, output.Activation);
                break;
            case LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy when output.Units == 1:
                Report(DiagnosticDescriptors.CategoricalCrossEntropyOnSingleUnit, lossLocation, loss);
                break;
            case LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy when !probabilities:
                Report(DiagnosticDescriptors.CategoricalCrossEntropyWithoutSoftmax, lossLocation, loss, output.Activation);
                break;
        }
    }
}
