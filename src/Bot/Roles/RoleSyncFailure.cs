using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Identity.Client;
using Microsoft.Kiota.Abstractions;
using PerijinanBot.Sop.People;

namespace PerijinanBot.Bot.Roles;

/// <summary>Why a sync changed nothing, in words an Admin can act on: the cause and, where there is one, the setting to check. Never exception text.</summary>
internal static class RoleSyncFailure
{
    public const string Unusable = "Data anggota grup dari Entra ID tidak dapat dipakai (misalnya nama atau UPN kosong); rinciannya ada di log bot.";

    public static string Busy(TimeSpan waited) =>
        $"Sinkronisasi lain masih berjalan dan belum selesai dalam {Seconds(waited)} detik.";

    public static string Describe(Exception exception, TimeSpan timeout)
    {
        var group = exception as RoleGroupReadException;
        var where = group is null ? "" : $" (grup peran {group.Role.Indonesian()}, id {group.GroupId})";
        for (var e = group?.InnerException ?? exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case MsalException:
                    return "Token aplikasi untuk Microsoft Graph tidak dapat diperoleh dari Entra ID; periksa Graph:TenantId, Graph:ClientId dan Graph:ClientSecret.";
                case ApiException api:
                    return Status(api.ResponseStatusCode, (api as ODataError)?.Error?.Code, where);
                case HttpRequestException:
                    return "Microsoft Graph tidak dapat dihubungi (jaringan terputus atau server tidak menjawab).";
                case OperationCanceledException or TimeoutException:
                    return $"Microsoft Graph tidak menjawab dalam {Seconds(timeout)} detik.";
                default:
                    break;
            }
        }

        return $"Terjadi galat saat membaca anggota grup{where}; rinciannya ada di log bot.";
    }

    private static string Status(int status, string? code, string where)
    {
        var detail = code is { Length: > 0 } ? $"{status} {code}" : status.ToString(CultureInfo.InvariantCulture);
        return status switch
        {
            401 => $"Microsoft Graph menolak token aplikasi ({detail}).",
            403 => $"Aplikasi bot tidak diizinkan membaca anggota grup{where}; berikan izin aplikasi GroupMember.Read.All dan User.Read.All ({detail}).",
            404 => $"Grup{where} tidak ditemukan di Entra ID; periksa id grup pada Graph:RoleGroups ({detail}).",
            429 => $"Microsoft Graph sedang membatasi permintaan ({detail}); coba lagi beberapa menit lagi.",
            >= 500 => $"Microsoft Graph sedang bermasalah ({detail}); coba lagi nanti.",
            _ => $"Microsoft Graph menolak permintaan{where} ({detail}).",
        };
    }

    private static string Seconds(TimeSpan span) => ((int)Math.Round(span.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
