using Microsoft.CodeAnalysis;

namespace NeuralDsl.Generator.Diagnostics;

/// <summary>Every diagnostic NeuralDsl reports. Each ID has a page at <c>docs/diagnostics/ID.md</c>.</summary>
internal static class DiagnosticDescriptors
{
    private const string HelpLinkBase = "https://github.com/NeuralDsl/NeuralDsl/blob/main/docs/diagnostics/";
    private const string Declaration = "NeuralDsl.Declaration";
    private const string Design = "NeuralDsl.Design";

    public static readonly DiagnosticDescriptor NetworkMustBePartial = Error("ND001", Declaration,
        "Network class must be partial",
        "Network class '{0}' must be declared partial so that the generator can add its members");

    public static readonly DiagnosticDescriptor NetworkMustNotBeGeneric = Error("ND002", Declaration,
        "Network class must not be generic",
        "Network class '{0}' must not be generic: its sizes and code are fixed at compile time");

    public static readonly DiagnosticDescriptor NetworkMustBeTopLevel = Error("ND003", Declaration,
        "Network class must not be nested",
        "Network class '{0}' must be declared directly in a namespace, not inside another type");

    public static readonly DiagnosticDescriptor NetworkHasNoLayers = Error("ND004", Declaration,
        "Network has no layers",
        "Network '{0}' declares no layers: add at least one layer attribute such as [Dense(10)]");

    public static readonly DiagnosticDescriptor LayersSplitAcrossDeclarations = Error("ND005", Declaration,
        "Layers must be declared beside [Network]",
        "Layer attributes of '{0}' must all be on the partial declaration that carries [Network], so that their order is defined");

    public static readonly DiagnosticDescriptor InvalidInputs = Error("ND006", Declaration,
        "Inputs must be positive",
        "Network '{0}' declares Inputs = {1}; it must be at least 1");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error("ND007", Declaration,
        "Undefined enum value",
        "{0} is not a defined value of {1}");

    public static readonly DiagnosticDescriptor SoftmaxNotOnOutputLayer = Error("ND008", Declaration,
        "Softmax only on the output layer",
        "Layer {0} uses Softmax, which is supported on the output layer only; use ReLU (or another element-wise activation) in hidden layers");

    public static readonly DiagnosticDescriptor StepWithGradientTraining = Error("ND009", Declaration,
        "Step activation cannot be trained by gradient descent",
        "Layer {0} uses Step, whose derivative is zero almost everywhere, but the network declares Loss = {1}: use Sigmoid for gradient training, or remove the loss for an inference-only perceptron");

    public static readonly DiagnosticDescriptor InvalidHuberDelta = Error("ND010", Declaration,
        "Huber delta must be positive",
        "HuberDelta = {0} is invalid: it must be a positive, finite number");

    public static readonly DiagnosticDescriptor InvalidAlpha = Error("ND011", Declaration,
        "Activation parameter must be finite",
        "Alpha = {0} is invalid for {1}: it must be a finite number");

    public static readonly DiagnosticDescriptor AlphaHasNoEffect = Warning("ND012", Declaration,
        "Alpha has no effect",
        "Alpha has no effect on {0}: only LeakyReLU, ELU and PReLU take a parameter");

    public static readonly DiagnosticDescriptor InvalidInitializerArgument = Error("ND013", Declaration,
        "Invalid initialiser argument",
        "{0} is invalid: {1}");

    public static readonly DiagnosticDescriptor LayerWithoutNetwork = Warning("ND014", Declaration,
        "Layer attribute without [Network]",
        "'{0}' has layer attributes but no [Network] attribute, so no network is generated for it");

    public static readonly DiagnosticDescriptor UnsupportedLayer = Error("ND015", Declaration,
        "Unsupported layer attribute",
        "'{0}' is not a layer kind the generator knows");

    public static readonly DiagnosticDescriptor NetworkMustBeClass = Error("ND016", Declaration,
        "Network must be a non-static class",
        "'{0}' must be a non-static class (not a record, struct or static class) to carry [Network]");

    public static readonly DiagnosticDescriptor InvalidBatchNormalization = Error("ND017", Declaration,
        "Invalid batch normalisation argument",
        "{0} is invalid for BatchNormalization: {1}");

    public static readonly DiagnosticDescriptor InvalidPenalty = Error("ND018", Declaration,
        "Invalid weight penalty",
        "{0} is invalid: a penalty or weight decay must be a finite number, not negative");

    public static readonly DiagnosticDescriptor NetworkTooLarge = Error("ND019", Declaration,
        "Network too large",
        "Layer {0} takes the network past {1} parameters or buffered values, the most a flat span can hold");

    public static readonly DiagnosticDescriptor SoftmaxOnSingleUnit = Error("ND101", Design,
        "Softmax on a single unit",
        "Softmax over one unit always outputs 1, so its gradient is zero: use Sigmoid for a binary output, Linear for regression, or one unit per class");

    public static readonly DiagnosticDescriptor CategoricalCrossEntropyOnSingleUnit = Error("ND104", Design,
        "Categorical cross-entropy on a single unit",
        "{0} over a single output unit is constant: use one unit per class, or Sigmoid with BinaryCrossEntropy");

    public static readonly DiagnosticDescriptor BinaryCrossEntropyWithoutSigmoid = Error("ND105", Design,
        "Binary cross-entropy needs a probability output",
        "BinaryCrossEntropy needs probabilities, but the output layer's activation is {0}: use Sigmoid");

    public static readonly DiagnosticDescriptor CategoricalCrossEntropyWithoutSoftmax = Error("ND106", Design,
        "Categorical cross-entropy needs a probability output",
        "{0} needs probabilities, but the output layer's activation is {1}: use Softmax");

    public static readonly DiagnosticDescriptor DropoutRateOutOfRange = Error("ND401", Design,
        "Dropout rate out of range",
        "Dropout rate {0} is invalid: it must be at least 0 and below 1 (1 would drop every value)");

    public static readonly DiagnosticDescriptor NonPositiveLearningRate = Error("ND501", Design,
        "Learning rate must be positive",
        "LearningRate = {0} is invalid: it must be positive and finite (0 gives no update, a negative value gradient ascent); use a value such as 0.01");

    public static readonly DiagnosticDescriptor InvalidMomentum = Error("ND504", Design,
        "Invalid momentum",
        "{0}: momentum must be in [0, 1), and Nesterov momentum needs momentum above 0");

    public static readonly DiagnosticDescriptor AdamBetaOutOfRange = Error("ND505", Design,
        "Adam beta out of range",
        "{0} is invalid: Adam's betas must be in [0, 1)");

    public static readonly DiagnosticDescriptor InvalidEpsilon = Error("ND506", Design,
        "Optimiser epsilon must be positive",
        "Epsilon = {0} is invalid: it guards a division, so it must be positive and finite");

    public static readonly DiagnosticDescriptor NonPositiveUnits = Error("ND702", Design,
        "Layer units must be positive",
        "Layer {0} declares {1} units; a layer needs at least 1");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
