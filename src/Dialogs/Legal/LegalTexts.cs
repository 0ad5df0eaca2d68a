namespace PerijinanBot.Dialogs.Legal;

/// <summary>One page the bot serves to a browser: a title and its paragraphs (plain text; the host escapes it).</summary>
public sealed record LegalPage(string Title, IReadOnlyList<string> Paragraphs);

/// <summary>
/// The privacy statement and terms of use the Teams app manifest links to (developer.privacyUrl, developer.termsOfUseUrl).
/// They describe what this bot does with data, so they stay true whoever runs it; an office with its own pages points the
/// links there instead (Legal:PrivacyUrl, Legal:TermsUrl).
/// </summary>
public static class LegalTexts
{
    public static LegalPage Privacy { get; } = new(
        "Kebijakan Privasi PerijinanBot",
        [
            "PerijinanBot adalah aplikasi Microsoft Teams milik Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat untuk menjalankan SOP fasilitasi perijinan koperasi. Halaman ini menjelaskan data apa yang disimpan dan untuk apa.",
            "Data yang disimpan: nama, alamat surel kantor dan pengenal Microsoft Teams para pelaksana SOP; isi setiap kegiatan fasilitasi (nama koperasi, jenis izin, jadwal, catatan, keputusan Setuju atau Tidak beserta alasannya, nomor surat); riwayat setiap langkah dengan waktunya; serta dokumen yang dibuat dari kegiatan itu (Laporan Kegiatan, Lembar Disposisi, Buku Agenda Surat Keluar).",
            "Tujuan: memandu langkah SOP, mengirim kartu persetujuan dan pengingat, menyusun laporan kepatuhan waktu, dan menyimpan arsip kegiatan sebagai bukti pelaksanaan tugas kedinasan. Data tidak dipakai untuk tujuan lain dan tidak dijual atau diberikan kepada pihak lain.",
            "Tempat penyimpanan: Azure Table Storage dan Blob Storage dalam langganan Azure milik Dinas. Bila diaktifkan oleh Admin, data peran dibaca dari grup Microsoft Entra, undangan rapat dibuat di kalender kantor, dan dokumen diarsipkan ke SharePoint Dinas melalui Microsoft Graph.",
            "Siapa yang dapat melihat: para pelaksana kegiatan yang bersangkutan menurut perannya dalam SOP, serta Admin aplikasi. Tautan unduhan dokumen bersifat pribadi, ditandatangani, dan kedaluwarsa setelah beberapa hari.",
            "Masa simpan: riwayat kegiatan dan Buku Agenda disimpan sebagai arsip dinas menurut ketentuan kearsipan yang berlaku bagi Dinas.",
            "Pertanyaan atau permintaan perbaikan data dapat disampaikan kepada Admin PerijinanBot di Bidang Perijinan dan Kelembagaan, atau kepada Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat.",
        ]);

    public static LegalPage Terms { get; } = new(
        "Ketentuan Penggunaan PerijinanBot",
        [
            "PerijinanBot disediakan untuk pegawai Dinas Koperasi, Usaha Kecil dan Menengah Provinsi Kalimantan Barat yang menjalankan SOP fasilitasi perijinan koperasi, dan hanya untuk keperluan kedinasan.",
            "Setiap keputusan yang diberikan lewat kartu (Setuju atau Tidak, disposisi, penugasan Plh.) dicatat atas nama pengguna yang menekan tombol, dengan waktunya, dan menjadi bagian dari arsip kegiatan. Gunakan akun Microsoft Teams Anda sendiri dan jangan meneruskan tautan unduhan dokumen kepada pihak yang tidak berhak.",
            "Isi catatan, nomor surat dan dokumen menjadi tanggung jawab pelaksana yang memasukkannya. Aplikasi membantu menghitung batas waktu menurut jam kerja dan hari libur yang ditetapkan Dinas, tetapi tidak menggantikan ketentuan SOP maupun peraturan yang berlaku.",
            "Dinas dapat mengubah, menghentikan sementara atau mengakhiri layanan ini, serta mengubah ketentuan ini; versi yang berlaku selalu yang ditampilkan di halaman ini.",
        ]);
}
