namespace NeuralDsl.Tools;

/// <summary>Identifies the NeuralDsl.Tools assembly (loaders, console progress and plots for training programs).</summary>
public static class ToolsAssembly
{
    /// <summary>The assembly's informational version.</summary>
    public static string Version =>
        typeof(ToolsAssembly).Assembly.GetName().Version?.ToString() ?? "unknown";
}
