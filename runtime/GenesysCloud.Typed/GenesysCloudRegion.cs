namespace GenesysCloud.Typed;

/// <summary>The Genesys Cloud regions. The API host is <c>api.{environment}</c>, the login host <c>login.{environment}</c>.</summary>
public enum GenesysCloudRegion
{
    UsEast1, EuWest1, EuCentral1, ApNortheast1, ApSoutheast2, UsWest2, CaCentral1, ApNortheast2, EuWest2,
    ApSouth1, UsEast2, SaEast1, MeCentral1, ApNortheast3, EuCentral2, MxCentral1, ApSoutheast1, EuscDeEast1,
}

public static class GenesysCloudRegions
{
    /// <summary>The environment domain of a region, e.g. <c>mypurecloud.com</c> for <see cref="GenesysCloudRegion.UsEast1"/>.</summary>
    public static string Environment(this GenesysCloudRegion region) => region switch
    {
        GenesysCloudRegion.UsEast1 => "mypurecloud.com",
        GenesysCloudRegion.EuWest1 => "mypurecloud.ie",
        GenesysCloudRegion.EuCentral1 => "mypurecloud.de",
        GenesysCloudRegion.ApNortheast1 => "mypurecloud.jp",
        GenesysCloudRegion.ApSoutheast2 => "mypurecloud.com.au",
        GenesysCloudRegion.UsWest2 => "usw2.pure.cloud",
        GenesysCloudRegion.CaCentral1 => "cac1.pure.cloud",
        GenesysCloudRegion.ApNortheast2 => "apne2.pure.cloud",
        GenesysCloudRegion.EuWest2 => "euw2.pure.cloud",
        GenesysCloudRegion.ApSouth1 => "aps1.pure.cloud",
        GenesysCloudRegion.UsEast2 => "use2.us-gov-pure.cloud",
        GenesysCloudRegion.SaEast1 => "sae1.pure.cloud",
        GenesysCloudRegion.MeCentral1 => "mec1.pure.cloud",
        GenesysCloudRegion.ApNortheast3 => "apne3.pure.cloud",
        GenesysCloudRegion.EuCentral2 => "euc2.pure.cloud",
        GenesysCloudRegion.MxCentral1 => "mxc1.pure.cloud",
        GenesysCloudRegion.ApSoutheast1 => "apse1.pure.cloud",
        GenesysCloudRegion.EuscDeEast1 => "edee1.eusc-pure.cloud",
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Not a Genesys Cloud region."),
    };

    public static Uri ApiBaseAddress(this GenesysCloudRegion region) => new("https://api." + region.Environment() + "/");

    public static Uri LoginBaseAddress(this GenesysCloudRegion region) => new("https://login." + region.Environment() + "/");

    /// <summary>Parses <c>us_east_1</c>, <c>UsEast1</c>, <c>us-east-1</c> or an environment such as <c>mypurecloud.ie</c>.</summary>
    public static bool TryParse(string? text, out GenesysCloudRegion region)
    {
        region = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var compact = text.Trim().Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<GenesysCloudRegion>())
        {
            if (string.Equals(candidate.ToString(), compact, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(candidate.Environment(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                region = candidate;
                return true;
            }
        }
        return false;
    }
}
