using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace PerijinanBot.Protocol.Tests;

/// <summary>The host environment the protocol reads (Development or not), for services built without a host.</summary>
internal sealed class TestEnvironment(string name) : IHostEnvironment
{
    public const string Development = "Development";
    public const string Production = "Production";

    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "PerijinanBot.Protocol.Tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
