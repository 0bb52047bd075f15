namespace NeuralDsl;

/// <summary>
/// Base of every layer attribute. Layers are the attributes on a <see cref="NetworkAttribute"/>
/// class, applied in source order, like a Keras <c>Sequential</c> model.
/// </summary>
[global::System.AttributeUsage(global::System.AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public abstract class LayerAttribute : global::System.Attribute
{
}
