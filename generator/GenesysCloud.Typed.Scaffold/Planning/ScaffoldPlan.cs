namespace GenesysCloud.Typed.Scaffold.Planning;

/// <summary>Everything the emitters write, decided: names claimed, types spelled, conventions applied. Plain data, so
/// the plan can be tested without reading the text it becomes.</summary>
internal sealed record ScaffoldPlan(
    string Namespace,
    string ContextName,
    string Source,
    IReadOnlyList<InterfacePlan> Interfaces,
    IReadOnlyList<ModelPlan> Models,
    IReadOnlyList<ContextEntry> ContextEntries,
    IReadOnlyList<string> Notes);

internal sealed record InterfacePlan(string Name, string Tag, IReadOnlyList<MethodPlan> Methods);

/// <summary>One endpoint method: its attributes (without brackets), return type and parameters as C# text.</summary>
internal sealed record MethodPlan(
    string Name,
    string OperationId,
    string Verb,
    string Route,
    IReadOnlyList<string> Attributes,
    string ReturnType,
    IReadOnlyList<ParameterPlan> Parameters,
    string? Summary,
    string? Description,
    bool Preview,
    bool Deprecated,
    string Shape);

internal sealed record ParameterPlan(string Declaration, string Name, string? Description);

/// <summary>A record for a definition, or (for a string enum definition) a static class of its values.</summary>
internal sealed record ModelPlan(string Name, string DefinitionName, string? Description, IReadOnlyList<PropertyPlan> Properties,
    IReadOnlyList<ConstantsPlan> Constants, bool IsValueList);

internal sealed record PropertyPlan(string Name, string JsonName, bool NeedsJsonName, string Type, bool Required, bool ReadOnly, string? Description,
    string? ConstantsClass);

/// <summary>The known values of a string enum, as constants: Genesys adds values over time, so they stay strings.</summary>
internal sealed record ConstantsPlan(string Name, IReadOnlyList<(string Name, string Value)> Values);

/// <summary>A <c>[JsonSerializable(typeof(Type))]</c> of the JsonSerializerContext, with the property name it gets when
/// the type's own name could collide.</summary>
internal sealed record ContextEntry(string Type, string? PropertyName);
