namespace NeuralDsl.Recurrent;

/// <summary>
/// The sizes of a SimpleRNN layer over sequences of <see cref="Steps"/> steps of <see cref="Inputs"/>
/// features (a sample is <c>[Steps, Inputs]</c>, row-major), with <see cref="Units"/> units, and of the
/// spans its kernels take. Parameters are one span in Keras' <c>get_weights()</c> order and layout:
/// kernel <c>[Inputs, Units]</c>, recurrent kernel <c>[Units, Units]</c>, bias <c>[Units]</c>.
/// </summary>
/// <example>
/// <code>
/// var rnn = new SimpleRnnGeometry(steps: 10, inputs: 3, units: 8);
/// float[] state = new float[rnn.StateSize], scratch = new float[rnn.StepScratchSize];
/// SimpleRnnKernels.Step(rnn, sample, state, parameters, h, scratch);
/// </code>
/// </example>
public readonly record struct SimpleRnnGeometry : IRecurrentGeometry
{
    /// <summary>Checks that every size is positive and every span size fits an array.</summary>
    public SimpleRnnGeometry(int steps, int inputs, int units)
    {
        Steps = RecurrentSizes.Positive(steps, nameof(steps));
        Inputs = RecurrentSizes.Positive(inputs, nameof(inputs));
        Units = RecurrentSizes.Positive(units, nameof(units));
        RecurrentSizes.Fits((long)units * ((long)inputs + units + 1), "The SimpleRNN's parameters");
        RecurrentSizes.Fits((long)units * steps, "The SimpleRNN's training cache");
        RecurrentSizes.Fits((long)steps * inputs, "The SimpleRNN's input");
    }

    /// <summary>Time steps per sample.</summary>
    public int Steps { get; }

    /// <summary>Features per time step.</summary>
    public int Inputs { get; }

    /// <summary>Units: the size of the hidden state and of each step's output.</summary>
    public int Units { get; }

    /// <summary>Floats of one sample: <c>Steps * Inputs</c>.</summary>
    public int InputSize => Steps * Inputs;

    /// <summary>Floats of the kernel, <c>[Inputs, Units]</c>, at the start of the parameters.</summary>
    public int KernelSize => Inputs * Units;

    /// <summary>Floats of the recurrent kernel, <c>[Units, Units]</c>, after the kernel.</summary>
    public int RecurrentKernelSize => Units * Units;

    /// <summary>Floats of the bias, <c>[Units]</c>, after the recurrent kernel.</summary>
    public int BiasSize => Units;

    /// <summary>Floats of the parameters (and of their gradient): Keras' parameter count.</summary>
    public int ParameterCount => KernelSize + RecurrentKernelSize + BiasSize;

    /// <summary>Floats of one stream's state for <see cref="SimpleRnnKernels.Step"/>: the hidden state.</summary>
    public int StateSize => Units;

    /// <summary>Floats of the scratch span <see cref="SimpleRnnKernels.Step"/> takes.</summary>
    public int StepScratchSize => Units;

    // Per step: the hidden state, from which tanh's derivative follows.
    internal int CachePerStep => Units;

    internal int HiddenOffset => 0;

    /// <summary>Floats of the training cache that <see cref="SimpleRnnKernels.Forward"/> fills and <see cref="SimpleRnnKernels.Backward"/> reads.</summary>
    public int CacheSize => Steps * CachePerStep;

    /// <summary>Floats of the scratch span <see cref="SimpleRnnKernels.Backward"/> takes.</summary>
    public int BackwardScratchSize => 2 * Units;

    /// <summary>Floats of the output: <c>Steps * Units</c> for the whole sequence, <c>Units</c> for the last step.</summary>
    public int OutputSize(bool returnSequences) => returnSequences ? Steps * Units : Units;
}
