using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

internal sealed partial class NetworkParser
{
    private LayerModel? ParseLayer(AttributeData attribute, int index, Shape input, int offset, int stateOffset, bool isOutput, LossKind loss)
    {
        if (attribute.AttributeConstructor is null || HasErroneousArgument(attribute))
        {
            _invalid = true;
            return null;
        }
        switch (attribute.AttributeClass?.ToDisplayString())
        {
            case KnownNames.DenseAttribute:
                if (!Fits(attribute, index, LayerKind.Dense, input, 1)) return null;
                return ParseDense(attribute, index, input, offset, stateOffset, isOutput, loss);
            case KnownNames.DropoutAttribute:
                return ParseDropout(attribute, index, input, offset, stateOffset);
            case KnownNames.BatchNormalizationAttribute:
                // Any rank: statistics per channel (Keras' axis -1), a vector's values being its channels.
                return ParseBatchNormalization(attribute, index, input, offset, stateOffset);
            case KnownNames.ActivationAttribute:
                ActivationKind activation = CheckActivation(attribute, index, isOutput, loss);
                return new LayerModel(index, LayerKind.Activation, input, input, activation, ParseAlpha(attribute, activation),
                    default, default, offset, stateOffset);
            case KnownNames.Conv2DAttribute:
                return ParseConvolution(attribute, index, input, offset, stateOffset, isOutput, loss, LayerKind.Conv2D);
            case KnownNames.Conv1DAttribute:
                return ParseConvolution(attribute, index, input, offset, stateOffset, isOutput, loss, LayerKind.Conv1D);
            case KnownNames.MaxPool2DAttribute:
                return ParsePooling(attribute, index, input, offset, stateOffset, LayerKind.MaxPool2D);
            case KnownNames.MaxPool1DAttribute:
                return ParsePooling(attribute, index, input, offset, stateOffset, LayerKind.MaxPool1D);
            case KnownNames.AveragePool2DAttribute:
                return ParsePooling(attribute, index, input, offset, stateOffset, LayerKind.AveragePool2D);
            case KnownNames.AveragePool1DAttribute:
                return ParsePooling(attribute, index, input, offset, stateOffset, LayerKind.AveragePool1D);
            case KnownNames.GlobalAveragePooling2DAttribute:
                return ParseGlobalPooling(attribute, index, input, offset, stateOffset, LayerKind.GlobalAveragePooling2D);
            case KnownNames.GlobalAveragePooling1DAttribute:
                return ParseGlobalPooling(attribute, index, input, offset, stateOffset, LayerKind.GlobalAveragePooling1D);
            case KnownNames.FlattenAttribute:
                return ParseFlatten(attribute, index, input, offset, stateOffset);
            case KnownNames.SimpleRNNAttribute:
                return ParseRecurrent(attribute, index, input, offset, stateOffset, LayerKind.SimpleRNN);
            case KnownNames.LSTMAttribute:
                return ParseRecurrent(attribute, index, input, offset, stateOffset, LayerKind.LSTM);
            case KnownNames.GRUAttribute:
                return ParseRecurrent(attribute, index, input, offset, stateOffset, LayerKind.GRU);
            case KnownNames.EmbeddingAttribute:
                return ParseEmbedding(attribute, index, input, offset, stateOffset);
            default:
                Report(DiagnosticDescriptors.UnsupportedLayer, AttributeLocation(attribute), attribute.AttributeClass?.Name);
                return null;
        }
    }

    private LayerModel? ParseDense(AttributeData attribute, int index, Shape input, int offset, int stateOffset, bool isOutput, LossKind loss)
    {
        int units = Positional(attribute, 0, 0);
        if (units <= 0)
        {
            Report(DiagnosticDescriptors.NonPositiveUnits, ArgumentLocation(attribute, "units", 0), index, units);
            return null;
        }

        ActivationKind activation = CheckActivation(attribute, index, isOutput, loss);
        float alpha = ParseAlpha(attribute, activation);
        InitSpec weights = ParseInit(attribute, "Weight", DefaultWeightInit(activation));
        InitSpec biases = ParseInit(attribute, "Bias", InitKind.Zeros);
        bool useBias = Named(attribute, "UseBias", true);
        float biasL1 = Penalty(attribute, "BiasL1"), biasL2 = Penalty(attribute, "BiasL2");
        // A layer without biases has no bias to penalise: its bias penalties are void.
        var penalties = new Penalties(Penalty(attribute, "KernelL1"), Penalty(attribute, "KernelL2"), useBias ? biasL1 : 0f, useBias ? biasL2 : 0f);
        return new LayerModel(index, LayerKind.Dense, input, Shape.Vector(units), activation, alpha, weights, biases, offset, stateOffset)
        {
            UseBias = useBias,
            Penalties = penalties,
        };
    }

