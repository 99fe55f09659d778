using System.Text;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold.Output;

/// <summary>Writes a scaffold into a staging folder beside the target and moves it into place only when every file is
/// written: a failure leaves the target as it was. The target must be new, empty, or exactly an earlier scaffold: its
/// <see cref="Marker"/> lists the files the tool wrote, and a folder holding anything else (a project, a file of your own
/// added beside the scaffold) is refused, so no file the tool did not write is ever deleted.</summary>
internal static class OutputFolder
{
    /// <summary>Marks a folder as genesys-typed's output and lists its files, which a later scaffold may replace.</summary>
    public const string Marker = ".genesys-typed";

    public static void Write(string target, IReadOnlyDictionary<string, string> files, string header)
    {
        target = Path.GetFullPath(target);
        if (File.Exists(target)) throw new UsageException($"--out {target} is a file, not a folder.");
        if (Directory.Exists(target) && Foreign(target) is { } foreign)
        {
            throw new UsageException($"--out {target} holds {foreign}, which genesys-typed did not write; move it out or choose an empty or new " +
                                     $"folder (an earlier scaffold's folder, marked by {Marker}, is replaced whole).");
        }
        var parent = Path.GetDirectoryName(target) ?? throw new UsageException($"--out {target} has no parent folder.");
        var staging = Path.Combine(parent, "." + Path.GetFileName(target) + ".scaffolding-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Directory.CreateDirectory(staging);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            var written = new StringBuilder(header);
            foreach (var (relative, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text, utf8);
                written.Append(relative.Replace('\\', '/')).Append('\n');
            }
            File.WriteAllText(Path.Combine(staging, Marker), written.ToString(), utf8);
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
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {target} cannot be written: {ex.Message}");
        }
        finally
        {
            try
            {
                if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Nothing was moved into place; a staging folder we cannot remove is only clutter beside it.
            }
        }
    }

    /// <summary>The first file or folder in <paramref name="target"/> that its marker does not list, or null.</summary>
    private static string? Foreign(string target)
    {
        var marker = Path.Combine(target, Marker);
        var listed = File.Exists(marker)
            ? File.ReadAllLines(marker).Skip(1).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var file in Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(target, file).Replace('\\', '/');
            if (relative != Marker && !listed.Contains(relative)) return "'" + relative + "'";
        }
        return null;
    }
}
