namespace NeuralDsl;

/// <summary>
/// The optimiser a network trains with, declared on <see cref="NetworkAttribute"/>. Update rules match
/// PyTorch's <c>torch.optim</c> exactly; the classes live in <see cref="NeuralDsl.Optimizers"/>.
/// </summary>
/// <remarks>
/// The numeric values are part of the contract with the source generator; never renumber them.
/// </remarks>
public enum Optimizer
{
    /// <summary>Stochastic gradient descent, optionally with momentum and Nesterov momentum.</summary>
    Sgd = 0,

    /// <summary>AdaGrad (Duchi et al., 2011).</summary>
    Adagrad = 1,

    /// <summary>RMSprop (Hinton, 2012), optionally with momentum.</summary>
    RMSprop = 2,

    /// <summary>Adam (Kingma and Ba, 2015).</summary>
    Adam = 3,

    /// <summary>Adam with decoupled weight decay (Loshchilov and Hutter, 2019).</summary>
    AdamW = 4,
}
