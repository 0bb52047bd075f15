namespace NeuralDsl.Tools.Progress;

/// <summary>What <see cref="ProgressExtensions.WithProgress"/> prints while a network trains (Keras' <c>verbose</c>).</summary>
public enum ProgressMode
{
    /// <summary>
    /// <see cref="Bar"/> on a terminal that understands ANSI control sequences, <see cref="Lines"/> when
    /// output is redirected to a file or a pipe (as Keras does), so logs get one plain line per epoch.
    /// </summary>
    Auto = 0,

    /// <summary>An in-epoch batch bar redrawn in place (running loss, ETA), finished as the epoch's line.</summary>
    Bar = 1,

    /// <summary>One plain line per epoch, no control sequences and no colours (Keras' <c>verbose=2</c>).</summary>
    Lines = 2,

    /// <summary>Nothing at all (Keras' <c>verbose=0</c>).</summary>
    Off = 3,
}
