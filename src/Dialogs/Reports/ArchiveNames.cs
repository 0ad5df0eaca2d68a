namespace PerijinanBot.Dialogs.Reports;

/// <summary>The folder names people see in the SharePoint archive library (file names are the documents' own).</summary>
public static class ArchiveNames
{
    /// <summary>The folder under which <c>{tahun}/{jenis}/{nomor}</c> is created, unless Graph:Archive:Folder says otherwise.</summary>
    public const string DefaultFolder = "Arsip Fasilitasi Perijinan";

    /// <summary>The folder of a kegiatan whose start form named no jenis fasilitasi.</summary>
    public const string NoJenis = "Lainnya";
}
