namespace NeuralDsl.Schedules;

/// <summary>
/// A learning rate that changes from epoch to epoch, as the schedulers of PyTorch's
/// <c>torch.optim.lr_scheduler</c> change it. Evaluating a schedule allocates nothing.
/// </summary>
/// <remarks>
/// <para>
/// Epochs count from 0. The rate of epoch <c>e</c> is the rate PyTorch's optimiser holds after
/// <c>e</c> calls of <c>scheduler.step()</c>, when the scheduler's <c>last_epoch</c> is <c>e</c>: epoch 0
/// runs at the base rate. A trainer asks for the rate before each epoch and assigns it to
/// <see cref="NeuralDsl.Optimizers.IOptimizer.LearningRate"/>.
/// </para>
/// <para>
/// Most schedules are functions of the epoch and ignore the monitored value. <see cref="ReduceOnPlateau"/>
/// is stateful: each new epoch consumes the value measured at the end of the previous one (what PyTorch
/// passes to <c>ReduceLROnPlateau.step(metrics)</c>), so it must see the epochs in order, and
/// <see cref="Reset"/> starts it over.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var optimizer = new Sgd(net.ParameterCount, learningRate: 0.1f, momentum: 0.9f);
/// ILearningRateSchedule schedule = new ReduceOnPlateau(factor: 0.5f, patience: 3);
/// float validationLoss = float.NaN; // nothing measured before epoch 0, and epoch 0 ignores it
/// for (int epoch = 0; epoch &lt; 50; epoch++)
/// {
///     optimizer.LearningRate = schedule.LearningRateFor(epoch, baseLearningRate: 0.1f, validationLoss);
///     // ... one epoch of net.ComputeGradients and optimizer.Step ...
///     validationLoss = net.ComputeLoss(validationInputs, validationTargets);
/// }
/// </code>
/// </example>
public interface ILearningRateSchedule
{
    /// <summary>Returns the learning rate of <paramref name="epoch"/>.</summary>
    /// <param name="epoch">The epoch, from 0 (PyTorch's <c>last_epoch</c> after that many <c>scheduler.step()</c> calls).</param>
    /// <param name="baseLearningRate">The rate of epoch 0 (PyTorch's <c>base_lrs</c>), finite and at least 0.</param>
    /// <param name="monitoredValue">The quantity measured at the end of epoch <c>epoch - 1</c>, such as a validation loss; ignored at epoch 0 and by schedules that monitor nothing.</param>
    /// <returns>The learning rate, at least 0.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="epoch"/> is negative, or <paramref name="baseLearningRate"/> is negative, infinite or NaN.</exception>
    float LearningRateFor(int epoch, float baseLearningRate, float monitoredValue);

    /// <summary>Forgets everything observed so far, as if newly constructed; a no-op for schedules without state.</summary>
    void Reset();
}
