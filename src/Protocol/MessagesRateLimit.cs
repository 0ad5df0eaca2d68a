using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PerijinanBot.Protocol;

/// <summary>
/// How many requests one client address may send to /api/messages in a sliding window. The Bot Connector reaches the bot
/// from a few Microsoft addresses on behalf of every user, so the default is generous: it stops a flood, not an office.
/// </summary>
public sealed class MessagesRateLimitOptions
{
    public const string Section = "MessagesRateLimit";

    /// <summary>Requests per <see cref="Window"/> per client address (an IPv6 client: per /64 network).</summary>
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

internal sealed class MessagesRateLimitOptionsValidator : IValidateOptions<MessagesRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagesRateLimitOptions options)
    {
        var errors = new List<string>();
        if (options.PermitLimit < 1)
        {
            errors.Add($"{MessagesRateLimitOptions.Section}:PermitLimit must be at least 1; got {options.PermitLimit}.");
        }

        if (options.Window < TimeSpan.FromSeconds(1) || options.Window > TimeSpan.FromHours(1))
        {
            errors.Add($"{MessagesRateLimitOptions.Section}:Window must be between 1 second and 1 hour; got {options.Window}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

public static class MessagesRateLimit
{
    /// <summary>The rate-limiting policy <see cref="MessagesEndpoint.MapMessages"/> puts on /api/messages.</summary>
    public const string PolicyName = "messages";

    private const int SegmentsPerWindow = 6;

    /// <summary>
    /// Registers the per-address limit of /api/messages (ASP.NET Core rate limiting) from the <c>MessagesRateLimit</c>
    /// section. The host must also call <c>app.UseRateLimiter()</c> before mapping the endpoint. Over the limit: 429.
    /// </summary>
    public static IServiceCollection AddMessagesRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagesRateLimitOptions>().Bind(configuration.GetSection(MessagesRateLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagesRateLimitOptions>, MessagesRateLimitOptionsValidator>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                // A sliding window frees permits segment by segment and gives no RetryAfter of its own: one segment is the hint.
                if (!context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    retryAfter = http.RequestServices.GetRequiredService<IOptions<MessagesRateLimitOptions>>().Value.Window / SegmentsPerWindow;
                }

                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

                var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessagesEndpoint));
                Log.RateLimited(logger, http.Connection.RemoteIpAddress);
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(PolicyName, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<MessagesRateLimitOptions>>().Value;
                return RateLimitPartition.GetSlidingWindowLimiter(PartitionKey(http), _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitLimit,
                    Window = options.Window,
                    SegmentsPerWindow = SegmentsPerWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    /// <summary>The client's address; an IPv6 client's /64 network, since one host may hold a whole /64.</summary>
    internal static string PartitionKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
