using GenesysCloud.Typed.Generator.Model;
using Microsoft.CodeAnalysis;

namespace GenesysCloud.Typed.Generator.Reading;

/// <summary>What a parameter binds to, from how it is declared (null: nothing). <see cref="SymbolReader"/> asks it to read
/// only what that binding needs; the rule itself is <c>Rules.ParameterBinding.Of</c>, handed to the reader by the rules,
/// so the rule is written once and Reading/ does not depend on Rules/.</summary>
internal delegate ParameterRole? BindingRule(RefKind refKind, bool query, bool header, bool body, bool isCancellationToken);
