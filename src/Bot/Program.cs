using PerijinanBot.Bot.Health;
using PerijinanBot.Bot.Hosting;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Storage;

var builder = WebApplication.CreateBuilder(args);

// Who the bot is (MicrosoftAppId & co.), validated before the first request.
builder.Services.AddBotIdentity(builder.Configuration);
// Azure Table Storage: kegiatan, history, outbox, users.
builder.Services.AddTableStorage(builder.Configuration);
// Who holds which role in the Bidang.
builder.Services.AddPeopleDirectory(builder.Configuration);
// /healthz reports whether storage answers.
builder.Services.AddHealth();

var app = builder.Build();

app.MapHealth();
app.MapMessages();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