    private LayerModel ParseDropout(AttributeData attribute, int index, Shape input, int offset, int stateOffset)
    {
        float rate = Positional(attribute, 0, 0f);
        if (!(rate >= 0f && rate < 1f))
            Report(DiagnosticDescriptors.DropoutRateOutOfRange, ArgumentLocation(attribute, "rate", 0), Format(rate));
        return new LayerModel(index, LayerKind.Dropout, input, input, ActivationKind.Linear, 0f, default, default, offset, stateOffset) { Rate = rate };
    }

    private LayerModel ParseBatchNormalization(AttributeData attribute, int index, Shape input, int offset, int stateOffset)
    {
        float momentum = Named(attribute, "Momentum", 0.99f);
        float epsilon = Named(attribute, "Epsilon", 1e-3f);
        if (!(momentum >= 0f && momentum < 1f))
            Report(DiagnosticDescriptors.InvalidBatchNormalization, ArgumentLocation(attribute, "Momentum"), "Momentum = " + Format(momentum), "it must be in [0, 1)");
        if (!(epsilon > 0f) || float.IsInfinity(epsilon))
            Report(DiagnosticDescriptors.InvalidBatchNormalization, ArgumentLocation(attribute, "Epsilon"), "Epsilon = " + Format(epsilon), "it must be positive and finite");
        return new LayerModel(index, LayerKind.BatchNormalization, input, input, ActivationKind.Linear, 0f,
            new InitSpec(InitKind.Ones, 0f, 0f), new InitSpec(InitKind.Zeros, 0f, 0f), offset, stateOffset)
        {
            Momentum = momentum,
            Epsilon = epsilon,
        };
    }

    /// <summary>Reads a layer's activation (constructor position 1 for Dense, 0 for Activation, as given for convolutions) and checks where it may appear.</summary>
    private ActivationKind CheckActivation(AttributeData attribute, int index, bool isOutput, LossKind loss, int position = -1)
    {
        if (position < 0) position = attribute.AttributeClass?.ToDisplayString() == KnownNames.ActivationAttribute ? 0 : 1;
        ActivationKind activation = PositionalEnum(attribute, position, "activation", ActivationKind.Linear, "NeuralDsl.Activation");
        Location location = ArgumentLocation(attribute, "activation", position);
        if (activation == ActivationKind.Softmax && !isOutput)
            Report(DiagnosticDescriptors.SoftmaxNotOnOutputLayer, location, index);
        if (activation == ActivationKind.Step && loss != LossKind.None)
            Report(DiagnosticDescriptors.StepWithGradientTraining, location, index, loss);
        return activation;
    }

    private float Penalty(AttributeData attribute, string name)
    {
        float value = Named(attribute, name, 0f);
        if (value >= 0f && !float.IsInfinity(value)) return value;
        Report(DiagnosticDescriptors.InvalidPenalty, ArgumentLocation(attribute, name), name + " = " + Format(value));
        return 0f;
    }

