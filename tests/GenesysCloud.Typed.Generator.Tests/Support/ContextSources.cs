namespace GenesysCloud.Typed.Generator.Tests;

/// <summary>Models and contexts the JsonContext tests and the lockstep corpus declare interfaces against.</summary>
internal static class ContextSources
{
    /// <summary>A JsonSerializerContext as the System.Text.Json generator would complete it (that generator does not run here).</summary>
    internal const string Contexts = """
        public sealed class Address { public string City { get; set; } = ""; }
        public sealed class Profile { public Address? Home { get; set; } public System.Collections.Generic.List<Address> Others { get; set; } = new(); }
        public sealed class Orphan { }
        [System.Text.Json.Serialization.JsonSerializable(typeof(User))]
        [System.Text.Json.Serialization.JsonSerializable(typeof(Profile))]
        public sealed partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext
        {
            public AppJson() : base(null) { }
            public static AppJson Default { get; } = new();
            protected override System.Text.Json.JsonSerializerOptions? GeneratedSerializerOptions => null;
            public override System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(System.Type type) => null;
        }
        public sealed class NotAContext { }
        """;
}
