namespace GenesysCloud.Typed.Testing.Tests;

/// <summary>A client's secret never shows in its <c>ToString()</c>.</summary>
public sealed class TheClientSecretIsNeverShown
{

    [Fact]
    public void Client_to_string_never_shows_the_secret()
    {
        var client = new EmulatorClient { ClientId = "id", ClientSecret = "super-secret-value" };
        Assert.DoesNotContain("super-secret-value", client.ToString());
    }
}
