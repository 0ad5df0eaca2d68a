using PerijinanBot.Bot.Delegations;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Health;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Bot.Workflow;
using PerijinanBot.Protocol;
using PerijinanBot.Protocol.Auth;
using PerijinanBot.Protocol.Connector;

var builder = WebApplication.CreateBuilder(args);

// Who the bot is (MicrosoftAppId & co.), validated before the first request.
builder.Services.AddBotIdentity(builder.Configuration);
// Inbound: only the Bot Framework channel (or, with no app id, the local Playground) may post activities.
builder.Services.AddChannelAuthentication(builder.Configuration);
// Outbound: the Bot Connector REST API, with its token and safe retries.
builder.Services.AddBotConnector(builder.Configuration);
// Azure Table Storage: kegiatan, history, outbox, conversation references.
builder.Services.AddTableStorage(builder.Configuration);
// The SOP engine, kegiatan storage (state + history + outbox per partition) and the outbox delivered to Teams.
builder.Services.AddWorkflow(builder.Configuration);
// Who holds which role in the Bidang.
builder.Services.AddPeopleDirectory(builder.Configuration);
// Plh./Plt. appointments: stored, and held in memory for the engine.
builder.Services.AddDelegations(builder.Configuration);
// Turns: the error boundary, the background queue, and what the bot does with each activity.
builder.Services.AddTurns();
// Generated files in blob storage, offered through signed, expiring download links.
builder.Services.AddFiles(builder.Configuration);
// Microsoft Graph (optional, each feature by its settings): roles from Entra groups, proactive install, calendar, archive.
builder.Services.AddGraph(builder.Configuration);
// /healthz reports whether storage answers.
builder.Services.AddHealth();

var app = builder.Build();

app.MapHealth();
app.MapMessages();
app.MapDownloads();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
