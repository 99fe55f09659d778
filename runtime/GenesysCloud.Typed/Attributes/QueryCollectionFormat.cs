// Shared with the generator, which compiles this file in (linked) so both read the same values.
#if GENESYS_GENERATOR
namespace GenesysCloud.Typed.Generator;
#else
namespace GenesysCloud.Typed;
#endif

#if GENESYS_GENERATOR
internal enum QueryCollectionFormat
#else
/// <summary>How a collection-valued <c>[Query]</c> parameter is written.</summary>
public enum QueryCollectionFormat
#endif
{
    /// <summary><c>id=a&amp;id=b</c></summary>
    Multi,
    /// <summary><c>id=a,b</c></summary>
    Csv,
}
