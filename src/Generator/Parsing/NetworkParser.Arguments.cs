using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NeuralDsl.Generator.Diagnostics;

namespace NeuralDsl.Generator.Parsing;

// Reading attribute arguments defensively: a value of an unexpected type is treated as absent (the
// compiler has already reported it), an undefined enum value is reported at its argument.
internal sealed partial class NetworkParser
{
    /// <summary>Whether any argument failed to bind or convert (the compiler reports it).</summary>
    private static bool HasErroneousArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error) ||
        attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);

    private static bool HasNamed(AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name) return true;
        }
        return false;
    }

    private static T Named<T>(AttributeData attribute, string name, T defaultValue)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error && argument.Value.Value is T value) return value;
        }
        return defaultValue;
    }

    private static T Positional<T>(AttributeData attribute, int position, T defaultValue) =>
        position < attribute.ConstructorArguments.Length &&
        attribute.ConstructorArguments[position].Kind != TypedConstantKind.Error &&
        attribute.ConstructorArguments[position].Value is T value
            ? value
            : defaultValue;

    private TEnum NamedEnum<TEnum>(AttributeData attribute, string name, TEnum defaultValue, string enumName)
        where TEnum : struct, Enum =>
        DefinedEnum(Named<object?>(attribute, name, null), defaultValue, enumName, () => ArgumentLocation(attribute, name));

    private TEnum PositionalEnum<TEnum>(AttributeData attribute, int position, string parameterName, TEnum defaultValue, string enumName)
        where TEnum : struct, Enum =>
        DefinedEnum(Positional<object?>(attribute, position, null), defaultValue, enumName, () => ArgumentLocation(attribute, parameterName, position));

    private TEnum DefinedEnum<TEnum>(object? raw, TEnum defaultValue, string enumName, Func<Location> location)
        where TEnum : struct, Enum
    {
        if (raw is not int value) return defaultValue;
        if (Enum.IsDefined(typeof(TEnum), value)) return (TEnum)(object)value;
        Report(DiagnosticDescriptors.UndefinedEnumValue, location(), value, enumName);
        return defaultValue;
    }

    private Location AttributeLocation(AttributeData attribute) =>
        AttributeLocations.Attribute(attribute, _type, _cancellationToken);

    /// <summary>The location of one argument of an attribute; falls back to the whole attribute.</summary>
    private Location ArgumentLocation(AttributeData attribute, string name, int position = -1) =>
        AttributeLocations.Argument(attribute, name, position, _type, _cancellationToken);
}
