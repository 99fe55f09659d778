namespace GenesysCloud.Typed.Tests.Shared;

// Linked into the generator and code-fix test projects.
/// <summary>A JsonSerializerContext as System.Text.Json's source generator would complete it (that generator does not run in
/// these tests): the members a context needs to compile, written once for every test that declares one.</summary>
internal static class JsonContextStandIn
{
    /// <summary>The members, for a context declared by hand (say, nested where a test needs it).</summary>
    public static string Members(string name) => $$"""
            public {{name}}() : base(null) { }
            public static {{name}} Default { get; } = new();
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
        """;

    /// <summary>The whole class, "internal sealed class AppJson : JsonSerializerContext { … }" by default.</summary>
    public static string Class(string name = "AppJson", string modifiers = "internal sealed") =>
        $"{modifiers} class {name} : System.Text.Json.Serialization.JsonSerializerContext\n{{\n{Members(name)}\n}}\n";
}
