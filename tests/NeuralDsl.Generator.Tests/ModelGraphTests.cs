using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Model;

namespace NeuralDsl.Generator.Tests;

/// <summary>
/// The pipeline's model must hold values only: a Roslyn object anywhere in it would root a whole
/// compilation in the cache and make every run compare unequal.
/// </summary>
public class ModelGraphTests
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Diagnostic),
        typeof(SemanticModel), typeof(Compilation), typeof(AttributeData), typeof(SyntaxReference),
    ];

    [Fact]
    public void Network_model_reaches_no_Roslyn_object()
    {
        var problems = new List<string>();
        foreach ((string path, Type type) in ReachableFields(typeof(NetworkModel)))
        {
            if (IsForbidden(type)) problems.Add($"{path}: {type}");
        }
        Assert.True(problems.Count == 0, "Roslyn objects in the model:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_type_in_the_model_compares_by_value()
    {
        var types = ReachableFields(typeof(NetworkModel)).Select(f => f.Type).Append(typeof(NetworkModel))
            .Where(t => !t.IsPrimitive && !t.IsEnum && t != typeof(string) && !t.IsArray)
            // Nullable<T> compares by its value's equality, and T is checked on its own.
            .Where(t => Nullable.GetUnderlyingType(t) is null)
            .Distinct();
        foreach (Type type in types)
        {
            Assert.True(typeof(IEquatable<>).MakeGenericType(type).IsAssignableFrom(type), $"{type} is not IEquatable<{type.Name}>");
        }
    }

    [Fact]
    public void The_walk_would_catch_a_leaked_location()
    {
        Assert.Contains(ReachableFields(typeof(Leaky)), f => IsForbidden(f.Type));
    }

    /// <summary>Every instance field, array element and generic argument type reachable from <paramref name="root"/>.</summary>
    private static IEnumerable<(string Path, Type Type)> ReachableFields(Type root)
    {
        var seen = new HashSet<Type>();
        var pending = new Queue<(string Path, Type Type)>();
        pending.Enqueue((root.Name, root));
        while (pending.Count > 0)
        {
            (string path, Type type) = pending.Dequeue();
            if (!seen.Add(type) || IsForbidden(type)) continue;
            foreach (Type element in Components(type))
            {
                string elementPath = $"{path}<{element.Name}>";
                yield return (elementPath, element);
                pending.Enqueue((elementPath, element));
            }
            if (type.IsPrimitive || type.IsEnum || type == typeof(string)) continue;
            foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                string fieldPath = $"{path}.{field.Name}";
                yield return (fieldPath, field.FieldType);
                pending.Enqueue((fieldPath, field.FieldType));
            }
        }
    }

    /// <summary>Element types of arrays, and type arguments of generics (which covers collections of T).</summary>
    private static IEnumerable<Type> Components(Type type)
    {
        if (type.HasElementType) yield return type.GetElementType()!;
        if (type.IsGenericType)
        {
            foreach (Type argument in type.GetGenericArguments()) yield return argument;
        }
    }

    private static bool IsForbidden(Type type) =>
        Forbidden.Any(f => f.IsAssignableFrom(type)) ||
        Components(type).Any(IsForbidden) ||
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).Any(i => IsForbidden(i.GetGenericArguments()[0]));

    private sealed record Leaky(int Units, Helpers.EquatableArray<LeakyLayer> Layers);

    private sealed record LeakyLayer(Location Where);
}
