namespace NeuralDsl.Recurrent;

/// <summary>
/// The sizes of an LSTM layer over sequences of <see cref="Steps"/> steps of <see cref="Inputs"/>
/// features (a sample is <c>[Steps, Inputs]</c>, row-major), with <see cref="Units"/> units, and of
/// the spans its kernels take. Parameters are one span in Keras' <c>get_weights()</c> order and
/// layout: kernel <c>[Inputs, 4 Units]</c>, recurrent kernel <c>[Units, 4 Units]</c>, bias
/// <c>[4 Units]</c>, gates in the order input, forget, candidate, output.
/// </summary>
/// <example>
/// <code>
/// var lstm = new LstmGeometry(steps: 20, inputs: 1, units: 16);
/// float[] parameters = new float[lstm.ParameterCount], state = new float[lstm.StateSize];
/// float[] scratch = new float[lstm.StepScratchSize], h = new float[lstm.Units];
/// LstmKernels.Step(lstm, sample, state, parameters, h, scratch); // one time step of one stream
/// </code>
/// </example>
public readonly record struct LstmGeometry : IRecurrentGeometry
{
    /// <summary>Checks that every size is positive and every span size fits an array.</summary>
    public LstmGeometry(int steps, int inputs, int units)
    {
        Steps = RecurrentSizes.Positive(steps, nameof(steps));
        Inputs = RecurrentSizes.Positive(inputs, nameof(inputs));
        Units = RecurrentSizes.Positive(units, nameof(units));
        RecurrentSizes.Fits(4L * units * ((long)inputs + units + 1), "The LSTM's parameters");
        RecurrentSizes.Fits(7L * units * steps, "The LSTM's training cache");
        RecurrentSizes.Fits((long)steps * inputs, "The LSTM's input");
    }

    /// <summary>Time steps per sample.</summary>
    public int Steps { get; }

    /// <summary>Features per time step.</summary>
    public int Inputs { get; }

    /// <summary>Units: the size of the hidden state and of each step's output.</summary>
    public int Units { get; }

    /// <summary>Floats of one sample: <c>Steps * Inputs</c>.</summary>
    public int InputSize => Steps * Inputs;

    /// <summary>Floats of the kernel, <c>[Inputs, 4 Units]</c>, at the start of the parameters.</summary>
    public int KernelSize => Inputs * 4 * Units;

    /// <summary>Floats of the recurrent kernel, <c>[Units, 4 Units]</c>, after the kernel.</summary>
    public int RecurrentKernelSize => Units * 4 * Units;

    /// <summary>Floats of the bias, <c>[4 Units]</c>, after the recurrent kernel.</summary>
    public int BiasSize => 4 * Units;

    /// <summary>Floats of the parameters (and of their gradient): Keras' parameter count.</summary>
    public int ParameterCount => KernelSize + RecurrentKernelSize + BiasSize;

    /// <summary>Floats of one stream's state for <see cref="LstmKernels.Step"/>: the hidden state then the cell state.</summary>
    public int StateSize => 2 * Units;

    /// <summary>Floats of the scratch span <see cref="LstmKernels.Step"/> takes: none (an empty span), as a step keeps its gates in registers.</summary>
    public int StepScratchSize => 0;

    // Per step: the four activated gates, the cell state, its tanh and the hidden state.
    internal int CachePerStep => 7 * Units;

    internal int HiddenOffset => 6 * Units;

    /// <summary>Floats of the training cache that <see cref="LstmKernels.Forward"/> fills and <see cref="LstmKernels.Backward"/> reads.</summary>
    public int CacheSize => Steps * CachePerStep;

    /// <summary>Floats of the scratch span <see cref="LstmKernels.Backward"/> takes.</summary>
    public int BackwardScratchSize => 6 * Units;

    /// <summary>Floats of the output: <c>Steps * Units</c> for the whole sequence, <c>Units</c> for the last step.</summary>
    public int OutputSize(bool returnSequences) => returnSequences ? Steps * Units : Units;
}
