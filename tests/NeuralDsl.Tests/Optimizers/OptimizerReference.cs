using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NeuralDsl.Optimizers;
using NeuralDsl.Schedules;

namespace NeuralDsl.Tests.Optimizers;

/// <summary>Hyperparameters as tests/reference/make_optimizer_reference.py records them: C# names in snake case.</summary>
public sealed class Hyperparameters(Dictionary<string, JsonElement> values)
{
    public float Float(string name) => (float)values[name].GetDouble();

    public int Int(string name) => values[name].GetInt32();

    public bool Bool(string name) => values[name].GetBoolean();
}

/// <summary>One optimiser case of optimizers.json: the parameters PyTorch reached after each step.</summary>
public sealed class OptimizerCase
{
    public required string Name { get; init; }
    public required string Optimizer { get; init; }
    public required Dictionary<string, JsonElement> Hyperparameters { get; init; }
    public required double[][] Parameters { get; init; }

    public Hyperparameters Values => new(Hyperparameters);

    /// <summary>
    /// The optimiser this case describes. The "_defaults" cases pass only the parameter count, so that
    /// they test the C# defaults against PyTorch's; the others pass every hyperparameter explicitly.
    /// </summary>
    public IOptimizer Create(int parameterCount)
    {
        Hyperparameters h = Values;
        bool defaults = Name.EndsWith("_defaults", StringComparison.Ordinal);
        return Optimizer switch
        {
            "Sgd" => new Sgd(parameterCount, h.Float("learning_rate"), h.Float("momentum"), h.Float("dampening"), h.Bool("nesterov"), h.Float("weight_decay")),
            "Adagrad" => defaults ? new Adagrad(parameterCount)
                : new Adagrad(parameterCount, h.Float("learning_rate"), h.Float("learning_rate_decay"), h.Float("weight_decay"),
                    h.Float("initial_accumulator_value"), h.Float("epsilon")),
            "RMSprop" => defaults ? new RMSprop(parameterCount)
                : new RMSprop(parameterCount, h.Float("learning_rate"), h.Float("alpha"), h.Float("epsilon"), h.Float("weight_decay"),
                    h.Float("momentum"), h.Bool("centered")),
            "Adam" => defaults ? new Adam(parameterCount)
                : new Adam(parameterCount, h.Float("learning_rate"), h.Float("beta1"), h.Float("beta2"), h.Float("epsilon"),
                    h.Float("weight_decay"), h.Bool("amsgrad")),
            "AdamW" => defaults ? new AdamW(parameterCount)
                : new AdamW(parameterCount, h.Float("learning_rate"), h.Float("beta1"), h.Float("beta2"), h.Float("epsilon"),
                    h.Float("weight_decay"), h.Bool("amsgrad")),
            _ => throw new InvalidDataException($"Unknown optimiser {Optimizer} in case {Name}."),
        };
    }
}

/// <summary>optimizers.json, written by tests/reference/make_optimizer_reference.py.</summary>
public sealed class OptimizerReference
{
    public required string TorchVersion { get; init; }
    public required int Steps { get; init; }
    public required Dictionary<string, Dictionary<string, JsonElement>> Defaults { get; init; }
    public required float[] InitialParameters { get; init; }
    public required float[][] Gradients { get; init; }
    public required OptimizerCase[] Cases { get; init; }

    public static OptimizerReference Instance { get; } = ReferenceFile.Load<OptimizerReference>("optimizers.json");

    public OptimizerCase this[string name] => Cases.Single(c => c.Name == name);
}

/// <summary>One schedule case of schedules.json: the learning rate PyTorch gave each epoch.</summary>
public sealed class ScheduleCase
{
    public required string Name { get; init; }
    public required string Schedule { get; init; }
    public required Dictionary<string, JsonElement> Hyperparameters { get; init; }
    public required double[] LearningRates { get; init; }

    public ILearningRateSchedule Create()
    {
        var h = new Hyperparameters(Hyperparameters);
        return Schedule switch
        {
            "StepDecay" => new StepDecay(h.Int("step_size"), h.Float("gamma")),
            "ExponentialDecay" => new ExponentialDecay(h.Float("gamma")),
            "CosineAnnealing" => new CosineAnnealing(h.Int("t_max"), h.Float("min_learning_rate")),
            "ReduceOnPlateau" => new ReduceOnPlateau(h.Float("factor"), h.Int("patience"), h.Float("threshold"), h.Int("cooldown"),
                h.Float("min_learning_rate")),
            _ => throw new InvalidDataException($"Unknown schedule {Schedule} in case {Name}."),
        };
    }
}

/// <summary>schedules.json, written by tests/reference/make_optimizer_reference.py.</summary>
public sealed class ScheduleReference
{
    public required string TorchVersion { get; init; }
    public required int Epochs { get; init; }
    public required float BaseLearningRate { get; init; }
    public required Dictionary<string, Dictionary<string, JsonElement>> Defaults { get; init; }
    public required float[] MonitoredValues { get; init; }
    public required ScheduleCase[] Cases { get; init; }

    public static ScheduleReference Instance { get; } = ReferenceFile.Load<ScheduleReference>("schedules.json");

    public ScheduleCase this[string name] => Cases.Single(c => c.Name == name);

    /// <summary>The value passed with epoch <paramref name="epoch"/>: what epoch - 1 measured (nothing before epoch 0).</summary>
    public float MonitoredBefore(int epoch) => epoch == 0 ? float.NaN : MonitoredValues[epoch - 1];
}

internal static class ReferenceFile
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static T Load<T>(string fileName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", fileName);
        return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} holds no reference.");
    }
}

/// <summary>The relative error used by these tests, with a floor for values near zero.</summary>
internal static class RelativeError
{
    /// <summary><c>|actual - expected| / max(|expected|, floor)</c>; 0 for exact matches, infinity for NaN.</summary>
    public static double Of(double actual, double expected, double floor)
    {
        if (actual == expected)
            return 0;
        double error = Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), floor);
        return double.IsNaN(error) ? double.PositiveInfinity : error;
    }
}
