using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;

namespace PerijinanBot.Bot.Tests.Storage;

/// <summary>
/// An account with shared-key access disabled is reached with the bot's managed identity: only the service URIs are
/// configured, every request carries a bearer token asked for Azure Storage's scope, and no key signs anything.
/// </summary>
public sealed class StorageIdentityTests
{
    private const string StorageScope = "https://storage.azure.com/.default";
    private const string TableUri = "https://perijinanbot.table.core.windows.net/";
    private const string BlobUri = "https://perijinanbot.blob.core.windows.net/";
    private const string Azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    public static TheoryData<string?, string?, string?, string> BadForms => new()
    {
        { null, null, null, "Storage:ConnectionString is required, or Storage:TableServiceUri and Storage:BlobServiceUri" },
        { null, TableUri, null, "Storage:BlobServiceUri must be the account's https endpoint" },
        { null, null, BlobUri, "Storage:TableServiceUri must be the account's https endpoint" },
        { null, "http://perijinanbot.table.core.windows.net/", BlobUri, "Storage:TableServiceUri must be the account's https endpoint" },
        { null, TableUri, "perijinanbot.blob.core.windows.net", "Storage:BlobServiceUri must be the account's https endpoint" },
        { null, TableUri, BlobUri + "?sv=2024-01-01&sig=abc", "Storage:BlobServiceUri must be the account's https endpoint" },
        { Azurite, TableUri, BlobUri, "set one form only" },
    };

    [Theory]
    [MemberData(nameof(BadForms))]
    public void Storage_settings_must_be_one_whole_form(string? connectionString, string? tableUri, string? blobUri, string expected)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectionString = connectionString, TableServiceUri = tableUri, BlobServiceUri = blobUri });

        Assert.True(result.Failed, "the settings were accepted");
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Azurite, null, null)]
    [InlineData(null, TableUri, BlobUri)]
    [InlineData("", " https://perijinanbot.table.core.windows.net ", "https://perijinanbot.blob.core.windows.net")]
    public void Either_a_connection_string_or_both_https_service_uris_is_accepted(string? connectionString, string? tableUri, string? blobUri)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectionString = connectionString, TableServiceUri = tableUri, BlobServiceUri = blobUri });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public async Task With_only_the_service_uris_tables_are_reached_with_a_storage_token_of_the_identity()
    {
        var credential = new RecordingCredential();
        var endpoint = new StorageEndpointFake(204);
        using var services = Services(new() { ["Storage:TableServiceUri"] = TableUri, ["Storage:BlobServiceUri"] = BlobUri }, credential, endpoint);

        await services.GetRequiredService<TableServiceClient>().GetTableClient("Kegiatan").DeleteAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("perijinanbot.table.core.windows.net", request.Uri.Host);
        Assert.Equal(Uri.UriSchemeHttps, request.Uri.Scheme);
        Assert.Equal($"Bearer {RecordingCredential.Token}", request.Authorization);
        Assert.Equal([StorageScope], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task With_only_the_service_uris_blobs_are_reached_with_a_storage_token_of_the_identity()
    {
        var credential = new RecordingCredential();
        var endpoint = new StorageEndpointFake(202);
        using var services = Services(new() { ["Storage:TableServiceUri"] = TableUri, ["Storage:BlobServiceUri"] = BlobUri }, credential, endpoint: null);
        var clientOptions = new BlobClientOptions();
        clientOptions.AddPolicy(endpoint, HttpPipelinePosition.PerRetry);

        await StorageClients.Blobs(services, clientOptions).GetBlobContainerClient("perijinan-files").DeleteAsync(cancellationToken: TestContext.Current.CancellationToken);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal("perijinanbot.blob.core.windows.net", request.Uri.Host);
        Assert.Equal($"Bearer {RecordingCredential.Token}", request.Authorization);
        Assert.Equal([StorageScope], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task With_a_connection_string_requests_are_signed_with_the_account_key_and_no_token_is_asked()
    {
        var credential = new RecordingCredential();
        var endpoint = new StorageEndpointFake(204);
        using var services = Services(new() { ["Storage:ConnectionString"] = Azurite }, credential, endpoint);

        await services.GetRequiredService<TableServiceClient>().GetTableClient("Kegiatan").DeleteAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(endpoint.Requests);
        Assert.Equal(10002, request.Uri.Port);
        Assert.StartsWith("SharedKey", request.Authorization, StringComparison.Ordinal);
        Assert.Empty(credential.Scopes);
    }

    [Theory]
    [InlineData("aaaaaaaa-0000-4000-8000-000000000001", "UserAssignedMSI", "bbbbbbbb-0000-4000-8000-000000000002", "aaaaaaaa-0000-4000-8000-000000000001")]
    [InlineData("", "UserAssignedMSI", "bbbbbbbb-0000-4000-8000-000000000002", "bbbbbbbb-0000-4000-8000-000000000002")]
    [InlineData("", "SingleTenant", "bbbbbbbb-0000-4000-8000-000000000002", null)]
    [InlineData(null, null, null, null)]
    public void The_identity_is_AZURE_CLIENT_ID_else_the_bots_own_managed_identity_else_the_system_assigned_one(
        string? azureClientId, string? appType, string? appId, string? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AZURE_CLIENT_ID"] = azureClientId,
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = appId,
        }).Build();

        Assert.Equal(expected, AzureIdentity.UserAssignedClientId(configuration));
    }

    [Fact]
    public void Outside_Development_only_the_managed_identity_is_tried()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AZURE_CLIENT_ID"] = "aaaaaaaa-0000-4000-8000-000000000001" }).Build();

        Assert.IsType<ManagedIdentityCredential>(AzureIdentity.Create(configuration, new Environment(Environments.Production)));
        Assert.IsType<ChainedTokenCredential>(AzureIdentity.Create(configuration, new Environment(Environments.Development)));
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings, TokenCredential credential, HttpPipelinePolicy? endpoint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(credential);
        services.AddSingleton<IHostEnvironment>(new Environment(Environments.Production));
        if (endpoint is not null)
        {
            services.AddSingleton(endpoint);
        }

        services.AddTableStorage(configuration);
        var provider = services.BuildServiceProvider();
        // What ValidateOnStart does at start-up: the settings of each test are a valid form.
        _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        return provider;
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "PerijinanBot";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
