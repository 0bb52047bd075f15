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

    public static readonly DiagnosticDescriptor FromLogitsHasNoEffect = Warning("ND020", Declaration,
        "FromLogits has no effect",
        "FromLogits has no effect with {0}: only BinaryCrossEntropy, CategoricalCrossEntropy and SparseCategoricalCrossEntropy take logits");

    public static readonly DiagnosticDescriptor MemberClashesWithGenerated = Error("ND021", Declaration,
        "Member named like a generated member",
        "Network '{0}' {1} '{2}', a name the generated code declares: rename it (nothing is generated for '{0}' until then)");

    public static readonly DiagnosticDescriptor ConstructorClashesWithGenerated = Error("ND022", Declaration,
        "Constructor clashes with the generated constructors",
        "Network '{0}' declares {1}, but the generated code declares the constructors {0}() and {0}(int seed), which initialise the parameters: remove it, or give it other parameters and chain to this(seed) (nothing is generated for '{0}' until then)");

    public static readonly DiagnosticDescriptor NetworkNamedLikeGeneratedMember = Error("ND023", Declaration,
        "Network class named like a generated member",
        "Network class '{0}' has the name of a member the generated code declares, and a member cannot be named like its class: rename the class (nothing is generated for it until then)");

    public static readonly DiagnosticDescriptor FileLocalNetwork = Error("ND024", Declaration,
        "Network class must not be file-local",
        "Network class '{0}' is file-local, but its generated members are in another file and a file-local class cannot span files: use 'internal' instead of 'file'");

    public static readonly DiagnosticDescriptor NetworkDerivesFromNetwork = Error("ND025", Declaration,
        "Network class must not derive from a network",
        "Network class '{0}' derives from network '{1}', whose generated members its own would hide: derive both from a common base class that is not a network, or hold '{1}' in a field");

    // Shapes: the input shape, and each layer's fit to the shape it receives; reported at the attribute
    // or argument at fault, once per root cause (layers after a misfit are not checked).

    public static readonly DiagnosticDescriptor InvalidInputShape = Error("ND026", Declaration,
        "Invalid input shape",
        "InputShape = {0} is invalid: {1}");

    public static readonly DiagnosticDescriptor InvalidWindowArgument = Error("ND027", Declaration,
        "Invalid argument of a convolution, pooling, recurrent or embedding layer",
        "{0} is invalid for layer {1} ({2}): {3}");

    public static readonly DiagnosticDescriptor LayerInputShapeMismatch = Error("ND028", Declaration,
        "Layer cannot take its input's shape",
        "Layer {0} ({1}) cannot take an input of shape {2}: {3}");

    public static readonly DiagnosticDescriptor WindowLargerThanInput = Error("ND029", Declaration,
        "Window larger than its input",
        "Layer {0} ({1}) slides a {2} window over an input of shape {3} with Padding.Valid, so no position fits: use a smaller window, or Padding.Same");

    public static readonly DiagnosticDescriptor SoftmaxOnSingleUnit = Error("ND101", Design,
        "Softmax on a single unit",
        "Softmax over one unit always outputs 1, so its gradient is zero: use Sigmoid for a binary output, Linear for regression, or one unit per class");

    public static readonly DiagnosticDescriptor SoftmaxWithBinaryCrossEntropy = Warning("ND102", Design,
        "Softmax output with binary cross-entropy",
        "BinaryCrossEntropy scores each of the {0} softmax units as an independent yes/no probability, although softmax makes them compete: use CategoricalCrossEntropy for exclusive classes, or Sigmoid for independent labels");

    public static readonly DiagnosticDescriptor SigmoidOutputWithCategoricalCrossEntropy = Warning("ND103", Design,
        "Sigmoid output with categorical cross-entropy",
        "{0} expects a probability distribution, but {1} sigmoid units need not sum to 1: use Softmax for exclusive classes, or BinaryCrossEntropy for independent labels");

    public static readonly DiagnosticDescriptor CategoricalCrossEntropyOnSingleUnit = Error("ND104", Design,
        "Categorical cross-entropy on a single unit",
        "{0} over a single output unit is constant: use one unit per class, or Sigmoid with BinaryCrossEntropy");

    public static readonly DiagnosticDescriptor BinaryCrossEntropyWithoutSigmoid = Error("ND105", Design,
        "Binary cross-entropy needs a probability output",
        "BinaryCrossEntropy needs probabilities, but the output layer's activation is {0}: use Sigmoid, or FromLogits = true");

    public static readonly DiagnosticDescriptor CategoricalCrossEntropyWithoutSoftmax = Error("ND106", Design,
        "Categorical cross-entropy needs a probability output",
        "{0} needs probabilities, but the output layer's activation is {1}: use Softmax, or FromLogits = true");

    public static readonly DiagnosticDescriptor ProbabilityOutputWithLogitsLoss = Warning("ND107", Design,
        "Probability output with a loss on logits",
        "FromLogits = true makes the loss apply {0} to the outputs, but the output activation is already {1}: the outputs are squashed twice and the gradients shrink; use a Linear output, or FromLogits = false");

    public static readonly DiagnosticDescriptor RegressionLossForClassification = Warning("ND108", Design,
        "Regression loss for a classification task",
        "{0} on a {1} task multiplies the gradient by the output's slope, so learning stalls where the output saturates: use {2}");

    public static readonly DiagnosticDescriptor BoundedOutputForRegression = Warning("ND109", Design,
        "Bounded output for regression",
        "The regression output cannot cover the targets: {0}; use a Linear output, or scale the targets into the output's range and declare TargetScaling");

    public static readonly DiagnosticDescriptor OutputUnitsTaskMismatch = Error("ND110", Design,
        "Output units contradict the task",
        "The output layer has {0} unit(s), but {1}");

    public static readonly DiagnosticDescriptor LinearHiddenLayer = Warning("ND201", Design,
        "Linear hidden layer",
        "Hidden layer {0} has no non-linearity, so it composes with the next layer into a single linear map: add an activation such as ReLU, or remove the layer");

    public static readonly DiagnosticDescriptor DeepSaturatingStack = Warning("ND202", Design,
        "Deep stack of saturating activations",
        "{0} hidden layers ({1}) use saturating activations without batch normalisation, so the gradient shrinks at each of them and the first layers barely learn: use ReLU with He initialisation, or add BatchNormalization");

    public static readonly DiagnosticDescriptor RedundantActivation = Info("ND204", Design,
        "Redundant activation",
        "Layer {0} applies {1} to the output of layer {2}, which already applies {3}: remove one of the two");

    public static readonly DiagnosticDescriptor SeluWithoutSelfNormalisingSetup = Warning("ND205", Design,
        "SELU without its self-normalising setup",
        "SELU keeps activations normalised only with LeCun-normal weights and without standard dropout, but {0}");

    public static readonly DiagnosticDescriptor ConstantWeightInitInHiddenLayer = Error("ND301", Design,
        "Constant weight initialisation in a hidden layer",
        "Hidden layer {0} starts with every weight equal ({1}): its units compute the same value and receive the same gradient, so they never differentiate; use {2}");

    public static readonly DiagnosticDescriptor HeInitWithSaturatingActivation = Warning("ND302", Design,
        "He initialisation with a saturating activation",
        "Layer {0} uses {1}, whose variance is derived for rectifiers, with {2}: the doubled pre-activation variance drives the units into saturation; use {3}");

    public static readonly DiagnosticDescriptor GlorotInitInDeepReluStack = Info("ND303", Design,
        "Glorot initialisation in a deep ReLU stack",
        "{0} hidden rectifier layers use Glorot initialisation without batch normalisation, which halves the signal's variance at each of them: use HeUniform or HeNormal, or add BatchNormalization");

    public static readonly DiagnosticDescriptor LargeFixedScaleRandomInit = Warning("ND304", Design,
        "Large fixed-scale random initialisation",
        "Layer {0} draws its weights from {1} over {2} inputs, which multiplies the signal's variance by {3} at this layer: use a fan-aware initialiser such as GlorotUniform, HeUniform or LeCunNormal");

    public static readonly DiagnosticDescriptor NegativeBiasWithReLU = Warning("ND305", Design,
        "Negative bias with ReLU",
        "Layer {0} starts its ReLU units with bias {1}, in the zero-gradient region where they can die: use BiasInit = Init.Zeros or a small positive constant, or LeakyReLU");

    public static readonly DiagnosticDescriptor DropoutRateOutOfRange = Error("ND401", Design,
        "Dropout rate out of range",
        "Dropout rate {0} is invalid: it must be at least 0 and below 1 (1 would drop every value)");

    public static readonly DiagnosticDescriptor HighDropoutRate = Warning("ND402", Design,
        "High dropout rate",
        "Dropout rate {0} is above {1}: most units are dropped at every step, which slows or stops learning; use a rate of at most {1}");

    public static readonly DiagnosticDescriptor DropoutOnOutputLayer = Warning("ND403", Design,
        "Dropout on the output layer",
        "Dropout after the output layer randomly zeroes and rescales the network's predictions in training{0}: move it before the output layer");

    public static readonly DiagnosticDescriptor DropoutBeforeBatchNorm = Warning("ND404", Design,
        "Dropout before batch normalisation",
        "Dropout right before BatchNormalization gives it different statistics in training and inference (variance shift): put BatchNormalization first, or the dropout after the last BatchNormalization");

    public static readonly DiagnosticDescriptor BiasBeforeBatchNorm = Info("ND405", Design,
        "Bias before batch normalisation",
        "The biases of layer {0} are cancelled by the BatchNormalization that follows it, which subtracts the batch mean and adds its own beta: set UseBias = false");

    public static readonly DiagnosticDescriptor RegularizedBias = Info("ND406", Design,
        "Regularised bias",
        "{0} penalises the biases of layer {1}; biases are usually left unregularised, since penalising them can cause underfitting: penalise the kernel only");

    public static readonly DiagnosticDescriptor ExcessiveWeightPenalty = Warning("ND407", Design,
        "Excessive weight penalty",
        "{0} is at least {1}: the penalty outweighs the data loss and drives the weights towards zero; use a value between 1e-5 and 1e-3");

    public static readonly DiagnosticDescriptor NonPositiveLearningRate = Error("ND501", Design,
        "Learning rate must be positive",
        "LearningRate = {0} is invalid: it must be positive and finite (0 gives no update, a negative value gradient ascent); use a value such as 0.01");

    public static readonly DiagnosticDescriptor LearningRateTooHigh = Warning("ND502", Design,
        "Learning rate too high",
        "{0} is above {1} for {2}: training is likely to oscillate or diverge; lower the learning rate (0.001 for Adam, 0.01 for Sgd) or add a schedule");

    public static readonly DiagnosticDescriptor LearningRateTooLow = Warning("ND503", Design,
        "Learning rate too low",
        "LearningRate = {0} is below {1}: training effectively stalls; use a value between 1e-4 and 1e-2");

    public static readonly DiagnosticDescriptor InvalidMomentum = Error("ND504", Design,
        "Invalid momentum",
        "{0}: momentum must be in [0, 1), and Nesterov momentum needs momentum above 0");

    public static readonly DiagnosticDescriptor AdamBetaOutOfRange = Error("ND505", Design,
        "Adam beta out of range",
        "{0} is invalid: Adam's betas must be in [0, 1)");

    public static readonly DiagnosticDescriptor InvalidEpsilon = Error("ND506", Design,
        "Optimiser epsilon must be positive",
        "Epsilon = {0} is invalid: it guards a division, so it must be positive and finite");

    /// <summary>ND506's warning part: a positive epsilon so small that it no longer guards the division.</summary>
    public static readonly DiagnosticDescriptor AdamEpsilonTooSmall = Warning("ND506", Design,
        "Optimiser epsilon too small",
        "Epsilon = {0} is below {1}: while the second-moment estimate is near zero, the steps become huge; use 1e-7 (Keras) or 1e-8 (PyTorch)");

    public static readonly DiagnosticDescriptor NonPositiveTrainingLength = Error("ND601", Design,
        "Epochs and batch size must be positive",
        "{0} is invalid: it must be at least 1");

    public static readonly DiagnosticDescriptor EarlyStoppingPatienceInvalid = Warning("ND602", Design,
        "Early-stopping patience invalid",
        "EarlyStoppingPatience = {0} {1}: use a patience below the number of epochs, typically 5 to 20");

    public static readonly DiagnosticDescriptor EarlyStoppingWithoutValidation = Warning("ND603", Design,
        "Early stopping without validation data",
        "Early stopping monitors '{0}', but no ValidationSplit is declared, so there is no validation series to monitor: declare ValidationSplit, or monitor \"loss\"");

    public static readonly DiagnosticDescriptor RecurrentWithoutGradientClipping = Warning("ND604", Design,
        "Recurrent layer without gradient clipping",
        "Layer {0} ({1}) is trained without gradient clipping: the network declares neither ClipNorm nor ClipValue, and a SimpleRNN's gradients can grow geometrically through the time steps and wreck a training step; declare ClipNorm = 1f");

    /// <summary>ND604's advice part: LSTM and GRU gates damp the growth, so clipping is insurance rather than a fix.</summary>
    public static readonly DiagnosticDescriptor GatedRecurrentWithoutGradientClipping = Info("ND604", Design,
        "Recurrent layer without gradient clipping",
        "Layer {0} ({1}) is trained without gradient clipping: the network declares neither ClipNorm nor ClipValue; gates make exploding gradients rarer than in a SimpleRNN, not impossible; declare ClipNorm = 1f");

    public static readonly DiagnosticDescriptor NonPositiveUnits = Error("ND702", Design,
        "Layer units must be positive",
        "Layer {0} declares {1} units; a layer needs at least 1");

    public static readonly DiagnosticDescriptor UnnormalizedInputsOrTargets = Warning("ND703", Design,
        "Unscaled inputs or targets",
        "{0} = Scaling.None: unscaled {1} make the loss badly conditioned and the learning rate hard to choose; standardise or min-max scale them, and declare the scaling");

    public static readonly DiagnosticDescriptor StrideSkipsInput = Warning("ND704", Design,
        "Stride larger than the window",
        "Layer {0} ({1}) moves its {3} window by {2}, so {4} input positions ({5}%) are never read and their values never reach the outputs: use a stride no larger than the window, or a larger window");

    // Weights compiled into the assembly ([Network(Weights = "...")]); each reported at the Weights argument
    // (ND806 at Loss). {0} is the file as declared.

    public static readonly DiagnosticDescriptor WeightsFileNotFound = Error("ND801", Declaration,
        "Weights file not found among AdditionalFiles",
        "No AdditionalFiles item matches Weights = \"{0}\": add <AdditionalFiles Include=\"{0}\" /> to an <ItemGroup> of the project (the compiler gives a generator only the files listed there)");

    public static readonly DiagnosticDescriptor InvalidWeightsJson = Error("ND802", Declaration,
        "Weights file is not valid JSON",
        "Weights file \"{0}\" is not valid JSON: {1}{2}");

    public static readonly DiagnosticDescriptor UnknownWeightsFormat = Error("ND803", Declaration,
        "Unknown weights format",
        "Weights file \"{0}\" is not in a format NeuralDsl reads: {1}{2}");

    public static readonly DiagnosticDescriptor WeightsMismatch = Error("ND804", Declaration,
        "Weights file does not match the declaration",
        "Weights file \"{0}\" does not fit this network: {1}{2}");

    public static readonly DiagnosticDescriptor NonFiniteWeight = Error("ND805", Declaration,
        "Weights file holds NaN or an infinity",
        "Weights file \"{0}\" holds a value that is not a finite number: {1}{2}");

    public static readonly DiagnosticDescriptor WeightsWithLoss = Error("ND806", Declaration,
        "A network with compiled-in weights cannot declare a loss",
        "Loss = {0} cannot go with Weights: a network whose weights are compiled in is inference-only; remove the loss, or remove Weights and load the weights at run time to train");

    public static readonly DiagnosticDescriptor AmbiguousWeightsFile = Error("ND807", Declaration,
        "Weights file matches several AdditionalFiles",
        "Weights = \"{0}\" matches {1} AdditionalFiles items ({2}): give more of the path, such as a folder name");

    public static readonly DiagnosticDescriptor MalformedWeightsFile = Error("ND808", Declaration,
        "Weights file does not follow its format",
        "Weights file \"{0}\" does not follow its format: {1}{2}");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Info(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Info);

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        Create(id, category, title, message, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(string id, string category, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
