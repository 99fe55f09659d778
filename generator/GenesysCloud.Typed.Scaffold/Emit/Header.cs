using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Emit;

/// <summary>The start every scaffolded file shares: where it came from, nullable on, the namespace.</summary>
internal static class Header
{
    public static CodeWriter Start(ScaffoldPlan plan)
    {
        var w = new CodeWriter();
        w.Line($"// Scaffolded by genesys-typed from {OneLine(plan.Source)}. Yours to trim and edit; see docs/scaffold.md to re-scaffold.");
        w.Line("#nullable enable");
        w.Line();
        w.Line($"namespace {plan.Namespace};");
        w.Line();
        return w;
    }

    private static string OneLine(string text) => new(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
}
