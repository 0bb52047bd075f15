namespace NeuralDsl.Recurrent;

/// <summary>
/// The sizes of a GRU layer over sequences of <see cref="Steps"/> steps of <see cref="Inputs"/>
/// features (a sample is <c>[Steps, Inputs]</c>, row-major), with <see cref="Units"/> units, and of the
/// spans its kernels take. Parameters are one span in Keras' <c>get_weights()</c> order and layout:
/// kernel <c>[Inputs, 3 Units]</c>, recurrent kernel <c>[Units, 3 Units]</c>, then the bias: <c>[3 Units]</c>
/// without <see cref="ResetAfter"/>, <c>[2, 3 Units]</c> (input bias, then recurrent bias) with it.
/// Gates in the order update (z), reset (r), candidate (h).
/// </summary>
/// <example>
/// <code>
/// var gru = new GruGeometry(steps: 20, inputs: 8, units: 32, resetAfter: true); // Keras' default
/// float[] state = new float[gru.StateSize], scratch = new float[gru.StepScratchSize];
/// GruKernels.Step(gru, sample, state, parameters, h, scratch);
/// </code>
/// </example>
public readonly record struct GruGeometry : IRecurrentGeometry
{
    /// <summary>Checks that every size is positive and every span size fits an array.</summary>
    public GruGeometry(int steps, int inputs, int units, bool resetAfter)
    {
        Steps = RecurrentSizes.Positive(steps, nameof(steps));
        Inputs = RecurrentSizes.Positive(inputs, nameof(inputs));
        Units = RecurrentSizes.Positive(units, nameof(units));
        ResetAfter = resetAfter;
        RecurrentSizes.Fits(3L * units * ((long)inputs + units + 2), "The GRU's parameters");
        RecurrentSizes.Fits(7L * units * steps, "The GRU's training cache");
        RecurrentSizes.Fits((long)steps * inputs, "The GRU's input");
    }

    /// <summary>Time steps per sample.</summary>
    public int Steps { get; }

    /// <summary>Features per time step.</summary>
    public int Inputs { get; }

    /// <summary>Units: the size of the hidden state and of each step's output.</summary>
    public int Units { get; }

    /// <summary>
    /// Keras' <c>reset_after</c> (its default, and PyTorch's and cuDNN's formulation; ONNX's
    /// <c>linear_before_reset = 1</c>): the reset gate multiplies the recurrent product plus its bias,
    /// <c>r * (h R_h + b_rh)</c>. Without it, the reset gate multiplies the state before the product,
    /// <c>(r * h) R_h</c>, and there is one bias.
    /// </summary>
    public bool ResetAfter { get; }

    /// <summary>Floats of one sample: <c>Steps * Inputs</c>.</summary>
    public int InputSize => Steps * Inputs;

    /// <summary>Floats of the kernel, <c>[Inputs, 3 Units]</c>, at the start of the parameters.</summary>
    public int KernelSize => Inputs * 3 * Units;

    /// <summary>Floats of the recurrent kernel, <c>[Units, 3 Units]</c>, after the kernel.</summary>
    public int RecurrentKernelSize => Units * 3 * Units;

    /// <summary>Floats of the bias after the recurrent kernel: <c>3 Units</c>, or <c>2 * 3 Units</c> with <see cref="ResetAfter"/>.</summary>
    public int BiasSize => (ResetAfter ? 6 : 3) * Units;

    /// <summary>Floats of the parameters (and of their gradient): Keras' parameter count.</summary>
    public int ParameterCount => KernelSize + RecurrentKernelSize + BiasSize;

    /// <summary>Floats of one stream's state for <see cref="GruKernels.Step"/>: the hidden state.</summary>
    public int StateSize => Units;

    /// <summary>
    /// Floats of the scratch span <see cref="GruKernels.Step"/> takes: none (an empty span) with
    /// <see cref="ResetAfter"/>, whose step keeps its gates in registers; else the gates and the gated term.
    /// </summary>
    public int StepScratchSize => ResetAfter ? 0 : 4 * Units;

    // Per step: z, r and the candidate (activated), what the reset gate multiplies (the candidate's
    // recurrent part h_prev R_h + b_rh with ResetAfter, r * h_prev without), and the hidden state.
    internal int CachePerStep => 5 * Units;

    internal int GatedOffset => 3 * Units;

    internal int HiddenOffset => 4 * Units;

    /// <summary>Floats of the training cache that <see cref="GruKernels.Forward"/> fills and <see cref="GruKernels.Backward"/> reads.</summary>
    public int CacheSize => Steps * CachePerStep;

    /// <summary>Floats of the scratch span <see cref="GruKernels.Backward"/> takes.</summary>
    public int BackwardScratchSize => 8 * Units;

    /// <summary>Floats of the output: <c>Steps * Units</c> for the whole sequence, <c>Units</c> for the last step.</summary>
    public int OutputSize(bool returnSequences) => returnSequences ? Steps * Units : Units;
}
