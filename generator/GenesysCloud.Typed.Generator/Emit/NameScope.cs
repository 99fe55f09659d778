using System.Collections.Generic;

namespace GenesysCloud.Typed.Generator.Emit;

/// <summary>Hands out identifiers that clash with nothing already in a scope: the wanted name if it is free, else the
/// wanted name with "_1", "_2", … appended. The emitter uses one per generated method (seeded with the user's parameter
/// names, so a parameter called <c>request</c> or <c>path</c> never meets a generated local) and one per client class.</summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string> taken) => _taken = new HashSet<string>(taken, System.StringComparer.Ordinal);

    public string Claim(string wanted)
    {
        var name = wanted;
        for (var i = 1; !_taken.Add(name); i++) name = wanted + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return name;
    }
}
