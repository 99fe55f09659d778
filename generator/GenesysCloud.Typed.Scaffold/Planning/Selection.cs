using GenesysCloud.Typed.Scaffold.Document;

namespace GenesysCloud.Typed.Scaffold.Planning;

/// <summary>The operations to scaffold: every one, or those of the named tags plus the named operations. A name the
/// document does not have is a usage error with the nearest name it does have.</summary>
internal static class Selection
{
    public static IReadOnlyList<ApiOperation> Choose(ApiDocument document, IReadOnlyList<string> tags, IReadOnlyList<string> operations)
    {
        if (tags.Count == 0 && operations.Count == 0) return document.Operations;
        var allTags = document.Operations.Select(o => o.Tag).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var chosenTags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wanted in tags)
        {
            var tag = allTags.FirstOrDefault(t => string.Equals(t, wanted, StringComparison.OrdinalIgnoreCase))
                      ?? allTags.FirstOrDefault(t => string.Equals(Names.Pascal(t), Names.Pascal(wanted), StringComparison.OrdinalIgnoreCase))
                      ?? throw new UsageException($"--tag '{wanted}' is not a tag of the document{Suggestion(wanted, allTags)}.");
            chosenTags.Add(tag);
        }
        var ids = document.Operations.Select(o => o.OperationId).Concat(document.Operations.Select(o => o.MethodName)).Distinct(StringComparer.Ordinal).ToList();
        var chosenOperations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var wanted in operations)
        {
            var match = document.Operations.FirstOrDefault(o => o.OperationId == wanted || o.MethodName == wanted)
                        ?? document.Operations.FirstOrDefault(o => string.Equals(o.OperationId, wanted, StringComparison.OrdinalIgnoreCase)
                                                                    || string.Equals(o.MethodName, wanted, StringComparison.OrdinalIgnoreCase))
                        ?? throw new UsageException($"--operation '{wanted}' is not an operation of the document{Suggestion(wanted, ids)}.");
            chosenOperations.Add(match.Key);
        }
        return document.Operations.Where(o => chosenTags.Contains(o.Tag) || chosenOperations.Contains(o.Key)).ToList();
    }

    private static string Suggestion(string wanted, IReadOnlyList<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = GenesysCloud.Typed.Generator.Shared.EditDistance.Of(wanted.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best is not null && bestDistance <= Math.Max(2, wanted.Length / 3) ? $" (did you mean '{best}'?)" : "";
    }
}

/// <summary>The command line asks for something the document does not have (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
