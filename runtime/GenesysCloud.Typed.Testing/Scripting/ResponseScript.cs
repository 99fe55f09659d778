namespace GenesysCloud.Typed.Testing.Scripting;

/// <summary>The queue of scripted responses; the first match is used and counts down.</summary>
internal sealed class ResponseScript
{
    private readonly object _gate = new();
    private readonly List<(ScriptedResponse Response, int Left)> _entries = new();

    public void Add(ScriptedResponse response)
    {
        if (response.Times < 1) throw new ArgumentOutOfRangeException(nameof(response), response.Times, "A scripted response must answer at least once.");
        lock (_gate) _entries.Add((response, response.Times));
    }

    public ScriptedResponse? Take(string method, string path)
    {
        lock (_gate)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                var (response, left) = _entries[i];
                if (!response.Matches(method, path)) continue;
                if (left == 1) _entries.RemoveAt(i);
                else _entries[i] = (response, left - 1);
                return response;
            }
        }
        return null;
    }

    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }
}
