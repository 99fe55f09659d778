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
        var document = await DocumentReader.ReadAsync(spec, cancellationToken).ConfigureAwait(false);
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
