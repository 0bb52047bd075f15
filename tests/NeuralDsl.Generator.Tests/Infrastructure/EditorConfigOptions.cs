using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>
/// <c>.editorconfig</c> options as the compiler passes them to analyzers: the same <c>key = value</c>
/// pairs for every syntax tree, as if they sat in a <c>[*.cs]</c> section.
/// </summary>
internal sealed class EditorConfigOptions : AnalyzerConfigOptionsProvider
{
    private readonly Options _options;

    public EditorConfigOptions(IEnumerable<string> lines)
    {
        var values = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string line in lines)
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0) throw new FormatException($"'{line}' is not a 'key = value' line.");
            values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
        }
        _options = new Options(values.ToImmutable());
    }

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
