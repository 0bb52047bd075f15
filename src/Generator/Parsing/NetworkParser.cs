using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NeuralDsl.Generator.Diagnostics;
using NeuralDsl.Generator.Helpers;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Parsing;

/// <summary>
/// Turns a <c>[Network]</c> class into a <see cref="NetworkModel"/>, or into the diagnostics that say
/// why it cannot be one. Shared by the generator (which keeps the model) and the analyzer (which
/// reports the diagnostics), so both always agree. Never throws on a bad declaration.
/// </summary>
internal sealed partial class NetworkParser
{
    private readonly INamedTypeSymbol _type;
    private readonly AttributeData _network;
    private readonly CancellationToken _cancellationToken;
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
    private bool _invalid;

    private NetworkParser(INamedTypeSymbol type, AttributeData network, CancellationToken cancellationToken)
    {
        _type = type;
        _network = network;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Parses <paramref name="type"/>, which carries <paramref name="network"/> (its <c>[Network]</c> attribute).</summary>
    public static ParseResult Parse(INamedTypeSymbol type, AttributeData network, CancellationToken cancellationToken)
    {
        var parser = new NetworkParser(type, network, cancellationToken);
        NetworkModel? model = parser.ParseNetwork();
        return new ParseResult(parser._invalid ? null : model, model, parser._diagnostics.ToImmutable());
    }

    /// <summary>Finds the <c>[Network]</c> attribute of <paramref name="type"/>, if any.</summary>
    public static AttributeData? FindNetworkAttribute(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.NetworkAttribute);

    private NetworkModel? ParseNetwork()
    {
        // An attribute the compiler could not bind, or an argument of the wrong type, already has a
        // compiler error; a class without a name yet is being typed. Add nothing to them.
        if (_network.AttributeConstructor is null || HasErroneousArgument(_network) || string.IsNullOrEmpty(_type.Name))
        {
            _invalid = true;
            return null;
        }

        Location classLocation = _type.Locations.FirstOrDefault() ?? Location.None;
        if (_type.TypeKind != TypeKind.Class || _type.IsStatic || _type.IsRecord)
            Report(DiagnosticDescriptors.NetworkMustBeClass, classLocation, _type.Name);
        else if (!IsPartial(_type))
            Report(DiagnosticDescriptors.NetworkMustBePartial, classLocation, _type.Name);
        if (_type.IsGenericType)
            Report(DiagnosticDescriptors.NetworkMustNotBeGeneric, classLocation, _type.Name);
        if (_type.ContainingType is not null)
            Report(DiagnosticDescriptors.NetworkMustBeTopLevel, classLocation, _type.Name);
        CheckClassShape(classLocation);

        Shape? input = ParseInputShape();

        LossKind loss = NamedEnum(_network, "Loss", LossKind.None, "NeuralDsl.Loss");
        float learningRate = Named(_network, "LearningRate", 0.01f);
        int seed = Named(_network, "Seed", 42);
        float huberDelta = Named(_network, "HuberDelta", 1f);
        if (loss == LossKind.Huber && (!(huberDelta > 0f) || float.IsInfinity(huberDelta)))
            Report(DiagnosticDescriptors.InvalidHuberDelta, ArgumentLocation(_network, "HuberDelta"), Format(huberDelta));
        if (loss != LossKind.None && (!(learningRate > 0f) || float.IsInfinity(learningRate)))
            Report(DiagnosticDescriptors.NonPositiveLearningRate, ArgumentLocation(_network, "LearningRate"), Format(learningRate));
        OptimizerSpec optimizer = ParseOptimizer(learningRate, loss != LossKind.None);

        List<AttributeData> layerAttributes = LayerAttributesInOrder();
        if (layerAttributes.Count == 0 && !_invalid)
            Report(DiagnosticDescriptors.NetworkHasNoLayers, AttributeLocation(_network), _type.Name);

        // The layer whose activation the outputs have: dropout after it passes the values through, so a
        // softmax there is still on the output (the dropout itself is the mistake, ND403).
        int outputLayer = layerAttributes.FindLastIndex(a => a.AttributeClass?.ToDisplayString() != KnownNames.DropoutAttribute);
        var layers = new List<LayerModel>(layerAttributes.Count);
        Shape shape = input ?? Shape.Vector(1);
        int offset = 0, stateOffset = 0;
        long buffered = 0;
        for (int i = 0; i < layerAttributes.Count; i++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            LayerModel? layer = ParseLayer(layerAttributes[i], i, shape, offset, stateOffset, i == outputLayer, loss);
            if (layer is null)
            {
                _shapeUnknown = true; // the layers after it cannot know their input
                continue;
            }
            layers.Add(layer);
            shape = layer.OutputShape;
            // Sizes are ints in the generated code: a declaration past int.MaxValue parameters cannot be laid out.
            long weights = layer.IsConvolution
                ? (long)layer.Window.KernelHeight * layer.Window.KernelWidth * layer.InputShape.Channels * layer.OutputShape.Channels
                : layer.IsRecurrent
                ? layer.Recurrence.Directions * ((long)layer.InputShape.Channels + layer.Recurrence.Units + 2) * layer.Gates * layer.Recurrence.Units
                : layer.Kind == LayerKind.Embedding ? (long)layer.Vocabulary * layer.OutputShape.Channels
                : (long)layer.Inputs * layer.Units;
            long next = offset + weights + 3L * layer.Units;
            buffered += 6L * layer.Units; // training keeps up to six values per unit and sample
            if (layer.IsRecurrent) buffered += 7L * layer.Recurrence.Directions * layer.Recurrence.Units * layer.InputShape.Width; // and a recurrent layer's cache
            if (next > int.MaxValue || buffered > int.MaxValue)
            {
                Report(DiagnosticDescriptors.NetworkTooLarge, AttributeLocation(layerAttributes[i]), i, int.MaxValue);
                break;
            }
            offset += layer.ParameterCount;
            stateOffset += layer.StateCount;
        }

        TaskSpec task = ParseTask();
        if (layers.Count == 0 || layers.Count != layerAttributes.Count || _diagnostics.Any(d => LeavesModelUndefined(d.Descriptor))) return null;

        string? ns = _type.ContainingNamespace is { IsGlobalNamespace: false } containing ? containing.ToDisplayString() : null;
        string className = SyntaxFacts.GetKeywordKind(_type.Name) == SyntaxKind.None ? _type.Name : "@" + _type.Name;
        var model = new NetworkModel(ns, className, input ?? Shape.Vector(1), loss, optimizer, seed, huberDelta, new EquatableArray<LayerModel>(layers))
        {
            FromLogits = Named(_network, "FromLogits", false),
            ExactActivations = Named(_network, "ExactActivations", false),
            Task = task,
            Training = ParseTraining(),
            Weights = ParseWeights(loss),
        };
        CheckOutputAndLoss(model, layerAttributes);
        if (!_invalid) CheckGeneratedMemberClashes(model);
        return model;
    }

    /// <summary>The declared task and scaling, which only the design rules read.</summary>
    private TaskSpec ParseTask() => new(
        NamedEnum(_network, "Task", LearningTaskKind.Unspecified, "NeuralDsl.LearningTask"),
        Named(_network, "Classes", 0),
        NamedEnum(_network, "InputScaling", ScalingKind.Unspecified, "NeuralDsl.Scaling"),
        NamedEnum(_network, "TargetScaling", ScalingKind.Unspecified, "NeuralDsl.Scaling"));

    /// <summary>The declared training settings: only the properties the declaration writes.</summary>
    private TrainingSpec ParseTraining()
    {
        string? monitor = Named<string?>(_network, "EarlyStoppingMonitor", null);
        return new TrainingSpec(
            Written<int>("Epochs"), Written<int>("BatchSize"), Written<float>("ValidationSplit"), Written<int>("EarlyStoppingPatience"),
            string.IsNullOrEmpty(monitor) ? null : monitor, Written<float>("ClipNorm"), Written<float>("ClipValue"));
    }

    private T? Written<T>(string name)
        where T : struct =>
        HasNamed(_network, name) ? Named<T?>(_network, name, null) : null;

    /// <summary>
    /// Errors after which the layers or sizes are not what the user meant (a missing or unreadable
    /// layer, an undefined enum value read as its default, no usable input size): no rule can judge
    /// such a model. Other errors leave a model the design rules may still check.
    /// </summary>
    private static bool LeavesModelUndefined(DiagnosticDescriptor descriptor) =>
        descriptor == DiagnosticDescriptors.InvalidInputs || descriptor == DiagnosticDescriptors.UndefinedEnumValue ||
        descriptor == DiagnosticDescriptors.LayersSplitAcrossDeclarations || descriptor == DiagnosticDescriptors.UnsupportedLayer ||
        descriptor == DiagnosticDescriptors.NonPositiveUnits || descriptor == DiagnosticDescriptors.NetworkTooLarge ||
        descriptor == DiagnosticDescriptors.InvalidInputShape || descriptor == DiagnosticDescriptors.InvalidWindowArgument ||
        descriptor == DiagnosticDescriptors.LayerInputShapeMismatch || descriptor == DiagnosticDescriptors.WindowLargerThanInput;

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>Layer attributes in source order; reports those placed on another partial declaration.</summary>
    private List<AttributeData> LayerAttributesInOrder()
    {
        (List<AttributeData> layers, List<AttributeData> elsewhere) = AttributeLocations.LayerAttributes(_type, _network, _cancellationToken);
        foreach (AttributeData attribute in elsewhere)
            Report(DiagnosticDescriptors.LayersSplitAcrossDeclarations, AttributeLocation(attribute), _type.Name);
        return layers;
    }

    private void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments)
    {
        _diagnostics.Add(Diagnostic.Create(descriptor, location, arguments));
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error) _invalid = true;
    }

    private static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
