using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Emit;

/// <summary><c>{Context}.cs</c>: the JsonSerializerContext naming every model and every body, result and item type
/// (Web defaults, nulls not written), so GCT0122 holds the contracts complete at build time.</summary>
internal static class ContextEmitter
{
    public static string Write(ScaffoldPlan plan)
    {
        var w = Header.Start(plan);
        XmlDoc.Summary(w, null, "System.Text.Json contracts for every scaffolded model and every body, result and item type (source-generated, AOT-safe).");
        w.Line("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(global::System.Text.Json.JsonSerializerDefaults.Web,");
        w.Line("    DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]");
        foreach (var entry in plan.ContextEntries)
        {
            w.Line(entry.PropertyName is null
                ? $"[global::System.Text.Json.Serialization.JsonSerializable(typeof({entry.Type}))]"
                : $"[global::System.Text.Json.Serialization.JsonSerializable(typeof({entry.Type}), TypeInfoPropertyName = {Names.Literal(entry.PropertyName)})]");
        }
        w.Line($"public partial class {plan.ContextName} : global::System.Text.Json.Serialization.JsonSerializerContext;");
        return w.ToString();
    }
}
