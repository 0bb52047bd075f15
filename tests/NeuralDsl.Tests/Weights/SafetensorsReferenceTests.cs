using System;
using System.Collections.Generic;
using System.IO;
using NeuralDsl.Weights;
using Xunit.Abstractions;

namespace NeuralDsl.Tests.Weights;

/// <summary>Files written by PyTorch (tests/reference/make_safetensors_reference.py) load into the matching generated networks.</summary>
public class SafetensorsReferenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// Eval-mode outputs within 1e-6 of PyTorch's (float64 math on the same float32 weights): absolute
    /// for outputs up to 1 in magnitude, relative above.
    /// </summary>
    private void AssertReproduces(INetwork net, string name)
    {
        (double worst, int samples) = SafetensorsReference.Reproduce(net, name);
        output.WriteLine($"{name}: worst error {worst:E2} over {samples} samples");
        Assert.True(samples > 0);
        Assert.True(worst <= 1e-6, $"{name}: error {worst:E2}");
    }

    [Fact]
    public void Linear_relu_batchnorm_tanh_model_reproduces_pytorch() => AssertReproduces(new TorchBatchNormNet(), "TorchBatchNorm");

    [Fact]
    public void Linear_prelu_dropout_sigmoid_model_reproduces_pytorch() => AssertReproduces(new TorchPReluDropoutNet(), "TorchPReluDropout");

    [Theory]
    [InlineData("f16")]
    [InlineData("bf16")]
    [InlineData("f64")]
    public void Other_float_types_convert_as_pytorch_converts_them(string dtype)
    {
        var converted = new TorchBatchNormNet();
        converted.LoadSafetensors(SafetensorsReference.Path($"TorchBatchNorm_{dtype}.safetensors"));
        var expected = new TorchBatchNormNet(seed: 5);
        expected.LoadSafetensors(SafetensorsReference.Path($"TorchBatchNorm_{dtype}_as_f32.safetensors"));
        var original = new TorchBatchNormNet(seed: 6);
        original.LoadSafetensors(SafetensorsReference.Path("TorchBatchNorm.safetensors"));

        Assert.Equal(NetworkSnapshot.Bits(expected.Parameters), NetworkSnapshot.Bits(converted.Parameters));
        Assert.Equal(NetworkSnapshot.Bits(expected.State), NetworkSnapshot.Bits(converted.State));
        // The conversion had work to do: the values are not the float32 originals.
        Assert.NotEqual(NetworkSnapshot.Bits(original.Parameters), NetworkSnapshot.Bits(converted.Parameters));
    }

    [Fact]
    public void Round_trip_is_bit_for_bit_and_keeps_pytorch_names()
    {
        var source = new TorchBatchNormNet();
        source.LoadSafetensors(SafetensorsReference.Path("TorchBatchNorm.safetensors"));
        using var stream = new MemoryStream();
        source.SaveSafetensors(stream);
        stream.Position = 0;
        var target = new TorchBatchNormNet(seed: 3);
        target.LoadSafetensors(stream);
        Assert.Equal(NetworkSnapshot.Bits(source.Parameters), NetworkSnapshot.Bits(target.Parameters));
        Assert.Equal(NetworkSnapshot.Bits(source.State), NetworkSnapshot.Bits(target.State));

        // Our file's tensors are PyTorch's, byte for byte (num_batches_tracked aside: this library does not count batches).
        Dictionary<string, byte[]> ours = SafetensorsTestFiles.Tensors(stream.ToArray());
        Dictionary<string, byte[]> theirs = SafetensorsTestFiles.Tensors(File.ReadAllBytes(SafetensorsReference.Path("TorchBatchNorm.safetensors")));
        Assert.Equal(theirs.Keys, ours.Keys);
        foreach (string name in theirs.Keys)
            if (!name.EndsWith("num_batches_tracked", StringComparison.Ordinal)) Assert.Equal(theirs[name], ours[name]);
    }

    /// <summary>
    /// What we write is the committed file that tests/reference/make_safetensors_reference.py loads into PyTorch
    /// (load_state_dict, strict) and checks. On a mismatch the file written now is left beside the test
    /// assembly, to be reviewed, committed, and checked again with the script.
    /// </summary>
    [Fact]
    public void Our_file_is_the_one_pytorch_was_shown_to_load()
    {
        var net = new TorchBatchNormNet();
        net.LoadSafetensors(SafetensorsReference.Path("TorchBatchNorm.safetensors"));
        using var stream = new MemoryStream();
        net.SaveSafetensors(stream);
        byte[] written = stream.ToArray();
        string committed = SafetensorsReference.Path("TorchBatchNorm_written_by_neuraldsl.safetensors");
        if (!File.Exists(committed) || !written.AsSpan().SequenceEqual(File.ReadAllBytes(committed)))
        {
            string actual = Path.Combine(AppContext.BaseDirectory, "TorchBatchNorm_written_by_neuraldsl.actual.safetensors");
            File.WriteAllBytes(actual, written);
            Assert.Fail($"SaveSafetensors no longer writes the committed file; the new one is {actual}.");
        }
    }

    [Fact]
    public void Batch_counter_is_optional_and_must_be_an_integer_scalar()
    {
        List<SafetensorsTestFiles.Tensor> tensors = SafetensorsTestFiles.Entries(File.ReadAllBytes(SafetensorsReference.Path("TorchBatchNorm.safetensors")));
        SafetensorsTestFiles.Tensor counter = tensors.Find(t => t.Name == "2.num_batches_tracked")!;
        Assert.Equal(("I64", "[]"), (counter.Dtype, counter.Shape)); // what PyTorch writes

        var net = new TorchBatchNormNet();
        net.LoadSafetensors(new MemoryStream(SafetensorsTestFiles.Build(tensors.FindAll(t => t != counter))));
        var reference = new TorchBatchNormNet(seed: 2);
        reference.LoadSafetensors(SafetensorsReference.Path("TorchBatchNorm.safetensors"));
        Assert.Equal(NetworkSnapshot.Bits(reference.Parameters), NetworkSnapshot.Bits(net.Parameters));

        foreach (SafetensorsTestFiles.Tensor wrong in new[] { counter with { Dtype = "F64" }, counter with { Shape = "[1]" } })
        {
            var target = new TorchBatchNormNet(seed: 4);
            var before = NetworkSnapshot.Of(target);
            var error = Assert.Throws<WeightsFormatException>(() => target.LoadSafetensors(new MemoryStream(
                SafetensorsTestFiles.Build(tensors.ConvertAll(t => t == counter ? wrong : t)))));
            Assert.Contains("2.num_batches_tracked", error.Message);
            before.AssertSame(NetworkSnapshot.Of(target));
        }
    }

    [Fact]
    public void Round_trip_through_a_path_with_a_name_map()
    {
        var names = new Dictionary<string, string> { ["0.weight"] = "fc1.weight", ["0.bias"] = "fc1.bias", ["1.weight"] = "act.weight" };
        var source = new TorchPReluDropoutNet(seed: 4);
        string path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".safetensors");
        try
        {
            source.SaveSafetensors(path, names);
            Assert.Contains("fc1.weight", SafetensorsTestFiles.Tensors(File.ReadAllBytes(path)).Keys);
            var target = new TorchPReluDropoutNet(seed: 8);
            var before = NetworkSnapshot.Of(target);
            Assert.False(target.TryLoadSafetensors(path, out string? error));
            Assert.Contains("fc1.weight", error);
            before.AssertSame(NetworkSnapshot.Of(target));
            Assert.True(target.TryLoadSafetensors(path, out error, names), error);
            Assert.Equal(NetworkSnapshot.Bits(source.Parameters), NetworkSnapshot.Bits(target.Parameters));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_invalid_name_map_is_refused()
    {
        var net = new TinyNet();
        Assert.Contains("9.weight", Assert.Throws<ArgumentException>(() => net.SaveSafetensors(new MemoryStream(), new Dictionary<string, string> { ["9.weight"] = "x" })).Message);
        Assert.Throws<ArgumentException>(() => net.SaveSafetensors(new MemoryStream(), new Dictionary<string, string> { ["0.weight"] = "0.bias" }));
        Assert.Throws<ArgumentException>(() => net.SaveSafetensors(new MemoryStream(), new Dictionary<string, string> { ["0.weight"] = "__metadata__" }));
    }
}
