using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GenesysCloud.Typed.Generator.Document;

/// <summary>The project's API index: the additional file named genesys-api.json, read once per content. The same text
/// object is found again at once (the compiler and the IDE hand out the same SourceText while the file is unchanged);
/// a new text object with the same content — a new compilation after an edit elsewhere, another project sharing the
/// file — is found by its content checksum, so the index is parsed once however many compilations read it.</summary>
internal static class IndexFiles
{
    private static readonly ConditionalWeakTable<SourceText, IndexLoad> ByText = new();
    private static readonly Dictionary<string, IndexLoad> ByChecksum = new(StringComparer.Ordinal);
    private const int Kept = 8;

    /// <summary>The index of the compilation's options, or null when the project adds no genesys-api.json.</summary>
    public static IndexLoad? Find(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var file = FileOf(options);
        if (file is null) return null;
        // Two indexes could describe different documents: guessing which is meant would check against the wrong one.
        if (SecondOf(options, file) is { } second)
        {
            return new IndexLoad(file.Path, null,
                $"the project adds two files named {ApiIndex.FileName}, this one and {second.Path}, so neither is used; keep one in AdditionalFiles");
        }
        var text = file.GetText(cancellationToken);
        if (text is null) return new IndexLoad(file.Path, null, "it cannot be read");
        return ByText.GetValue(text, t => Load(file.Path, t));
    }

    /// <summary>The first additional file (by path, so the choice is stable) named genesys-api.json.</summary>
    public static AdditionalText? FileOf(AnalyzerOptions options)
    {
        AdditionalText? found = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!string.Equals(Path.GetFileName(file.Path), ApiIndex.FileName, StringComparison.OrdinalIgnoreCase)) continue;
            if (found is null || string.CompareOrdinal(file.Path, found.Path) < 0) found = file;
        }
        return found;
    }

    /// <summary>Another additional file named genesys-api.json than <paramref name="first"/>, or null.</summary>
    private static AdditionalText? SecondOf(AnalyzerOptions options, AdditionalText first)
    {
        AdditionalText? second = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (ReferenceEquals(file, first) || !string.Equals(Path.GetFileName(file.Path), ApiIndex.FileName, StringComparison.OrdinalIgnoreCase)) continue;
            if (second is null || string.CompareOrdinal(file.Path, second.Path) < 0) second = file;
        }
        return second;
    }

    private static IndexLoad Load(string path, SourceText text)
    {
        var checksum = Convert.ToBase64String(System.Linq.ImmutableArrayExtensions.ToArray(text.GetChecksum())) + ":" + text.Length;
        lock (ByChecksum)
        {
            if (ByChecksum.TryGetValue(checksum, out var known)) return known.For(path);
        }
        IndexLoad load;
        try
        {
            load = new IndexLoad(path, ApiIndex.Parse(text.ToString()), null);
        }
        catch (FormatException ex)
        {
            load = new IndexLoad(path, null, ex.Message);
        }
        lock (ByChecksum)
        {
            if (ByChecksum.Count >= Kept) ByChecksum.Clear();   // a handful of indexes at most are in use at once
            ByChecksum[checksum] = load;
        }
        return load;
    }
}

/// <summary>A read index (<see cref="Index"/>) or why it cannot be used (<see cref="Error"/>), for the file at <see cref="Path"/>.</summary>
internal sealed class IndexLoad
{
    public IndexLoad(string path, ApiIndex? index, string? error)
    {
        Path = path;
        Index = index;
        Error = error;
    }

    public string Path { get; }
    public ApiIndex? Index { get; }
    public string? Error { get; }

    public IndexLoad For(string path) => path == Path ? this : new IndexLoad(path, Index, Error);
}
