using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>How GCT0122 names <paramref name="type"/> when the interface's JsonContext has no contract for it; null when it
/// has one. <see cref="SymbolReader"/> asks it for each body and result type; the answer is <c>Rules.JsonContract.Lacks</c>,
/// handed to the reader by the rules.</summary>
internal delegate JsonMissingFacts? JsonCoverage(ITypeSymbol type);
