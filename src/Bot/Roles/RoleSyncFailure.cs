using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;
using PerijinanBot.Dialogs.Cards;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

/// <summary>Why a sync changed nothing: which failure it was, told in the words of <see cref="RoleTexts"/>. Never exception text.</summary>
internal static class RoleSyncFailure
{
    public const string Unusable = RoleTexts.MembersUnusable;

    public static string Busy(TimeSpan waited) => RoleTexts.SyncBusy(Seconds(waited));

    public static string Describe(Exception exception, TimeSpan timeout)
    {
        var group = exception as RoleGroupReadException;
        var role = group?.Role.Indonesian();
        for (var e = group?.InnerException ?? exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case MsalException:
                    return RoleTexts.TokenUnavailable;
                case ApiException api:
                    return RoleTexts.GraphRefused(api.ResponseStatusCode, Detail(api.ResponseStatusCode, (api as ODataError)?.Error?.Code), role, group?.GroupId);
                case HttpRequestException:
                    return RoleTexts.GraphUnreachable;
                case OperationCanceledException or TimeoutException:
                    return RoleTexts.GraphTimeout(Seconds(timeout));
                default:
                    break;
            }
        }

        return RoleTexts.ReadFailed(role, group?.GroupId);
    }

    private static string Detail(int status, string? code) => code is { Length: > 0 } ? $"{status} {code}" : status.ToString(CultureInfo.InvariantCulture);

    private static int Seconds(TimeSpan span) => (int)Math.Round(span.TotalSeconds);
}
