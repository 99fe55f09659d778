using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Emit;

/// <summary>One <c>Models/{Name}.cs</c>: a record with init properties (required where the document says so), or the
/// known values of a string enum as constants.</summary>
internal static class ModelEmitter
{
    public static string Write(ScaffoldPlan plan, ModelPlan model)
    {
        var w = Header.Start(plan);
        if (model.IsValueList)
        {
            XmlDoc.Summary(w, model.Description, $"Known values of Genesys's {XmlDoc.Clean(model.DefinitionName)}; Genesys adds values over time, so properties of this kind are strings.");
            Constants(w, model.Constants[0], "public static class");
            return w.ToString();
        }
        XmlDoc.Summary(w, model.Description, $"The {XmlDoc.Clean(model.DefinitionName)} model of Genesys Cloud's Platform API.");
        w.Line($"public sealed record {model.Name}");
        using (w.Block())
        {
            var first = true;
            foreach (var property in model.Properties)
            {
                if (!first) w.Line();
                first = false;
                XmlDoc.Summary(w, property.Description, $"The <c>{XmlDoc.Clean(property.JsonName)}</c> property.");
                var notes = new List<string>();
                if (property.ReadOnly) notes.Add("Set by Genesys Cloud; sending it has no effect.");
                if (property.ConstantsClass is { } constants) notes.Add($"Known values: <see cref=\"{constants}\"/>.");
                if (notes.Count > 0) XmlDoc.Markup(w, "remarks", string.Join(" ", notes));
                if (property.NeedsJsonName) w.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Names.Literal(property.JsonName)})]");
                w.Line($"public {(property.Required ? "required " : "")}{property.Type} {property.Name} {{ get; init; }}");
            }
            foreach (var constants in model.Constants)
            {
                if (!first) w.Line();
                first = false;
                XmlDoc.Summary(w, null, "Known values of the property; Genesys may add others.");
                Constants(w, constants, "public static class");
            }
        }
        return w.ToString();
    }

    private static void Constants(CodeWriter w, ConstantsPlan constants, string declaration)
    {
        w.Line($"{declaration} {constants.Name}");
        using (w.Block())
        {
            foreach (var (name, value) in constants.Values)
            {
                w.Line($"/// <summary><c>{XmlDoc.Clean(value) ?? "(empty)"}</c></summary>");
                w.Line($"public const string {name} = {Names.Literal(value)};");
            }
        }
    }
}
