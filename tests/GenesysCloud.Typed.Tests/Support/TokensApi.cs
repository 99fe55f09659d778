namespace GenesysCloud.Typed.Tests;

[GenesysApi]
public partial interface ITokensApi
{
    [Head("/api/v2/tokens/me")]
    Task CheckTokenAsync(CancellationToken cancellationToken = default);

    [Head("/api/v2/notifications/channels/{channelId}")]
    Task CheckChannelAsync(string channelId, CancellationToken cancellationToken = default);
}
