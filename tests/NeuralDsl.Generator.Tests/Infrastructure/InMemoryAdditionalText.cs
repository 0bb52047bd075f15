using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NeuralDsl.Generator.Tests.Infrastructure;

/// <summary>An AdditionalFiles item held in memory, as the compiler hands one to generators and analyzers.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>Files as (path, text) pairs; relative paths are placed under <c>/project/</c>, as the SDK passes full paths.</summary>
    public static ImmutableArray<AdditionalText> Files(params (string Path, string Text)[] files) =>
        files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path.StartsWith('/') ? f.Path : "/project/" + f.Path, f.Text)).ToImmutableArray();
}
