using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Emit;

/// <summary>One <c>I{Tag}Api.cs</c>: the annotated partial interface the generator turns into a client.</summary>
internal static class InterfaceEmitter
{
    public static string Write(ScaffoldPlan plan, InterfacePlan api)
    {
        var w = Header.Start(plan);
        // The scopes are Genesys's own, copied from its document: GCT0002 checks scope names against the list compiled into
        // GenesysCloud.Typed, which can lag behind a newer document; GCT0001 at declarations would flag every operation the
        // app's grant does not cover, yet only the ones it calls matter, and GCT0001 still reports those at each call.
        w.Line("#pragma warning disable GCT0001, GCT0002");
        w.Line();
        XmlDoc.Summary(w, null, $"Genesys Cloud's {XmlDoc.Clean(api.Tag)} operations ({api.Methods.Count}). Create the client with <c>{api.Name}.Create(connection)</c>.");
        w.Line($"[global::GenesysCloud.Typed.GenesysApi(JsonContext = typeof({plan.ContextName}))]");
        w.Line($"public partial interface {api.Name}");
        using (w.Block())
        {
            for (var i = 0; i < api.Methods.Count; i++)
            {
                if (i > 0) w.Line();
                Method(w, api.Methods[i]);
            }
        }
        return w.ToString();
    }

    private static void Method(CodeWriter w, MethodPlan method)
    {
        XmlDoc.Summary(w, method.Summary ?? method.Description, $"{method.Verb} {XmlDoc.Clean(method.Route)}");
        var remarks = new List<string>();
        if (method.Summary is not null && XmlDoc.Clean(method.Description) is { } description && description != XmlDoc.Clean(method.Summary)) remarks.Add(description);
        if (method.Preview) remarks.Add("Preview: Genesys may change or remove this operation without notice.");
        if (method.Deprecated) remarks.Add("Deprecated by Genesys.");
        remarks.Add($"<c>{method.Verb} {XmlDoc.Clean(method.Route)}</c> ({XmlDoc.Clean(method.OperationId)}), {(method.Shape.StartsWith("a", StringComparison.Ordinal) ? "an" : "a")} {method.Shape}.");
        XmlDoc.Markup(w, "remarks", string.Join(" ", remarks));
        // Every parameter or none: a documentation file build refuses a method with some documented (CS1573).
        foreach (var parameter in method.Parameters)
            XmlDoc.Param(w, Names.Bare(parameter.Name), parameter.Description, $"The <c>{Names.Bare(parameter.Name)}</c> value.");
        foreach (var attribute in method.Attributes) w.Line($"[{attribute}]");
        w.Line($"{method.ReturnType} {method.Name}(");
        for (var i = 0; i < method.Parameters.Count; i++)
            w.Line($"    {method.Parameters[i].Declaration}{(i == method.Parameters.Count - 1 ? ");" : ",")}");
    }
}
