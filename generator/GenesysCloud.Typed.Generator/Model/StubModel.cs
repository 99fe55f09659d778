namespace GenesysCloud.Typed.Generator.Model;

/// <summary>A member the generator cannot implement (the analyzers say why): it gets an explicit implementation that
/// throws, so the client still compiles. Its signature repeats everything the implementation must match: <paramref name="ReturnType"/>
/// with "ref "/"ref readonly ", <paramref name="Parameters"/> with ref kinds, scoped, params and nullability attributes,
/// <paramref name="Constraints"/> (" where T : class"), <paramref name="Attributes"/> ("[return: …] " of a method, the
/// nullability attributes of a property), and an init-only setter.</summary>
internal sealed record StubModel(StubKind Kind, string DeclaringInterface, string Name, string ReturnType, string TypeParameters,
    string Parameters, string Constraints, string Attributes, bool HasGetter, bool HasSetter, bool SetterIsInit, string Reason, Marks Marks);

internal enum StubKind { Method, Property, Indexer, Event }
