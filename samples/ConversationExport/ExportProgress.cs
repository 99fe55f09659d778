namespace ConversationExport;

/// <summary>Counts the export shows while it runs; written by the exporter, read by the progress lines.</summary>
public sealed class ExportProgress
{
    private long _exported;

    public long Exported => Interlocked.Read(ref _exported);
    public long ExportedThisRun { get; private set; }
    public string Phase { get; set; } = "starting";

    public void Resumed(long exported) => Interlocked.Exchange(ref _exported, exported);

    public void Wrote(int conversations)
    {
        Interlocked.Add(ref _exported, conversations);
        ExportedThisRun += conversations;
    }
}
