// The one implementation of "does a granted scope cover a required one", compiled into the runtime, the generator's
// analyzers and the emulator (linked), so the three cannot disagree.
#if GENESYS_GENERATOR
namespace GenesysCloud.Typed.Generator;
#elif GENESYS_EMULATOR
namespace GenesysCloud.Typed.Testing;
#else
namespace GenesysCloud.Typed;
#endif

internal static class ScopeCoverage
{
    public const string ReadOnlySuffix = ":readonly";

    public static bool IsReadOnly(string scope) => scope.EndsWith(ReadOnlySuffix, System.StringComparison.Ordinal);

    /// <summary><c>X</c> covers <c>X</c> and <c>X:readonly</c>.</summary>
    public static bool Covers(string granted, string required) =>
        string.Equals(granted, required, System.StringComparison.Ordinal) ||
        (IsReadOnly(required) && required.Length - ReadOnlySuffix.Length == granted.Length &&
         string.CompareOrdinal(required, 0, granted, 0, granted.Length) == 0);
}
