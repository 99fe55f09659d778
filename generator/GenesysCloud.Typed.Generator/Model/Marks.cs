namespace GenesysCloud.Typed.Generator.Model;

/// <summary>What a generated member must carry because it references a symbol marked [Obsolete] or
/// [RequiresPreviewFeatures]: the same marker puts it in an obsolete / preview context, where such references are not
/// reported at all (error-level [Obsolete(..., true)] cannot be suppressed any other way).</summary>
internal sealed record Marks(bool Obsolete, bool Preview)
{
    public static readonly Marks None = new(false, false);

    public Marks Or(Marks other) => other == None ? this : this == None ? other : new(Obsolete || other.Obsolete, Preview || other.Preview);
}
