namespace GenesysCloud.Typed.Generator.Model;

/// <summary>The HTTP method an attribute names ("Get" of [Get]) as HTTP writes it ("GET").</summary>
internal static class HttpVerb
{
    /// <summary>"GET" for "Get": the method as HTTP writes it, from a table (every endpoint of every compilation asks).</summary>
    public static string Of(string httpMethod) => httpMethod switch
    {
        "Get" => "GET",
        "Post" => "POST",
        "Put" => "PUT",
        "Patch" => "PATCH",
        "Delete" => "DELETE",
        "Head" => "HEAD",
        _ => httpMethod.ToUpperInvariant(),
    };
}
