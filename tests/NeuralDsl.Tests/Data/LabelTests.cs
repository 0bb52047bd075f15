using System;
using System.Collections.Generic;
using NeuralDsl.Data;

namespace NeuralDsl.Tests.Data;

/// <summary>One-hot encoding and the ordinal label encoder, whose order is scikit-learn's.</summary>
public class LabelTests
{
    private static readonly DataReference Reference = DataReference.Load();

    [Fact]
    public void One_hot_encode_writes_a_one_per_row()
    {
        var destination = new float[12];
        destination.AsSpan().Fill(7f);
        OneHot.Encode([2, 0, 1, 2], 3, destination);
        Assert.Equal([0f, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1], destination);
    }

    [Theory]
    [InlineData(3f, "Sample 1 has class index 3, which is not a whole number in [0, 3).")]
    [InlineData(-1f, "Sample 1 has class index -1, which is not a whole number in [0, 3).")]
    [InlineData(0.5f, "Sample 1 has class index 0.5, which is not a whole number in [0, 3).")]
    [InlineData(float.NaN, "Sample 1 has class index NaN, which is not a whole number in [0, 3).")]
    public void One_hot_encode_rejects_bad_indices_before_writing(float bad, string message)
    {
        var destination = new float[6];
        destination.AsSpan().Fill(7f);
        var e = Assert.Throws<ArgumentException>(() => OneHot.Encode([1, bad], 3, destination));
        Assert.Equal("classIndices", e.ParamName);
        Assert.StartsWith(message, e.Message);
        Assert.All(destination, v => Assert.Equal(7f, v));
    }

    [Fact]
    public void One_hot_encode_checks_sizes()
    {
        var wrong = Assert.Throws<ArgumentException>(() => OneHot.Encode([1, 0], 3, new float[5]));
        Assert.StartsWith("Expected 6 values (2 samples x 3 classes) but got 5.", wrong.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode([0], 0, new float[0]));
        var buffer = new float[4];
        Assert.Throws<ArgumentException>(() => OneHot.Encode(buffer.AsSpan(0, 2), 2, buffer));
    }

    [Fact]
    public void One_hot_decode_takes_the_first_largest_value()
    {
        var classes = new float[4];
        OneHot.Decode([0, 0, 1, 0.1f, 0.7f, 0.2f, 0.5f, 0.5f, 0, -3, -1, -2], 3, classes);
        Assert.Equal([2f, 1, 0, 1], classes);
        Assert.Equal(1, OneHot.Decode([0.2f, 0.9f, 0.9f]));
    }

    [Fact]
    public void One_hot_round_trips()
    {
        float[] indices = [4, 0, 3, 3, 1, 2];
        var encoded = new float[indices.Length * 5];
        var decoded = new float[indices.Length];
        OneHot.Encode(indices, 5, encoded);
        OneHot.Decode(encoded, 5, decoded);
        Assert.Equal(indices, decoded);
    }

    [Fact]
    public void One_hot_decode_checks_sizes()
    {
        var ragged = Assert.Throws<ArgumentException>(() => OneHot.Decode(new float[7], 3, new float[2]));
        Assert.StartsWith("Expected a multiple of 3 (classes) values, one row per sample, but got 7.", ragged.Message);
        var room = Assert.Throws<ArgumentException>(() => OneHot.Decode(new float[6], 3, new float[3]));
        Assert.StartsWith("The scores hold 2 samples, so expected 2 class indices but got room for 3.", room.Message);
        Assert.Throws<ArgumentException>(() => OneHot.Decode(ReadOnlySpan<float>.Empty));
    }

    [Fact]
    public void Label_encoder_orders_strings_like_sklearn()
    {
        string[] labels = Reference.Strings("string_labels", "labels");
        var encoder = new LabelEncoder<string>();
        float[] codes = encoder.FitTransform(labels);

        Assert.Equal(Reference.Strings("string_labels", "classes"), encoder.Classes.ToArray());
        int[] expected = Reference.Ints("string_labels", "codes");
        Assert.Equal(expected.Length, codes.Length);
        for (int i = 0; i < codes.Length; i++) Assert.Equal(expected[i], codes[i]);
    }

