using System.Text.Json;

namespace ConversationExport;

/// <summary>Where an interrupted export resumes: the job (never submitted twice), the cursor of the first page not yet
/// written, and how many bytes of the output are whole pages (anything after them is cut on resume, so no line is
/// written twice). Saved after every page, atomically (temp file, then rename).</summary>
public sealed class ExportCheckpoint
{
    public string? Interval { get; set; }
    public string? JobId { get; set; }
    public string? Cursor { get; set; }
    public long OutputBytes { get; set; }
    public long Exported { get; set; }
    public int Polls { get; set; }
    public bool Completed { get; set; }

    public static ExportCheckpoint? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ExportJson.Default.ExportCheckpoint);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"The checkpoint {path} is not readable ({ex.Message}). Delete it to start over.", ex);
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, ExportJson.Default.ExportCheckpoint));
        File.Move(temp, path, overwrite: true);
    }
}
