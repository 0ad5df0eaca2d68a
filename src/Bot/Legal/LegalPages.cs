using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using PerijinanBot.Dialogs.Legal;

namespace PerijinanBot.Bot.Legal;

public sealed class LegalOptions
{
    public const string Section = "Legal";

    /// <summary>The office's own privacy statement: GET /privacy redirects there instead of showing the bot's page.</summary>
    public string? PrivacyUrl { get; set; }

    /// <summary>The office's own terms of use: GET /terms redirects there.</summary>
    public string? TermsUrl { get; set; }
}

internal sealed class LegalOptionsValidator : IValidateOptions<LegalOptions>
{
    public ValidateOptionsResult Validate(string? name, LegalOptions options)
    {
        var errors = new List<string>();
        foreach (var (key, value) in new[] { ("PrivacyUrl", options.PrivacyUrl), ("TermsUrl", options.TermsUrl) })
        {
            // Teams opens these links for anyone who looks at the app's details: https only.
            if (!string.IsNullOrWhiteSpace(value) && (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"Legal:{key} must be an absolute https URL (or empty for the page the bot serves); got '{value}'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>
/// GET /privacy and /terms, the pages the Teams app manifest links to (developer.privacyUrl, termsOfUseUrl, on the bot's
/// own host). Added by a start-up filter, in front of the app's own endpoints, so the host needs only AddLegalPages.
/// </summary>
public static class LegalPages
{
    public static IServiceCollection AddLegalPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LegalOptions>().Bind(configuration.GetSection(LegalOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LegalOptions>, LegalOptionsValidator>();
        services.AddTransient<IStartupFilter, LegalPagesFilter>();
        return services;
    }

    internal static string Html(LegalPage page)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(page.Title)).Append("</title>\n")
            .Append("<style>body{font-family:'Segoe UI',system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#242424}h1{color:#1F6F43;font-size:1.5rem}</style>\n")
            .Append("</head>\n<body>\n<h1>").Append(WebUtility.HtmlEncode(page.Title)).Append("</h1>\n");
        foreach (var paragraph in page.Paragraphs)
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private sealed class LegalPagesFilter(IOptions<LegalOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var privacy = Html(LegalTexts.Privacy);
            var terms = Html(LegalTexts.Terms);
            app.Use(async (context, nextMiddleware) =>
            {
                var request = context.Request;
                var (page, redirect) = request.Path.Value switch
                {
                    "/privacy" => (privacy, options.Value.PrivacyUrl),
                    "/terms" => (terms, options.Value.TermsUrl),
                    _ => (null, null),
                };
                if (page is null || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
                {
                    await nextMiddleware(context);
                    return;
                }

                if (!string.IsNullOrWhiteSpace(redirect))
                {
                    context.Response.Redirect(redirect.Trim());
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "public, max-age=3600";
                context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
                context.Response.Headers.XContentTypeOptions = "nosniff";
                if (HttpMethods.IsGet(request.Method))
                {
                    await context.Response.WriteAsync(page, context.RequestAborted);
                }
            });
            next(app);
        };
    }
}
