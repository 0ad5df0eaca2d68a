using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PerijinanBot.Bot.Storage;
using PerijinanBot.Dialogs.Delegations;
using PerijinanBot.Sop.Definitions;
using PerijinanBot.Sop.Engine;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.People;

/// <summary>
/// Plh. and Plt. appointments in table <c>Delegations</c>, one partition: a row per appointment ("d-" + id) and a row per holder
/// ("h-" + holder id) whose ETag serialises appointments for that holder, so two instances cannot both store overlapping ones.
/// Ending early keeps the row (marked ended) as the record of who ended it. Each official has at most
/// <see cref="DelegationOptions.MaxAppointmentsPerOfficial"/> in force or to come, none running past a year from today, and one
/// that begins before today only with a reason.
/// </summary>
internal sealed class DelegationStore(
    TableProvider tables, PeopleDirectory people, SopEngine engine, TimeProvider time, DelegationCache cache, IOptions<StorageOptions> options, IOptions<DelegationOptions> limits)
{
    public const string TableName = "Delegations";

    /// <summary>The table, after <c>Storage:TableNamePrefix</c>: environments sharing an account stay apart.</summary>
    private readonly string _name = options.Value.TableName(TableName);
    public const int MaxBasisLength = DelegationCard.MaxBasisLength;
    public const int MaxReasonLength = DelegationCard.MaxReasonLength;
    private const string Partition = "plh";
    private const string Active = "active";
    private const string Ended = "ended";

    // Kind: absent on rows stored before Plt. existed, which were all Plh.
    private const string Absence = "plh";
    private const string Vacancy = "plt";
    private const int Attempts = 3;

    /// <summary>Today in WIB: the day the engine checks delegations against.</summary>
    public DateOnly Today => engine.Calendar.LocalDate(time.GetUtcNow());

    /// <summary>The SOP whose roles say who is whose superior, and name an official's position.</summary>
    public SopDefinition Definition => engine.Catalog.Default;

    /// <summary>Stores the appointment under <paramref name="id"/>; the same id again (a retried click) answers with what was stored.</summary>
    public async Task<DelegationResult> AddAsync(string actorId, string id, NewDelegation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await tables.GetAsync(_name, cancellationToken);
        if (await FindAsync(table, id, cancellationToken) is { } existing)
        {
            return DelegationResult.Ok(existing.Record);
        }

        if (Validate(actorId, request) is { } problem)
        {
            return DelegationResult.Refused(problem);
        }

        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            // Read after the holder's marker: its ETag makes this count and the overlap check hold until the batch is in.
            var marker = await table.GetEntityIfExistsAsync<TableEntity>(Partition, HolderKey(request.HolderId), cancellationToken: cancellationToken);
            var theirs = (await ListAsync(table, cancellationToken)).Where(r => Same(r.HolderId, request.HolderId)).ToList();
            if (theirs.Count >= limits.Value.MaxAppointmentsPerOfficial)
            {
                return DelegationResult.Refused(DelegationTexts.TooMany(NameOf(request.HolderId), limits.Value.MaxAppointmentsPerOfficial));
            }

            if (theirs.FirstOrDefault(r => r.Overlaps(request.From, request.To)) is { } clash)
            {
                return DelegationResult.Refused(DelegationTexts.Overlap(NameOf(clash.HolderId), NameOf(clash.StandInId), clash.From, clash.To));
            }

            var record = new DelegationRecord(
                id, request.HolderId, request.StandInId, request.From, request.To, request.Basis.Trim(), actorId, time.GetUtcNow(), ReasonOf(request) ?? "",
                request.Kind ?? StandInKind.Absence, request.BasisDate);
            var holderRow = new TableEntity(Partition, HolderKey(request.HolderId)) { ["LastDelegation"] = id };
            TableTransactionAction claim = marker.HasValue
                ? new(TableTransactionActionType.UpdateReplace, holderRow, marker.Value!.ETag)
                : new(TableTransactionActionType.Add, holderRow);
            try
            {
                await table.SubmitTransactionAsync([claim, new TableTransactionAction(TableTransactionActionType.Add, ToEntity(record))], cancellationToken);
                cache.Put(record);
                return DelegationResult.Ok(record, isNew: true);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                // Another appointment for this holder (or this very click, redelivered) got in first: look again.
                if (await FindAsync(table, id, cancellationToken) is { } stored)
                {
                    cache.Put(stored.Record);
                    return DelegationResult.Ok(stored.Record);
                }
            }
        }

        return DelegationResult.Refused(DelegationTexts.Busy);
    }

    /// <summary>Ends an appointment early (or withdraws one not yet begun): by its holder, whoever made it, or an Admin.</summary>
    public async Task<DelegationResult> EndAsync(string actorId, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(_name, cancellationToken);
        if (await FindAsync(table, id, cancellationToken) is not { } found)
        {
            return DelegationResult.Refused(DelegationTexts.NotFound);
        }

        var (record, entity) = found;
        if (people.Find(actorId) is not { } actor)
        {
            return DelegationResult.Refused(DelegationTexts.NotRegistered);
        }

        var mayEnd = actor.Holds(Role.Admin) || Same(record.HolderId, actorId) || Same(record.CreatedBy, actorId);
        if (!mayEnd)
        {
            return DelegationResult.Refused(DelegationTexts.MayNotEnd);
        }

        if (entity.GetString("Status") == Ended || record.To < Today)
        {
            cache.Remove(id);
            return DelegationResult.Refused(DelegationTexts.AlreadyEnded);
        }

        entity["Status"] = Ended;
        entity["EndedBy"] = actorId;
        entity["EndedAt"] = time.GetUtcNow();
        try
        {
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return DelegationResult.Refused(DelegationTexts.Busy);
        }

        cache.Remove(id);
        return DelegationResult.Ok(record);
    }

    /// <summary>Appointments in force today or to come, earliest first.</summary>
    public async Task<IReadOnlyList<DelegationRecord>> ListAsync(CancellationToken cancellationToken) =>
        await ListAsync(await tables.GetAsync(_name, cancellationToken), cancellationToken);

    /// <summary>Reloads the cache from storage: how one instance learns of another's appointments.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var before = cache.Changes;
        cache.Replace(await ListAsync(cancellationToken), before);
    }

    private async Task<IReadOnlyList<DelegationRecord>> ListAsync(TableClient table, CancellationToken cancellationToken)
    {
        // Ended and past rows stay for the record; the filter keeps the read to what still matters.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {Partition} and RowKey ge {"d-"} and RowKey lt {"d."} and Status eq {Active} and To ge {Date(Today)}");
        var records = new List<DelegationRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(row));
        }

        return [.. records.OrderBy(r => r.From).ThenBy(r => r.To).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    private string? Validate(string actorId, NewDelegation request)
    {
        if (people.Find(actorId) is not { } actor)
        {
            return DelegationTexts.NotRegistered;
        }

        if (people.Find(request.HolderId) is not { } holder)
        {
            return DelegationTexts.HolderUnknown;
        }

        if (!RoleNames.Pelaksana.Any(holder.Holds))
        {
            return DelegationTexts.HolderWithoutRole(holder.Name);
        }

        // Appointed by the official's superior or an Admin, never by the official: a Plh. is not chosen by the one it stands in for.
        if (Same(holder.AadObjectId, actor.AadObjectId))
        {
            return DelegationTexts.NotForSelf(SuperiorName(holder));
        }

        if (!StandInRules.MayAppoint(actor, holder, Definition))
        {
            return DelegationTexts.MayNotAppoint(holder.Name, SuperiorName(holder));
        }

        if (request.Kind is null)
        {
            return DelegationTexts.KindRequired;
        }

        if (people.Find(request.StandInId) is not { } standIn)
        {
            return DelegationTexts.StandInUnknown;
        }

        if (Same(standIn.AadObjectId, holder.AadObjectId))
        {
            return DelegationTexts.StandInIsHolder;
        }

        if (request.From > request.To)
        {
            return DelegationTexts.FromAfterTo;
        }

        if (request.To < Today)
        {
            return DelegationTexts.InThePast(Today);
        }

        if (request.To > Today.AddYears(1))
        {
            return DelegationTexts.TooFarAhead(Today.AddYears(1));
        }

        var basis = request.Basis?.Trim() ?? "";
        var reason = ReasonOf(request);
        return basis.Length == 0 ? DelegationTexts.BasisRequired
            : basis.Length > MaxBasisLength ? DelegationTexts.BasisTooLong(basis.Length)
            : request.BasisDate is not { } signed ? DelegationTexts.BasisDateRequired
            : signed > Today ? DelegationTexts.BasisDateAfterToday(Today)
            : reason is { Length: 0 } ? DelegationTexts.ReasonRequired(Today)
            : reason is { Length: > MaxReasonLength } ? DelegationTexts.ReasonTooLong(reason.Length)
            : null;
    }

    /// <summary>The reason a back-dated appointment needs (empty when none was given); null when it begins today or later, whatever was typed.</summary>
    private string? ReasonOf(NewDelegation request) => request.From < Today ? request.Reason?.Trim() ?? "" : null;

    private static async Task<(DelegationRecord Record, TableEntity Entity)?> FindAsync(TableClient table, string id, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKey(id), cancellationToken: cancellationToken);
        return row.HasValue ? (FromEntity(row.Value!), row.Value!) : null;
    }

    private string NameOf(string id) => people.Find(id)?.Name ?? id;

    /// <summary>Who appoints this official's stand-in besides an Admin: "Kepala Bidang", or null at the top of the SOP.</summary>
    private string? SuperiorName(Person holder) =>
        StandInRules.SuperiorRoleOf(holder, Definition) is { } role ? Definition.Roles.FirstOrDefault(r => r.Role == role)?.ShortName ?? role.Indonesian() : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string RowKey(string id) => "d-" + TableKeys.Escape(id);

    private static string HolderKey(string holderId) => "h-" + TableKeys.Escape(holderId.ToLowerInvariant());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string? text) => DateOnly.ParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(DelegationRecord record) => new(Partition, RowKey(record.Id))
    {
        ["Id"] = record.Id,
        ["HolderId"] = record.HolderId,
        ["StandInId"] = record.StandInId,
        ["From"] = Date(record.From),
        ["To"] = Date(record.To),
        ["Basis"] = record.Basis,
        ["CreatedBy"] = record.CreatedBy,
        ["CreatedAt"] = record.CreatedAt,
        ["Reason"] = record.Reason,
        ["Kind"] = record.Kind == StandInKind.Vacancy ? Vacancy : Absence,
        ["BasisDate"] = record.BasisDate is { } signed ? Date(signed) : null,
        ["Status"] = Active,
    };

    private static DelegationRecord FromEntity(TableEntity row) => new(
        row.GetString("Id") ?? "",
        row.GetString("HolderId") ?? "",
        row.GetString("StandInId") ?? "",
        ParseDate(row.GetString("From")),
        ParseDate(row.GetString("To")),
        row.GetString("Basis") ?? "",
        row.GetString("CreatedBy") ?? "",
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        row.GetString("Reason") ?? "",
        row.GetString("Kind") == Vacancy ? StandInKind.Vacancy : StandInKind.Absence,
        row.GetString("BasisDate") is { Length: > 0 } signed ? ParseDate(signed) : null);
}
