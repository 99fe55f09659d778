namespace GenesysCloud.Typed;

/// <summary>Marks a <c>partial interface</c> whose client the GenesysCloud.Typed generator emits, with
/// <c>static IX Create(GenesysCloudConnection)</c> on the interface.</summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GenesysApiAttribute : Attribute
{
    /// <summary>The <c>JsonSerializerContext</c> that holds the contracts of this interface's models. The client then takes
    /// every contract from it (AOT-exact), and a request or response type it does not declare is a build error (GCT0122)
    /// rather than a failure on the first call. Without it, contracts come from the connection's options at run time.</summary>
    public Type? JsonContext { get; set; }
}