    [Fact]
    public void Label_encoder_orders_code_points_not_utf16_units()
    {
        // U+1F600 is a surrogate pair (D83D DE00), which ordinal comparison puts below U+FF21.
        var encoder = new LabelEncoder<string>();
        encoder.Fit(["\U0001F600", "\uFF21", "z"]);
        Assert.Equal(["z", "\uFF21", "\U0001F600"], encoder.Classes.ToArray());
    }

    [Fact]
    public void Label_encoder_orders_numbers_like_sklearn()
    {
        double[] labels = Reference.Doubles("number_labels", "labels");
        var encoder = new LabelEncoder<double>();
        encoder.Fit(labels);
        Assert.Equal(Reference.Doubles("number_labels", "classes"), encoder.Classes.ToArray());
        int[] expected = Reference.Ints("number_labels", "codes");
        for (int i = 0; i < labels.Length; i++) Assert.Equal(expected[i], encoder.Transform(labels[i]));
    }

    [Fact]
    public void Label_encoder_puts_nan_last_once()
    {
        var encoder = new LabelEncoder<float>();
        encoder.Fit([float.NaN, 2f, -1f, float.NaN]);
        Assert.Equal(3, encoder.ClassCount);
        Assert.Equal(-1f, encoder.Classes[0]);
        Assert.True(float.IsNaN(encoder.Classes[2]));
        Assert.Equal(2, encoder.Transform(float.NaN));
    }

    [Fact]
    public void Label_encoder_inverts()
    {
        var encoder = new LabelEncoder<string>();
        float[] codes = encoder.FitTransform(["cat", "dog", "cat", "bird"]);
        Assert.Equal([1f, 2, 1, 0], codes);
        Assert.Equal("dog", encoder.InverseTransform(2));
        var labels = new string[4];
        encoder.InverseTransform(codes, labels);
        Assert.Equal(["cat", "dog", "cat", "bird"], labels);
    }

    [Fact]
    public void Unknown_label_throws_with_the_label()
    {
        var encoder = new LabelEncoder<string>();
        encoder.Fit(["cat", "dog"]);
        var e = Assert.Throws<ArgumentException>(() => encoder.Transform("cow"));
        Assert.StartsWith("The label 'cow' was not seen when the encoder was fitted.", e.Message);

        var numbers = new LabelEncoder<double>();
        numbers.Fit([1.5, 2.5]);
        var n = Assert.Throws<ArgumentException>(() => numbers.Transform(0.25));
        Assert.StartsWith("The label '0.25' was not seen when the encoder was fitted.", n.Message);
    }

    [Fact]
    public void Label_encoder_misuse_throws()
    {
        var encoder = new LabelEncoder<string>();
        Assert.Throws<InvalidOperationException>(() => encoder.Transform("cat"));
        Assert.Throws<InvalidOperationException>(() => encoder.InverseTransform(0));
        Assert.Throws<ArgumentException>(() => encoder.Fit([]));
        Assert.StartsWith("Label 1 is null.", Assert.Throws<ArgumentException>(() => encoder.Fit(["a", null!])).Message);

        encoder.Fit(["a", "b"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => encoder.InverseTransform(2));
        var bad = Assert.Throws<ArgumentException>(() => encoder.InverseTransform([0, 1.5f], new string[2]));
        Assert.StartsWith("Sample 1 has class index 1.5, which is not a whole number in [0, 2).", bad.Message);
        Assert.Throws<ArgumentException>(() => encoder.Transform(["a"], new float[2]));
    }

    private sealed class Unordered;

    [Fact]
    public void Label_encoder_needs_an_order()
    {
        var e = Assert.Throws<ArgumentException>(() => new LabelEncoder<Unordered>());
        Assert.StartsWith("Labels of type Unordered have no natural order", e.Message);

        var byLength = new LabelEncoder<string>(Comparer<string>.Create((a, b) => a.Length.CompareTo(b.Length)));
        byLength.Fit(["ccc", "a", "bb"]);
        Assert.Equal(["a", "bb", "ccc"], byLength.Classes.ToArray());
    }

    [Fact]
    public void Label_encoder_transform_allocates_nothing()
    {
        var encoder = new LabelEncoder<string>();
        string[] labels = ["cat", "dog", "cat", "bird"];
        encoder.Fit(labels);
        var codes = new float[4];
        Assert.Equal(0, Allocations.PerRound(() => encoder.Transform(labels, codes)));
    }
}
