namespace GenesysCloud.Typed.Generator.Model;

/// <summary>A piece of a route template: literal text, or the name of a <c>{name}</c> placeholder.</summary>
internal readonly struct RoutePart
{
    public RoutePart(string text, bool isPlaceholder)
    {
        Text = text;
        IsPlaceholder = isPlaceholder;
    }

    public string Text { get; }
    public bool IsPlaceholder { get; }
}
