using GenesysCloud.Typed.Scaffold.Planning;

using System.Text;

namespace GenesysCloud.Typed.Scaffold.Output;

/// <summary>Writes a scaffold into a temporary folder beside the target and moves it into place only when every file is
/// written: a failure leaves the target as it was. A target that holds anything but an earlier scaffold is refused,
/// so pointing <c>--out</c> at a project folder can never delete its files.</summary>
internal static class OutputFolder
{
    /// <summary>Marks a folder as genesys-typed's output, which a later scaffold may replace whole.</summary>
    public const string Marker = ".genesys-typed";

    public static void Write(string target, IReadOnlyDictionary<string, string> files, string markerText)
    {
        target = Path.GetFullPath(target);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, Marker)))
            throw new UsageException($"--out {target} holds files that genesys-typed did not write; choose an empty or new folder (an earlier scaffold's folder, marked by {Marker}, is replaced).");
        var parent = Path.GetDirectoryName(target) ?? throw new UsageException($"--out {target} has no parent folder.");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".scaffolding-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(staging);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            foreach (var (relative, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, utf8);
            }
            File.WriteAllText(Path.Combine(staging, Marker), markerText, utf8);
            if (Directory.Exists(target))
            {
                var old = staging + ".old";
                Directory.Move(target, old);
                Directory.Move(staging, target);
                Directory.Delete(old, recursive: true);
            }
            else
            {
                Directory.Move(staging, target);
            }
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
