using System.Text;
using GenesysCloud.Typed.Scaffold.Document;
using GenesysCloud.Typed.Scaffold.Planning;

namespace GenesysCloud.Typed.Scaffold;

/// <summary>What <c>genesys-typed index</c> wrote.</summary>
internal sealed record IndexResult(string Path, int Operations, long Bytes);

/// <summary>Document → <see cref="IndexWriter"/> → file, written whole or not at all (a temporary file moved into place).</summary>
internal static class Indexer
{
    public static async Task<IndexResult> RunAsync(string spec, string output, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(output);
        if (Directory.Exists(target)) throw new UsageException($"--out {target} is a folder; name the index file, e.g. {Path.Combine(target, IndexWriter.FileName)}.");
        // A file spec named as --out would be replaced by its own index: the user's document lost.
        if (!Uri.TryCreate(spec, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            var specPath = Path.GetFullPath(uri is { IsFile: true } ? uri.LocalPath : spec);
            if (string.Equals(specPath, target, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
                throw new UsageException($"--out {target} is the --spec document itself; write the index to another file, e.g. {Path.Combine(Path.GetDirectoryName(target)!, IndexWriter.FileName)}.");
        }
        var document = await DocumentReader.ReadAsync(spec, cancellationToken).ConfigureAwait(false);
        // The analyzers refuse an index without scope names (every [RequiresScope] would be unknown): refuse it here first.
        if (document.ScopeNames.Count == 0)
            throw new DocumentException($"{spec} defines no OAuth scopes, so its index could not check any [RequiresScope]; index Genesys's Platform API document.");
        var text = IndexWriter.Write(document);
        var staging = target + ".writing-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            await File.WriteAllTextAsync(staging, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
            File.Move(staging, target, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out {target} cannot be written: {ex.Message}");
        }
        finally
        {
            try { File.Delete(staging); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* only clutter */ }
        }
        return new IndexResult(target, document.Operations.Count, Encoding.UTF8.GetByteCount(text));
    }
}
