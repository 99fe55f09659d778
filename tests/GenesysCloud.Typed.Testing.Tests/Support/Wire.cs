using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>A plain HttpClient talking to the emulator the way any client would, with no runtime of ours in between.</summary>
internal sealed class Wire : IDisposable
{
    private readonly HttpClient _http;

    public Wire(GenesysCloudEmulator emulator) => _http = new HttpClient { BaseAddress = emulator.BaseAddress };

    public HttpClient Http => _http;

    public static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));

    public async Task<(HttpResponseMessage Response, JsonElement Json)> TokenAsync(
        IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = auth;
        var response = await _http.SendAsync(request);
        return (response, await JsonAsync(response));
    }

    public async Task<string> ClientCredentialsTokenAsync(string id = "emulator-client", string secret = "emulator-secret")
    {
        var (response, json) = await TokenAsync([new("grant_type", "client_credentials")], Basic(id, secret));
        Assert.Equal(200, (int)response.StatusCode);
        return json.GetProperty("access_token").GetString()!;
    }

    public async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(HttpMethod method, string uri, string? token, string? jsonBody = null)
    {
        using var request = new HttpRequestMessage(method, uri.TrimStart('/'));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (jsonBody is not null) request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
        var response = await _http.SendAsync(request);
        return (response, await JsonAsync(response));
    }

    public Task<(HttpResponseMessage Response, JsonElement Json)> GetAsync(string uri, string? token) => SendAsync(HttpMethod.Get, uri, token);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0 || response.Content.Headers.ContentType?.MediaType != "application/json") return default;
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => _http.Dispose();
}