    private OptimizerSpec ParseOptimizer(float learningRate, bool trainable)
    {
        OptimizerKind kind = NamedEnum(_network, "Optimizer", OptimizerKind.Sgd, "NeuralDsl.Optimizer");
        float momentum = Named(_network, "Momentum", 0f);
        bool nesterov = Named(_network, "Nesterov", false);
        float beta1 = Named(_network, "Beta1", 0.9f), beta2 = Named(_network, "Beta2", 0.999f);
        float epsilon = Named(_network, "Epsilon", float.NaN), weightDecay = Named(_network, "WeightDecay", float.NaN);
        if (trainable)
        {
            if (!(momentum >= 0f && momentum < 1f))
                Report(DiagnosticDescriptors.InvalidMomentum, ArgumentLocation(_network, "Momentum"), "Momentum = " + Format(momentum));
            else if (nesterov && (kind != OptimizerKind.Sgd || momentum == 0f))
                Report(DiagnosticDescriptors.InvalidMomentum, ArgumentLocation(_network, "Nesterov"),
                    kind == OptimizerKind.Sgd ? "Nesterov = true with Momentum = 0" : "Nesterov applies to Sgd only");
            if (!(beta1 >= 0f && beta1 < 1f))
                Report(DiagnosticDescriptors.AdamBetaOutOfRange, ArgumentLocation(_network, "Beta1"), "Beta1 = " + Format(beta1));
            if (!(beta2 >= 0f && beta2 < 1f))
                Report(DiagnosticDescriptors.AdamBetaOutOfRange, ArgumentLocation(_network, "Beta2"), "Beta2 = " + Format(beta2));
            if (HasNamed(_network, "Epsilon") && (!(epsilon > 0f) || float.IsInfinity(epsilon)))
                Report(DiagnosticDescriptors.InvalidEpsilon, ArgumentLocation(_network, "Epsilon"), Format(epsilon));
            if (HasNamed(_network, "WeightDecay") && !(weightDecay >= 0f && !float.IsInfinity(weightDecay)))
                Report(DiagnosticDescriptors.InvalidPenalty, ArgumentLocation(_network, "WeightDecay"), "WeightDecay = " + Format(weightDecay));
        }
        return new OptimizerSpec(kind, learningRate, momentum, nesterov, beta1, beta2, epsilon, weightDecay);
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
            case InitKind.Orthogonal when prefix == "Bias":
                Report(DiagnosticDescriptors.InvalidInitializerArgument, ArgumentLocation(attribute, "BiasInit"), "BiasInit = Orthogonal",
                    "biases are a vector, and an orthogonal initialiser fills a matrix; use it for WeightInit or RecurrentInit");
                return new InitSpec(InitKind.Zeros, 0f, 0f);
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
                {
                    // Point at the bound the user wrote (the other may be a default).
                    bool minWritten = HasNamed(attribute, prefix + "Min");
                    string written = minWritten ? prefix + "Min" : prefix + "Max";
                    Report(DiagnosticDescriptors.InvalidInitializerArgument, ArgumentLocation(attribute, written),
                        minWritten ? prefix + "Min = " + Format(min) : prefix + "Max = " + Format(max),
                        minWritten ? "it is greater than " + prefix + "Max = " + Format(max) : "it is less than " + prefix + "Min = " + Format(min));
                }
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

    /// <summary>
    /// Checks that the output activation and the loss fit together, one diagnostic per root cause. The
    /// output activation is that of the last layer that is not a dropout (dropout passes values through).
    /// With <c>FromLogits</c> the loss applies the sigmoid or softmax itself, so any output is accepted
    /// (a probability output is a design warning, ND107).
    /// </summary>
    private void CheckOutputAndLoss(NetworkModel model, List<AttributeData> attributes)
    {
        LayerModel output = model.Layers[model.OutputActivationLayer];
        if (output.Activation == ActivationKind.Softmax && output.Units == 1)
        {
            int position = output.Kind == LayerKind.Activation ? 0 : 1;
            Report(DiagnosticDescriptors.SoftmaxOnSingleUnit, ArgumentLocation(attributes[output.Index], "activation", position));
            return;
        }

        Location lossLocation = ArgumentLocation(_network, "Loss");
        bool probabilities = output.Activation is ActivationKind.Sigmoid or ActivationKind.Softmax;
        switch (model.Loss)
        {
            case LossKind.BinaryCrossEntropy when !probabilities && !model.FromLogits:
                Report(DiagnosticDescriptors.BinaryCrossEntropyWithoutSigmoid, lossLocation, output.Activation);
                break;
            case LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy when output.Units == 1:
                Report(DiagnosticDescriptors.CategoricalCrossEntropyOnSingleUnit, lossLocation, model.Loss);
                break;
            case LossKind.CategoricalCrossEntropy or LossKind.SparseCategoricalCrossEntropy when !probabilities && !model.FromLogits:
                Report(DiagnosticDescriptors.CategoricalCrossEntropyWithoutSoftmax, lossLocation, model.Loss, output.Activation);
                break;
        }
    }
}
