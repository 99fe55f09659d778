using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using GenesysCloud.Typed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// ReSharper disable once CheckNamespace: extension methods belong where IServiceCollection is.
namespace Microsoft.Extensions.DependencyInjection;

public static class GenesysCloudServiceCollectionExtensions
{
    /// <summary>The IHttpClientFactory name of the client the connection sends with.</summary>
    public const string HttpClientName = "GenesysCloud";

    /// <summary>Registers a singleton <see cref="GenesysCloudConnection"/> sending through IHttpClientFactory, logging
    /// through ILoggerFactory and recording metrics through IMeterFactory.</summary>
    public static IGenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, Action<GenesysCloudOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<GenesysCloudOptions>().Configure(configure);
        services.AddHttpClient(HttpClientName)
            // The factory's own loggers put the raw HttpHeaders object (bearer token included) into their structured
            // state even when the message is redacted, so any structured provider would write the token. They are
            // removed: the runtime logs every request itself, without secrets. Redaction stays for anyone who adds
            // them back with AddDefaultLogger().
            .RemoveAllLoggers()
            .RedactLoggedHeaders(["Authorization"])
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,   // never carry Authorization through a redirect
                AutomaticDecompression = DecompressionMethods.All,
            })
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GenesysCloudOptions>>().Value;
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
                client.DefaultRequestHeaders.UserAgent.TryParseAdd(options.UserAgent);
            });
        // RedactLoggedHeaders redacts the factory loggers' messages only: their header records (Trace) still carry the
        // raw values in their structured state. Should the loggers be added back, those records are filtered out;
        // the request and response lines (Information) remain.
        services.Configure<LoggerFilterOptions>(o =>
        {
            foreach (var handler in new[] { "LogicalHandler", "ClientHandler" })
                o.Rules.Add(new LoggerFilterRule(null, $"System.Net.Http.HttpClient.{HttpClientName}.{handler}", LogLevel.Debug, null));
        });
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<GenesysCloudOptions>>().Value;
            options.LoggerFactory ??= sp.GetService<ILoggerFactory>();
            // Stages registered with AddPipelineStage run after those set on the options, in registration order.
            foreach (var stage in sp.GetServices<GenesysPipelineStage>())
                if (!options.PipelineStages.Contains(stage)) options.PipelineStages.Add(stage);
            var factory = sp.GetRequiredService<IHttpClientFactory>();
            return new GenesysCloudConnection(options, () => factory.CreateClient(HttpClientName), sp.GetService<IMeterFactory>());
        });
        return new GenesysCloudBuilder(services);
    }

    /// <summary>As <see cref="AddGenesysCloud(IServiceCollection, Action{GenesysCloudOptions})"/>, reading
    /// <c>Region</c>, <c>BaseAddress</c>, <c>LoginBaseAddress</c>, <c>ClientId</c>, <c>ClientSecret</c>, <c>Timeout</c> and
    /// <c>Retry:MaxRetries</c> from <paramref name="section"/> (no reflection: safe under NativeAOT), then
    /// <paramref name="configure"/>.</summary>
    public static IGenesysCloudBuilder AddGenesysCloud(this IServiceCollection services, IConfiguration section, Action<GenesysCloudOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddGenesysCloud(options =>
        {
            Bind(section, options);
            configure?.Invoke(options);
        });
    }

    internal static void Bind(IConfiguration section, GenesysCloudOptions options)
    {
        if (section["Region"] is { Length: > 0 } region)
            options.Region = GenesysCloudRegions.TryParse(region, out var parsed) ? parsed
                : throw new ArgumentException($"GenesysCloud:Region '{region}' is not a Genesys Cloud region (e.g. us_east_1, eu_west_1, mypurecloud.ie).");
        if (section["BaseAddress"] is { Length: > 0 } baseAddress) options.BaseAddress = ParseUri("BaseAddress", baseAddress);
        if (section["LoginBaseAddress"] is { Length: > 0 } login) options.LoginBaseAddress = ParseUri("LoginBaseAddress", login);
        if (section["ClientId"] is { Length: > 0 } id) options.ClientId = id;
        if (section["ClientSecret"] is { Length: > 0 } secret) options.ClientSecret = secret;
        if (section["Timeout"] is { Length: > 0 } timeout)
            options.Timeout = TimeSpan.TryParse(timeout, CultureInfo.InvariantCulture, out var t) ? t
                : throw new ArgumentException($"GenesysCloud:Timeout '{timeout}' is not a TimeSpan such as 00:05:00.");
        if (section["Retry:MaxRetries"] is { Length: > 0 } retries)
            options.Retry.MaxRetries = int.TryParse(retries, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r
                : throw new ArgumentException($"GenesysCloud:Retry:MaxRetries '{retries}' is not a whole number.");
        if (section["Paging:MaxConsecutiveEmptyPages"] is { Length: > 0 } empty)
            options.Paging.MaxConsecutiveEmptyPages = int.TryParse(empty, NumberStyles.Integer, CultureInfo.InvariantCulture, out var e) ? e
                : throw new ArgumentException($"GenesysCloud:Paging:MaxConsecutiveEmptyPages '{empty}' is not a whole number.");
    }

    private static Uri ParseUri(string name, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"GenesysCloud:{name} '{value}' is not an absolute URI.");
}

public interface IGenesysCloudBuilder
{
    IServiceCollection Services { get; }

    /// <summary>Registers the generated client of <typeparamref name="TApi"/> as a singleton (no reflection).</summary>
    IGenesysCloudBuilder AddApi<TApi>() where TApi : class, IGenesysApi<TApi>;

    /// <summary>Adds <typeparamref name="TStage"/> (a singleton, built by the container) to every call's pipeline, after
    /// the stages already added; see <see cref="GenesysPipelineStage"/> for where it runs.</summary>
    IGenesysCloudBuilder AddPipelineStage<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(
        System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TStage>() where TStage : GenesysPipelineStage;
}

internal sealed class GenesysCloudBuilder(IServiceCollection services) : IGenesysCloudBuilder
{
    public IServiceCollection Services { get; } = services;

    public IGenesysCloudBuilder AddApi<TApi>() where TApi : class, IGenesysApi<TApi>
    {
        Services.AddSingleton<TApi>(sp => TApi.Create(sp.GetRequiredService<GenesysCloudConnection>()));
        return this;
    }

    public IGenesysCloudBuilder AddPipelineStage<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(
        System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TStage>() where TStage : GenesysPipelineStage
    {
        Services.AddSingleton<GenesysPipelineStage, TStage>();
        return this;
    }
}
