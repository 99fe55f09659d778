namespace GenesysCloud.Typed;

/// <summary>Marks a <c>partial interface</c> whose client the GenesysCloud.Typed generator emits, with
/// <c>static IX Create(GenesysCloudConnection)</c> on the interface.</summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GenesysApiAttribute : Attribute;
