using System.Net.Http.Json;

namespace ConversationExport;

/// <summary>What an emulator host answers at <c>GET /emulator/info</c> (an emulator-only route, not a Genesys API): how
/// many conversations it holds and the interval that covers them all, so an export of a host, like one of the embedded
/// emulator, covers the whole org by default and can say how much of it an interval held.</summary>
public sealed record EmulatorHostInfo(int Users, int Conversations, DateTimeOffset ConversationsStart, DateTimeOffset ConversationsEnd)
{
    /// <summary>The host's info; null when it does not answer <c>GET /emulator/info</c> with it.</summary>
    public static async Task<EmulatorHostInfo?> TryReadAsync(Uri host, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync("emulator/info", cancellationToken);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync(ExportJson.Default.EmulatorHostInfo, cancellationToken) : null;
    }
}
