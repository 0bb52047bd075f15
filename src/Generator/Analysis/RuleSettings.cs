using System.Globalization;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NeuralDsl.Generator.Analysis;

/// <summary>
/// The numeric thresholds of the design rules, with the catalogue's defaults, each overridable in
/// <c>.editorconfig</c> with a key <c>neuraldsl.NDxxx.name</c> (for example
/// <c>neuraldsl.ND202.saturating_layers = 6</c>). A value that is not a positive, finite number (a
/// positive integer for counts) is ignored in favour of the default. Thresholds compared with a
/// declared float are floats, so that a declared 0.3f is not "above" a configured 0.3.
/// </summary>
internal sealed class RuleSettings
{
    public static readonly RuleSettings Default = new();

    /// <summary>ND202 fires from this many hidden sigmoid layers. Key <c>neuraldsl.ND202.sigmoid_layers</c>.</summary>
    public int SigmoidLayers { get; private set; } = 3;

    /// <summary>ND202 fires from this many hidden sigmoid or tanh layers. Key <c>neuraldsl.ND202.saturating_layers</c>.</summary>
    public int SaturatingLayers { get; private set; } = 4;

    /// <summary>ND303 fires from this many hidden rectifier layers with Glorot init. Key <c>neuraldsl.ND303.rectifier_layers</c>.</summary>
    public int RectifierLayers { get; private set; } = 10;

    /// <summary>ND304 fires when <c>fanIn * E[w^2]</c> reaches this gain. Key <c>neuraldsl.ND304.variance_gain</c>.</summary>
    public double VarianceGain { get; private set; } = 4;

    /// <summary>ND402 fires above this dropout rate. Key <c>neuraldsl.ND402.rate</c>.</summary>
    public float DropoutRate { get; private set; } = 0.5f;

    /// <summary>ND407 fires at or above this L1 or L2 kernel penalty. Key <c>neuraldsl.ND407.penalty</c>.</summary>
    public float Penalty { get; private set; } = 0.1f;

    /// <summary>ND502 fires above this rate for Adam, AdamW and RMSprop. Key <c>neuraldsl.ND502.adaptive_rate</c>.</summary>
    public float AdaptiveRate { get; private set; } = 0.01f;

    /// <summary>ND502 fires above this rate for AdaGrad. Key <c>neuraldsl.ND502.adagrad_rate</c>.</summary>
    public float AdagradRate { get; private set; } = 0.1f;

    /// <summary>ND502 fires above this rate for SGD. Key <c>neuraldsl.ND502.sgd_rate</c>.</summary>
    public float SgdRate { get; private set; } = 0.3f;

    /// <summary>ND502 fires above this effective SGD rate, <c>lr / (1 - momentum)</c>. Key <c>neuraldsl.ND502.sgd_effective_rate</c>.</summary>
    public double SgdEffectiveRate { get; private set; } = 1.0;

    /// <summary>ND503 fires below this learning rate. Key <c>neuraldsl.ND503.rate</c>.</summary>
    public float MinimumRate { get; private set; } = 1e-6f;

    /// <summary>ND506 warns below this epsilon. Key <c>neuraldsl.ND506.epsilon</c>.</summary>
    public float MinimumEpsilon { get; private set; } = 1e-10f;

    /// <summary>ND704 fires above this fraction of input positions never read (0: any). Key <c>neuraldsl.ND704.unread_fraction</c>.</summary>
    public double UnreadFraction { get; private set; }

    /// <summary>The thresholds configured for one file; the defaults when nothing is configured.</summary>
    public static RuleSettings Read(AnalyzerConfigOptions options)
    {
        var settings = new RuleSettings();
        bool any = false;
        any |= TryCount(options, "neuraldsl.ND202.sigmoid_layers", v => settings.SigmoidLayers = v);
        any |= TryCount(options, "neuraldsl.ND202.saturating_layers", v => settings.SaturatingLayers = v);
        any |= TryCount(options, "neuraldsl.ND303.rectifier_layers", v => settings.RectifierLayers = v);
        any |= TryNumber(options, "neuraldsl.ND304.variance_gain", v => settings.VarianceGain = v);
        any |= TryNumber(options, "neuraldsl.ND402.rate", v => settings.DropoutRate = (float)v);
        any |= TryNumber(options, "neuraldsl.ND407.penalty", v => settings.Penalty = (float)v);
        any |= TryNumber(options, "neuraldsl.ND502.adaptive_rate", v => settings.AdaptiveRate = (float)v);
        any |= TryNumber(options, "neuraldsl.ND502.adagrad_rate", v => settings.AdagradRate = (float)v);
        any |= TryNumber(options, "neuraldsl.ND502.sgd_rate", v => settings.SgdRate = (float)v);
        any |= TryNumber(options, "neuraldsl.ND502.sgd_effective_rate", v => settings.SgdEffectiveRate = v);
        any |= TryNumber(options, "neuraldsl.ND503.rate", v => settings.MinimumRate = (float)v);
        any |= TryNumber(options, "neuraldsl.ND506.epsilon", v => settings.MinimumEpsilon = (float)v);
        any |= TryNumber(options, "neuraldsl.ND704.unread_fraction", v => settings.UnreadFraction = v);
        return any ? settings : Default;
    }

    private static bool TryCount(AnalyzerConfigOptions options, string key, System.Action<int> set)
    {
        if (!options.TryGetValue(key, out string? text) ||
            !int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < 1)
            return false;
        set(value);
        return true;
    }

    private static bool TryNumber(AnalyzerConfigOptions options, string key, System.Action<double> set)
    {
        if (!options.TryGetValue(key, out string? text) ||
            !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ||
            double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
            return false;
        set(value);
        return true;
    }
}
