using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary><c>HEAD /api/v2/tokens/me</c>: 200 while the caller's token is good (the gate answers 401 otherwise), no body,
/// as Genesys answers it.</summary>
internal static class TokensEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/api/v2/tokens/me", ["HEAD"], () => Results.Ok());
}
