using System.Text.Json;

namespace BatchUsers;

/// <summary>Where an interrupted run resumes: the request of the page being worked on, the users of that page already
/// finished, and the totals so far. Written atomically (temp file, then rename) so a crash never leaves half a file.</summary>
public sealed class Checkpoint
{
    /// <summary>The continuation token that fetches the current page; null for the first page.</summary>
    public string? PageToken { get; set; }
    public HashSet<string> DoneOnPage { get; set; } = new(StringComparer.Ordinal);
    public bool Completed { get; set; }
    public long Processed { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public List<Failure> Failures { get; set; } = [];

    public static Checkpoint Load(string path)
    {
        if (!File.Exists(path)) return new Checkpoint();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), BatchJson.Default.Checkpoint) ?? new Checkpoint();
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The checkpoint {path} is not readable ({ex.Message}). Delete it to start over.", ex);
        }
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, BatchJson.Default.Checkpoint));
        File.Move(temp, path, overwrite: true);
    }
}

public sealed record Failure(string UserId, string Reason);
