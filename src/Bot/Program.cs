using PerijinanBot.Bot.Archive;
using PerijinanBot.Bot.Clock;
using PerijinanBot.Bot.Compliance;
using PerijinanBot.Bot.Conversations;
using PerijinanBot.Bot.Decisions;
using PerijinanBot.Bot.Delegations;
using PerijinanBot.Bot.Dokumentasi;
using PerijinanBot.Bot.Files;
using PerijinanBot.Bot.Graph;
using PerijinanBot.Bot.Health;
using PerijinanBot.Bot.Legal;
using PerijinanBot.Bot.Letters;
using PerijinanBot.Bot.Meetings;
using PerijinanBot.Bot.OfficeCalendar;
using PerijinanBot.Bot.Outbox;
using PerijinanBot.Bot.People;
using PerijinanBot.Bot.Reminders;
using PerijinanBot.Bot.Roles;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Bot.Telemetry;
using PerijinanBot.Bot.Turns;
using PerijinanBot.Protocol;
using PerijinanBot.Protocol.Auth;
using PerijinanBot.Protocol.Connector;

var builder = WebApplication.CreateBuilder(args);
var (services, configuration) = (builder.Services, builder.Configuration);

// The clock everything reads (Development may start it at a chosen moment: Development:ClockStartsAt).
services.AddClock();
// Protocol: who the bot is (MicrosoftAppId & co.), which callers may post activities (tokens, tenants, a rate limit per
// client address), and the Bot Connector it answers through.
services.AddBotIdentity(configuration);
services.AddChannelAuthentication(configuration);
services.AddMessagesRateLimit(configuration);
services.AddBotConnector(configuration);
// Storage: Azure Tables (kegiatan state, history and outbox rows per partition) and blobs for generated files with signed links.
services.AddTableStorage(configuration);
services.AddFiles(configuration);
// Turns: the error boundary, the background queue, and the one router of chat commands and card verbs.
services.AddTurns();
// Where each person is reached: conversation references, their 1:1 chat, proactive install through Graph.
services.AddConversations();
// Who is who: the directory of role holders.
services.AddPeopleDirectory(configuration);
// The office's work calendar (hours, Ramadan hours, holidays per year), from Calendar:Blob (shared, refreshed) or a file.
services.AddWorkCalendar(configuration);
// Kegiatan decisions: the SOP engine, one read and one batch per click, the step cards and notices it leaves.
services.AddDecisions(configuration);
// Outbox: delivers the work a decision leaves (cards, notices, indexes, letters, Graph), once, after the answer.
services.AddOutbox(configuration);
// Reminders before and after each step falls due, escalation, and the 07:30 WIB daily digest.
services.AddReminders(configuration);
// Plh./Plt. appointments and the plh command.
services.AddDelegations(configuration);
// Outgoing letters: the Buku Agenda Surat Keluar (agenda, SRIKANDI numbers) and their documents (dokumen).
services.AddLetters(configuration);
// Step 7's dokumentasi: photos, daftar hadir and berita acara sent as files in the 1:1 chat, into the Laporan Kegiatan.
services.AddDokumentasi(configuration);
// The SOP compliance report (laporan).
services.AddCompliance();
// Roles: the peran command, and role holders read from Entra groups when Graph:RoleGroups is set.
services.AddRoles();
// Microsoft Graph plumbing (optional; each feature switched on by its own setting), its calendar events and SharePoint archive.
services.AddGraph(configuration);
services.AddMeetings();
services.AddArchive();
// Telemetry: the bot's meter and turn spans; OpenTelemetry to Application Insights or OTLP when configured; JSON console logs.
builder.AddTelemetry();
// Health: /healthz reports whether storage answers and which Graph features are on.
services.AddHealth();
// The privacy statement and terms of use the Teams app manifest links to (/privacy, /terms; or the office's own pages).
services.AddLegalPages(configuration);

var app = builder.Build();

app.UseRateLimiter();
app.MapHealth();
app.MapMessages();
app.MapDownloads();

app.Run();

/// <summary>Exposed for WebApplicationFactory in the tests.</summary>
public partial class Program;
