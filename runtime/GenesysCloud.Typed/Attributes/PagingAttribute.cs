namespace GenesysCloud.Typed;

/// <summary>How a paged endpoint (one returning <c>IAsyncEnumerable&lt;T&gt;</c> or <see cref="GenesysPageable{T}"/>) pages.
/// Without it: page-number listing with items under <c>entities</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class PagingAttribute(PagingStyle style) : Attribute
{
    public PagingStyle Style { get; } = style;

    /// <summary>The JSON property holding the items: <c>entities</c>, <c>results</c>, <c>conversations</c>, ….</summary>
    public string ItemsProperty { get; set; } = PagingDefaults.ItemsProperty;
}
