using System.Text.Json;
using GenesysCloud.Typed.Testing.Json;
using Microsoft.AspNetCore.Http;

namespace GenesysCloud.Typed.Testing.Api;

/// <summary>Writes errors in Genesys Cloud's shape, with <c>contextId</c> equal to the <c>inin-correlation-id</c> header.</summary>
internal static class ApiErrors
{
    public const string CorrelationHeader = "inin-correlation-id";

    public static string CorrelationId(HttpContext context) =>
        context.Items.TryGetValue(CorrelationHeader, out var id) && id is string s ? s : "";

    public static Task WriteAsync(HttpContext context, int status, string code, string message,
        IReadOnlyDictionary<string, string>? messageParams = null)
    {
        var parameters = messageParams ?? new Dictionary<string, string>();
        // Genesys sends the template in messageWithParams ("… {scopes} …") and the rendered text in message.
        var template = message;
        foreach (var (key, value) in parameters) template = template.Replace(value, "{" + key + "}", StringComparison.Ordinal);
        var error = new ApiError(message, code, status, template, parameters, CorrelationId(context), [], []);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, error, EmulatorJson.Default.ApiError, context.RequestAborted);
    }

    public static IResult Result(int status, string code, string message) =>
        new ErrorResult(status, code, message);

    private sealed class ErrorResult(int status, string code, string message) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, status, code, message);
    }
}
