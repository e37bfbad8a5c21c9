<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
<context>
    <name>ActionDialog</name>
    <message>
        <source>&amp;Waktu tindakan:</source>
        <translation>Action &amp;time:</translation>
    </message>
    <message>
        <source>&amp;Catatan (opsional):</source>
        <translation>&amp;Note (optional):</translation>
    </message>
    <message>
        <source>Permohonan dinyatakan lengkap; jangka waktu 10 hari kerja mulai berjalan.</source>
        <translation>The request is declared complete; the 10-working-day period starts.</translation>
    </message>
    <message>
        <source>Berkas tambahan: {0}</source>
        <translation>Additional documents: {0}</translation>
    </message>
    <message>
        <source>Berkas yang kini diterima:</source>
        <translation>Documents now received:</translation>
    </message>
    <message>
        <source>Surat keterangan tidak lengkap: pemohon diberi 3 hari kerja untuk melengkapi.</source>
        <translation>Notice of incompleteness: the requester has 3 working days to complete the request.</translation>
    </message>
    <message>
        <source>&amp;Kekurangan (satu per baris):</source>
        <translation>&amp;Missing items (one per line):</translation>
    </message>
    <message>
        <source>Perpanjangan 7 hari kerja, satu kali, diberitahukan sebelum {0}.</source>
        <translation>Extension of 7 working days, once, notified before {0}.</translation>
    </message>
    <message>
        <source>&amp;Alasan perpanjangan:</source>
        <translation>Extension &amp;reason:</translation>
    </message>
    <message>
        <source>Pemberitahuan tertulis atas permohonan (penolakan memakai tindakan sendiri).</source>
        <translation>Written notice on the request (a rejection uses its own action).</translation>
    </message>
    <message>
        <source>&amp;Keputusan:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <source>(tidak ditentukan)</source>
        <translation>(not specified)</translation>
    </message>
    <message>
        <source>&amp;Bentuk informasi:</source>
        <translation>Information &amp;form:</translation>
    </message>
    <message>
        <source>Badan publik yang &amp;menguasai:</source>
        <translation>Public body &amp;holding it:</translation>
    </message>
    <message>
        <source>Jumlah &amp;halaman:</source>
        <translation>Number of &amp;pages:</translation>
    </message>
    <message>
        <source>Biaya per halaman (Rp):</source>
        <translation>Cost per page (Rp):</translation>
    </message>
    <message>
        <source>Biaya pengiriman (Rp):</source>
        <translation>Shipping cost (Rp):</translation>
    </message>
    <message>
        <source>Biaya lain (Rp):</source>
        <translation>Other costs (Rp):</translation>
    </message>
    <message>
        <source>Alasan penghi&amp;taman/pengaburan:</source>
        <translation>&amp;Redaction reason:</translation>
    </message>
    <message>
        <source>Cara pemba&amp;yaran:</source>
        <translation>Pa&amp;yment method:</translation>
    </message>
    <message>
        <source>Waktu penye&amp;diaan (hari):</source>
        <translation>Pro&amp;vision time (days):</translation>
    </message>
    <message>
        <source>Surat keputusan penolakan berdasarkan pengecualian Pasal 17 UU 14/2008.</source>
        <translation>Rejection decree based on the exemptions of Article 17 of Law 14/2008.</translation>
    </message>
    <message>
        <source>— tanpa entri DIK (uji konsekuensi di bawah) —</source>
        <translation>— no DIK entry (consequence test below) —</translation>
    </message>
    <message>
        <source>Entri DI&amp;K (SK penetapan):</source>
        <translation>DI&amp;K entry (exclusion decree):</translation>
    </message>
    <message>
        <source>Pasal 17 &amp;huruf:</source>
        <translation>Article 17 &amp;letter:</translation>
    </message>
    <message>
        <source>Dasar hukum &amp;lain (opsional):</source>
        <translation>&amp;Other legal basis (optional):</translation>
    </message>
    <message>
        <source>&amp;Uji konsekuensi:</source>
        <translation>&amp;Consequence test:</translation>
    </message>
    <message>
        <source>Jelaskan akibat yang timbul bila informasi dibuka (min. 20 karakter).</source>
        <translation>Explain the consequences of disclosing the information (min. 20 characters).</translation>
    </message>
    <message>
        <source>Informasi dikuasai badan publik lain: permohonan diteruskan ke sana.</source>
        <translation>The information is held by another public body: the request is forwarded there.</translation>
    </message>
    <message>
        <source>&amp;Badan publik tujuan:</source>
        <translation>&amp;Receiving public body:</translation>
    </message>
    <message>
        <source>Informasi diserahkan kepada pemohon (berita acara).</source>
        <translation>The information is handed over to the requester (handover record).</translation>
    </message>
    <message>
        <source>Cara &amp;penyerahan:</source>
        <translation>&amp;Handover method:</translation>
    </message>
    <message>
        <source>Pemohon tidak melengkapi dalam 3 hari kerja: ditutup sebagai tidak dapat diproses.</source>
        <translation>The requester did not complete within 3 working days: closed as not processable.</translation>
    </message>
    <message>
        <source>Permohonan selesai.</source>
        <translation>Request completed.</translation>
    </message>
    <message>
        <source>Pembatalan untuk salah catat; nomor pendaftaran tetap tercatat dan tidak dipakai ulang.</source>
        <translation>Voiding for a recording error; the registration number stays recorded and is never reused.</translation>
    </message>
    <message>
        <source>&amp;Alasan pembatalan:</source>
        <translation>&amp;Reason for voiding:</translation>
    </message>
    <message>
        <source>Koreksi satu data dengan alasannya; nilai lama tetap tercatat di riwayat.</source>
        <translation>Correct one field with a reason; the old value stays in the history.</translation>
    </message>
    <message>
        <source>Tindakan belum tersimpan. Coba lagi.</source>
        <translation>The action was not saved. Try again.</translation>
    </message>
</context>
<context>
    <name>AdminForm</name>
    <message>
        <source>Nama len&amp;gkap:</source>
        <translation>Full na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Huruf kecil tanpa spasi, mis. admin.</source>
        <translation>Lower-case letters without spaces, e.g. admin.</translation>
    </message>
    <message>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Minimal 8 karakter.</source>
        <translation>At least 8 characters.</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi:</source>
        <translation>&amp;Repeat password:</translation>
    </message>
    <message>
        <source>Nama lengkap wajib diisi.</source>
        <translation>Full name is required.</translation>
    </message>
    <message>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Buku Agenda Surat Keluar</source>
        <translation>Outgoing Letters Register</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Nomor Surat</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Nomor Permohonan/Keberatan</source>
        <translation>Request/objection number</translation>
    </message>
    <message>
        <source>Kepada</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Diterbitkan oleh</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Surat keluar</source>
        <translation>Outgoing letters</translation>
    </message>
    <message>
        <source>Enter atau klik ganda membuka permohonan (atau keberatan) surat itu.</source>
        <translation>Enter or double-click opens the letter&apos;s request (or objection).</translation>
    </message>
    <message>
        <source>&amp;Tahun:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>&amp;Jenis:</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>Jenis surat</source>
        <translation>Letter kind</translation>
    </message>
    <message>
        <source>Semua jenis</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Ca&amp;ri:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Cari surat</source>
        <translation>Search letters</translation>
    </message>
    <message>
        <source>nomor surat, nama, nomor permohonan… (Ctrl+F)</source>
        <translation>letter number, name, request number… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Ekspor &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <source>Ekspor CS&amp;V…</source>
        <translation>Export CS&amp;V…</translation>
    </message>
    <message>
        <source>Ekspor hanya untuk pengguna dengan hak ekspor.</source>
        <translation>Export is only for users with the export right.</translation>
    </message>
    <message>
        <source>&amp;Cetak… (Ctrl+P)</source>
        <translation>&amp;Print… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Memuat agenda tahun %1…</source>
        <translation>Loading the %1 register…</translation>
    </message>
    <message>
        <source>%1 surat keluar tahun %2</source>
        <translation>%1 outgoing letters in %2</translation>
    </message>
    <message>
        <source>%1 dari %2 surat keluar tahun %3</source>
        <translation>%1 of %2 outgoing letters in %3</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Ekspor agenda surat keluar</source>
        <translation>Export the outgoing letters register</translation>
    </message>
    <message>
        <source>%1 surat disimpan ke %2</source>
        <translation>%1 letters saved to %2</translation>
    </message>
    <message>
        <source>Tahun %1</source>
        <translation>Year %1</translation>
    </message>
</context>
<context>
    <name>Aplikasi</name>
    <message>
        <source>Menyiapkan kantor demo berisi contoh permohonan…</source>
        <extracomment>The register starts loading when the first window has been painted, or after this long if it is not.</extracomment>
        <translation>Preparing a demo office with sample requests…</translation>
    </message>
    <message>
        <source>Menyiapkan data kantor baru…</source>
        <translation>Preparing a new office data folder…</translation>
    </message>
    <message>
        <source>Membuka data kantor…</source>
        <translation>Opening the office data…</translation>
    </message>
    <message>
        <source>Data kantor tidak dapat dibuka.</source>
        <translation>The office data cannot be opened.</translation>
    </message>
</context>
<context>
    <name>AuditLogPanel</name>
    <message>
        <source>Log audit</source>
        <extracomment>Below about this many characters&apos; width the time and user columns wrap as well.</extracomment>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Siapa melakukan apa dan kapan. Hanya dapat dibaca: setiap entri terikat pada rantai hash, dan perubahan di luar aplikasi ditemukan oleh ppid-desk check.</source>
        <translation>Who did what and when. Read-only: every entry is bound into a hash chain, and changes made outside the application are found by ppid-desk check.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Mata rantai</source>
        <translation>Chain link</translation>
    </message>
    <message>
        <source>Tabel log audit</source>
        <translation>Audit log table</translation>
    </message>
    <message>
        <source>&amp;Nomor:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <source>Nomor permohonan atau keberatan</source>
        <translation>Request or objection number</translation>
    </message>
    <message>
        <source>Saring menurut nomor permohonan atau keberatan</source>
        <translation>Filter by request or objection number</translation>
    </message>
    <message>
        <source>Pengguna:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Saring menurut pengguna</source>
        <translation>Filter by user</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Saring menurut tanggal</source>
        <translation>Filter by date</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Te&amp;rapkan</source>
        <translation>A&amp;pply</translation>
    </message>
    <message>
        <source>Terapkan saringan log audit</source>
        <translation>Apply the audit log filters</translation>
    </message>
    <message>
        <source>%1 entri</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <source>(yang terbaru; persempit saringan untuk melihat yang lebih lama)</source>
        <translation>(the newest; narrow the filters to see older ones)</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>&amp;Tahun:</source>
        <extracomment>The holiday names&apos; column keeps room for about this many characters before the panel stacks its halves. How many holidays&apos; rows the list keeps in view when stacked above the rest of the panel.</extracomment>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>Tahun</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Hari libur</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <source>&amp;Cuti bersama dihitung sebagai hari libur</source>
        <translation>&amp;Collective leave days count as holidays</translation>
    </message>
    <message>
        <source>Libur lokal kantor</source>
        <translation>Local office closures</translation>
    </message>
    <message>
        <source>Tangga&amp;l:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>&amp;Keterangan:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>mis. HUT Kota Serang</source>
        <translation>e.g. Serang City anniversary</translation>
    </message>
    <message>
        <source>&amp;Hapus libur terpilih</source>
        <translation>&amp;Remove selected closure</translation>
    </message>
    <message>
        <source>Hitung ulang tenggat</source>
        <translation>Recompute deadlines</translation>
    </message>
    <message>
        <source>Perubahan kalender tidak menggeser tenggat yang sudah dihitung. Lihat dulu tenggat yang akan berubah, lalu terapkan.</source>
        <translation>Calendar changes do not move deadlines already computed. First review the deadlines that would change, then apply.</translation>
    </message>
    <message>
        <source>&amp;Pratinjau perubahan</source>
        <translation>&amp;Preview changes</translation>
    </message>
    <message>
        <source>T&amp;ambah libur</source>
        <translation>&amp;Add closure</translation>
    </message>
    <message>
        <source>T&amp;erapkan perubahan</source>
        <translation>Apply c&amp;hanges</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Lama</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Baru</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Tenggat yang berubah</source>
        <translation>Changed deadlines</translation>
    </message>
    <message>
        <source>Libur nasional</source>
        <translation>National holiday</translation>
    </message>
    <message>
        <source>Cuti bersama</source>
        <translation>Collective leave</translation>
    </message>
    <message>
        <source>Libur lokal</source>
        <translation>Local closure</translation>
    </message>
    <message>
        <source> (perkiraan)</source>
        <translation> (estimated)</translation>
    </message>
    <message>
        <source>Pilih libur lokal di daftar; libur nasional tidak dapat dihapus.</source>
        <translation>Select a local closure in the list; national holidays cannot be removed.</translation>
    </message>
    <message>
        <source>Menghitung…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <source>kelengkapan</source>
        <translation>completeness</translation>
    </message>
    <message>
        <source>melengkapi</source>
        <translation>completion</translation>
    </message>
    <message>
        <source>jawaban</source>
        <translation>response</translation>
    </message>
    <message>
        <source>perpanjangan</source>
        <translation>extension</translation>
    </message>
    <message>
        <source>pengajuan keberatan</source>
        <translation>objection filing</translation>
    </message>
    <message>
        <source>sengketa</source>
        <translation>dispute</translation>
    </message>
    <message>
        <source>%1 tenggat akan berubah.</source>
        <translation>%1 deadlines will change.</translation>
    </message>
    <message>
        <source>Tidak ada tenggat yang berubah.</source>
        <translation>No deadline changes.</translation>
    </message>
    <message>
        <source>%1 tenggat diperbarui dan dicatat di riwayat permohonan.</source>
        <translation>%1 deadlines updated and recorded in the request history.</translation>
    </message>
</context>
<context>
    <name>CityView</name>
    <message>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Permohonan</source>
        <translation>Requests</translation>
    </message>
    <message>
        <source>Dijawab</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Tepat waktu</source>
        <translation>On time</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Late</translation>
    </message>
    <message>
        <source>Lewat tenggat</source>
        <translation>Past deadline</translation>
    </message>
    <message>
        <source>Keberatan</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>Meja tidak aktif</source>
        <translation>Inactive desks</translation>
    </message>
    <message>
        <source>Rincian per kantor</source>
        <translation>Breakdown by office</translation>
    </message>
    <message>
        <source>Keadaan meja menurut daftar dari server kota pada %1.</source>
        <translation>Desk status as listed by the city server on %1.</translation>
    </message>
    <message>
        <source>Daftar meja belum pernah diambil dari server kota.</source>
        <translation>The desk list has never been fetched from the city server.</translation>
    </message>
    <message>
        <source>%1 kantor, %2 perlu perhatian (tercetak tebal).</source>
        <translation>%1 offices, %2 need attention (in bold).</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 hari</source>
        <translation>%1 days</translation>
    </message>
</context>
<context>
    <name>ClockBanner</name>
    <message>
        <source>Peringatan jam komputer</source>
        <translation>Computer clock warning</translation>
    </message>
    <message>
        <source>lebih cepat</source>
        <translation>ahead</translation>
    </message>
    <message>
        <source>lebih lambat</source>
        <translation>behind</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jam komputer ini %1 sekitar %2 dibanding server kota.&lt;/b&gt; Saat sinkronisasi terakhir, komputer menunjukkan %3 sedangkan server kota %4. Betulkan tanggal dan jam komputer (di Windows: Pengaturan › Waktu &amp;amp; bahasa › Atur waktu secara otomatis), lalu sinkronkan lagi. Sampai jam benar, setiap nomor registrasi baru menunggu petugas memastikan tanggalnya: formulir permohonan meminta Anda memeriksa waktu diterima, lalu menekan Ctrl+Enter sekali lagi.</source>
        <translation>&lt;b&gt;This computer&apos;s clock is %1 of the city server by about %2.&lt;/b&gt; At the last sync the computer showed %3 while the city server showed %4. Correct the computer&apos;s date and time (on Windows: Settings › Time &amp;amp; language › Set time automatically), then sync again. Until the clock is right, every new registration number waits for the officer to confirm its date: the request form asks you to check the time received, then press Ctrl+Enter once more.</translation>
    </message>
</context>
<context>
    <name>ConflictDecisionDialog</name>
    <message>
        <source>Pakai versi server</source>
        <translation>Use the server version</translation>
    </message>
    <message>
        <source>Pakai versi meja ini</source>
        <translation>Use this desk&apos;s version</translation>
    </message>
    <message>
        <source>Sunting nilai yang berbeda</source>
        <translation>Edit the differing values</translation>
    </message>
    <message>
        <source>Tandai sudah ditinjau</source>
        <translation>Mark as reviewed</translation>
    </message>
    <message>
        <source>(tidak ada kolom berbeda)</source>
        <translation>(no differing fields)</translation>
    </message>
    <message>
        <source>Nilai dari server tetap dipakai untuk: {0}. Perubahan meja ini dibuang.</source>
        <translation>The server&apos;s values are kept for: {0}. This desk&apos;s change is discarded.</translation>
    </message>
    <message>
        <source>Nilai dari meja ini dipakai untuk: {0}, lalu dikirim ke server.</source>
        <translation>This desk&apos;s values are used for: {0}, then sent to the server.</translation>
    </message>
    <message>
        <source>Isi nilai yang benar untuk kolom yang bentrok ({0}); kolom lain memakai versi server.</source>
        <translation>Enter the correct values for the conflicting fields ({0}); other fields keep the server version.</translation>
    </message>
    <message>
        <source>Perubahan ini tidak diterima server dan tetap tercatat. Kolom: {0}.</source>
        <translation>The server did not accept this change; it stays on record. Fields: {0}.</translation>
    </message>
    <message>
        <source>{0} perubahan lain yang tertahan pada data ini ikut ditutup.</source>
        <translation>{0} other held change(s) on this record are closed with it.</translation>
    </message>
    <message>
        <source>&amp;Alasan keputusan:</source>
        <translation>&amp;Reason for the decision:</translation>
    </message>
    <message>
        <source>Dicatat di riwayat permohonan dan log audit (min. 5 karakter).</source>
        <translation>Recorded in the request&apos;s history and the audit log (at least 5 characters).</translation>
    </message>
    <message>
        <source>&amp;Simpan keputusan</source>
        <translation>&amp;Save decision</translation>
    </message>
    <message>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Server: {0} · Meja ini: {1}</source>
        <translation>Server: {0} · This desk: {1}</translation>
    </message>
    <message>
        <source>(format JSON)</source>
        <translation>(JSON format)</translation>
    </message>
    <message>
        <source>Format JSON tidak dapat dibaca.</source>
        <translation>The JSON cannot be read.</translation>
    </message>
    <message>
        <source>Harus bilangan bulat.</source>
        <translation>Must be a whole number.</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Konflik sinkronisasi</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <source>Tampilkan konflik yang sudah selesai</source>
        <translation>Show resolved conflicts</translation>
    </message>
    <message>
        <source>Muat ulang daftar konflik</source>
        <translation>Reload the conflict list</translation>
    </message>
    <message>
        <source>Hanya supervisor atau administrator yang dapat memutuskan konflik; Anda dapat melihatnya.</source>
        <translation>Only a supervisor or an administrator can decide conflicts; you can view them.</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Pemohon</source>
        <translation>Requester</translation>
    </message>
    <message>
        <source>Masalah</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Keadaan</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Tabel konflik sinkronisasi</source>
        <translation>Sync conflicts table</translation>
    </message>
    <message>
        <source>Pilih konflik di tabel.</source>
        <translation>Select a conflict in the table.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Semula</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Versi server</source>
        <translation>Server version</translation>
    </message>
    <message>
        <source>Versi meja ini</source>
        <translation>This desk&apos;s version</translation>
    </message>
    <message>
        <source>Perbandingan versi server dan versi meja ini</source>
        <translation>Comparison of the server version and this desk&apos;s version</translation>
    </message>
    <message>
        <source>Tampilkan yang sudah se&amp;lesai</source>
        <translation>Show res&amp;olved</translation>
    </message>
    <message>
        <source>Muat ula&amp;ng</source>
        <translation>Relo&amp;ad</translation>
    </message>
    <message>
        <source>Pakai versi ser&amp;ver</source>
        <translation>Use ser&amp;ver version</translation>
    </message>
    <message>
        <source>Pakai versi &amp;meja ini</source>
        <translation>Use this &amp;desk&apos;s version</translation>
    </message>
    <message>
        <source>S&amp;unting…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Tandai sudah &amp;ditinjau</source>
        <translation>Mark as revie&amp;wed</translation>
    </message>
    <message>
        <source>Buka &amp;permohonan</source>
        <translation>Open &amp;request</translation>
    </message>
    <message>
        <source>{0} terbuka</source>
        <translation>{0} open</translation>
    </message>
    <message>
        <source>Terbuka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Versi server dipakai</source>
        <translation>Server version used</translation>
    </message>
    <message>
        <source>Versi meja ini dipakai</source>
        <translation>This desk&apos;s version used</translation>
    </message>
    <message>
        <source>Disunting</source>
        <translation>Edited</translation>
    </message>
    <message>
        <source>Sudah ditinjau</source>
        <translation>Reviewed</translation>
    </message>
    <message>
        <source>Tidak ada konflik yang dipilih.</source>
        <translation>No conflict selected.</translation>
    </message>
    <message>
        <source>Dicatat {0}</source>
        <translation>Recorded {0}</translation>
    </message>
    <message>
        <source>{0} perubahan lain pada data ini tertahan bersamanya.</source>
        <translation>{0} other change(s) on this record are held with it.</translation>
    </message>
    <message>
        <source>Selesai {0} oleh {1}: {2}. Alasan: {3}</source>
        <translation>Resolved {0} by {1}: {2}. Reason: {3}</translation>
    </message>
    <message>
        <source> (konflik)</source>
        <translation> (conflict)</translation>
    </message>
    <message>
        <source>Hanya supervisor atau administrator yang dapat memutuskan konflik.</source>
        <translation>Only a supervisor or an administrator can decide conflicts.</translation>
    </message>
    <message>
        <source>Konflik ini sudah selesai.</source>
        <translation>This conflict is already resolved.</translation>
    </message>
    <message>
        <source>Perubahan ini tidak dapat diputuskan di meja ini; tinjau lalu tandai dengan alasannya.</source>
        <translation>This change cannot be decided at this desk; review it, then mark it with the reason.</translation>
    </message>
    <message>
        <source>Setiap keputusan meminta alasan; keputusan dikirim ke server pada sinkronisasi berikutnya.</source>
        <translation>Every decision needs a reason; it is sent to the server at the next sync.</translation>
    </message>
</context>
<context>
    <name>CorrectionFields</name>
    <message>
        <source>Nama pemohon</source>
        <translation>Requester name</translation>
    </message>
    <message>
        <source>NIK pemohon</source>
        <translation>Requester NIK</translation>
    </message>
    <message>
        <source>No. SK pengesahan badan hukum</source>
        <translation>Legal entity registration decree no.</translation>
    </message>
    <message>
        <source>Alamat pemohon</source>
        <translation>Requester address</translation>
    </message>
    <message>
        <source>Telepon pemohon</source>
        <translation>Requester phone</translation>
    </message>
    <message>
        <source>Email pemohon</source>
        <translation>Requester email</translation>
    </message>
    <message>
        <source>Pekerjaan pemohon</source>
        <translation>Requester occupation</translation>
    </message>
    <message>
        <source>Rincian informasi</source>
        <translation>Information requested</translation>
    </message>
    <message>
        <source>Tujuan penggunaan informasi</source>
        <translation>Purpose of use</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Cara memperoleh informasi</source>
        <translation>How to obtain the information</translation>
    </message>
    <message>
        <source>Cara mendapatkan salinan</source>
        <translation>How to receive copies</translation>
    </message>
    <message>
        <source>&amp;Data yang dikoreksi:</source>
        <translation>&amp;Field to correct:</translation>
    </message>
    <message>
        <source>&amp;Nilai baru:</source>
        <translation>&amp;New value:</translation>
    </message>
    <message>
        <source>Nilai &amp;baru:</source>
        <translation>New &amp;value:</translation>
    </message>
    <message>
        <source>&amp;Alasan koreksi:</source>
        <translation>Correction &amp;reason:</translation>
    </message>
    <message>
        <source>Nilai sekarang: {0}</source>
        <translation>Current value: {0}</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dasbor</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>&amp;Muat ulang</source>
        <translation>&amp;Reload</translation>
    </message>
    <message>
        <source>Diterima hari ini</source>
        <translation>Received today</translation>
    </message>
    <message>
        <source>Jatuh tempo ≤ 3 hari kerja</source>
        <translation>Due within 3 working days</translation>
    </message>
    <message>
        <source>Terlambat</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Menunggu pemohon melengkapi</source>
        <translation>Waiting for the requester</translation>
    </message>
    <message>
        <source>Keberatan terbuka</source>
        <translation>Open objections</translation>
    </message>
    <message>
        <source>Permohonan per bulan</source>
        <translation>Requests per month</translation>
    </message>
    <message>
        <source>L&amp;aporan…</source>
        <translation>Rep&amp;ort…</translation>
    </message>
    <message>
        <source>Buka halaman Laporan (angka, grafik, narasi, ekspor)</source>
        <translation>Open the Report page (figures, charts, narrative, export)</translation>
    </message>
    <message>
        <source>Dasbor tidak dapat dimuat: </source>
        <translation>The dashboard could not be loaded: </translation>
    </message>
    <message>
        <source>%1, sisa %2 hari kerja</source>
        <translation>%1, %2 working days left</translation>
    </message>
    <message>
        <source>%1, jatuh tempo hari ini</source>
        <translation>%1, due today</translation>
    </message>
    <message>
        <source>%1, terlambat %2 hari kerja</source>
        <translation>%1, %2 working days overdue</translation>
    </message>
    <message>
        <source>%1 (permohonan %2)</source>
        <translation>%1 (request %2)</translation>
    </message>
</context>
<context>
    <name>DikPanel</name>
    <message>
        <source>Informasi</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Pasal 17</source>
        <translation>Article 17</translation>
    </message>
    <message>
        <source>Uji konsekuensi</source>
        <translation>Consequence test</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>SK penetapan</source>
        <translation>Exclusion decree</translation>
    </message>
    <message>
        <source>HH-BB-TTTT</source>
        <translation>DD-MM-YYYY</translation>
    </message>
</context>
<context>
    <name>DipPanel</name>
    <message>
        <source>Judul</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Ringkasan</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Penguasa</source>
        <translation>Held by</translation>
    </message>
    <message>
        <source>Bentuk</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Where</translation>
    </message>
</context>
<context>
    <name>DiscardGuard</name>
    <message>
        <source>Buang isian?</source>
        <translation>Discard input?</translation>
    </message>
    <message>
        <source>Isian yang belum disimpan akan hilang.</source>
        <translation>What has not been saved will be lost.</translation>
    </message>
    <message>
        <source>&amp;Buang isian</source>
        <translation>&amp;Discard input</translation>
    </message>
    <message>
        <source>&amp;Kembali ke isian</source>
        <translation>&amp;Back to the form</translation>
    </message>
</context>
<context>
    <name>FiguresView</name>
    <message>
        <source>Angka</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>Angka laporan</source>
        <translation>Report figures</translation>
    </message>
    <message>
        <source>Enter atau klik: permohonan di balik angka ini</source>
        <translation>Enter or click: the requests behind this figure</translation>
    </message>
    <message>
        <source>Permohonan informasi</source>
        <translation>Information requests</translation>
    </message>
    <message>
        <source>Per bulan</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>Per saluran</source>
        <translation>By channel</translation>
    </message>
    <message>
        <source>Per jenis pemohon</source>
        <translation>By requester kind</translation>
    </message>
    <message>
        <source>Per hasil</source>
        <translation>By outcome</translation>
    </message>
    <message>
        <source>Penolakan per pasal</source>
        <translation>Rejections by article</translation>
    </message>
    <message>
        <source>Diperpanjang</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>Dijawab tepat waktu</source>
        <translation>Answered on time</translation>
    </message>
    <message>
        <source>Dijawab terlambat</source>
        <translation>Answered late</translation>
    </message>
    <message>
        <source>Waktu jawaban (hari kerja)</source>
        <translation>Response time (working days)</translation>
    </message>
    <message>
        <source>Rata-rata</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Paling lama</source>
        <translation>Longest</translation>
    </message>
    <message>
        <source>Keberatan</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>Per alasan</source>
        <translation>By ground</translation>
    </message>
    <message>
        <source>Per putusan Atasan PPID</source>
        <translation>By the superior&apos;s decision</translation>
    </message>
    <message>
        <source>Diajukan terlambat</source>
        <translation>Filed late</translation>
    </message>
    <message>
        <source>Sengketa informasi</source>
        <translation>Information disputes</translation>
    </message>
</context>
<context>
    <name>FormFields</name>
    <message>
        <source>&amp;Simpan</source>
        <extracomment>A field&apos;s own rule: the message for its current value, or None when it is valid.</extracomment>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GeneralPanel</name>
    <message>
        <source>&amp;Bahasa tampilan:</source>
        <translation>Display lan&amp;guage:</translation>
    </message>
    <message>
        <source>Berlaku untuk PC ini.</source>
        <translation>Applies to this PC.</translation>
    </message>
    <message>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Tidak pernah</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>&amp;Kunci layar setelah tidak dipakai:</source>
        <translation>&amp;Lock the screen when idle for:</translation>
    </message>
    <message>
        <source>Untuk semua PC kantor; 0 = tidak pernah.</source>
        <translation>For every PC of the office; 0 = never.</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>InformationListForm</name>
    <message>
        <source>&amp;Informasi yang dikecualikan:</source>
        <translation>&amp;Excluded information:</translation>
    </message>
    <message>
        <source>Pasal 17 &amp;huruf:</source>
        <translation>Article 17 &amp;letter:</translation>
    </message>
    <message>
        <source>&amp;Uji konsekuensi:</source>
        <translation>&amp;Consequence test:</translation>
    </message>
    <message>
        <source>Akibat bila informasi dibuka (min. 20 karakter).</source>
        <translation>What would follow if the information were disclosed (at least 20 characters).</translation>
    </message>
    <message>
        <source>&amp;Jangka waktu pengecualian:</source>
        <translation>Exclusion &amp;period:</translation>
    </message>
    <message>
        <source>Misalnya &apos;5 (lima) tahun&apos;; atau isi tanggal akhir di bawah.</source>
        <translation>For example &apos;5 (lima) tahun&apos;; or fill in the end date below.</translation>
    </message>
    <message>
        <source>Dikecualikan &amp;sampai:</source>
        <translation>Excluded &amp;until:</translation>
    </message>
    <message>
        <source>Boleh kosong.</source>
        <translation>May be left empty.</translation>
    </message>
    <message>
        <source>&amp;Nomor SK penetapan:</source>
        <translation>Decree &amp;number:</translation>
    </message>
    <message>
        <source>Tanggal S&amp;K penetapan:</source>
        <translation>Decree &amp;date:</translation>
    </message>
    <message>
        <source>&amp;Judul informasi:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Ringkasan:</source>
        <translation>&amp;Summary:</translation>
    </message>
    <message>
        <source>Pen&amp;guasa/penanggung jawab informasi:</source>
        <translation>&amp;Held by (unit or official responsible):</translation>
    </message>
    <message>
        <source>Unit atau pejabat yang menguasai informasi.</source>
        <translation>The unit or official holding the information.</translation>
    </message>
    <message>
        <source>&amp;Bentuk informasi:</source>
        <translation>Information &amp;form:</translation>
    </message>
    <message>
        <source>Softcopy, hardcopy, atau keduanya.</source>
        <translation>Softcopy, hardcopy, or both.</translation>
    </message>
    <message>
        <source>T&amp;empat memperoleh informasi:</source>
        <translation>&amp;Where to get the information:</translation>
    </message>
</context>
<context>
    <name>InformationListsPanel</name>
    <message>
        <source>Daftar informasi</source>
        <translation>Information lists</translation>
    </message>
    <message>
        <source>Informasi dikecualikan (&amp;DIK)</source>
        <translation>Excluded information (DI&amp;K)</translation>
    </message>
    <message>
        <source>Informasi publik (DI&amp;P)</source>
        <translation>Public information (D&amp;IP)</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>Email tersimpan (disamarkan). Ketik email lengkap bila berbeda.</source>
        <translation>Stored e-mail (masked). Type the full e-mail if it has changed.</translation>
    </message>
    <message>
        <source>Permohonan Informasi Baru</source>
        <translation>New Information Request</translation>
    </message>
    <message>
        <source>Tersedia setiap saat (Daftar Informasi Publik), dapat langsung diberikan:</source>
        <translation>Available at any time (public information list), can be given on the spot:</translation>
    </message>
    <message>
        <source>Formulir Permohonan Informasi Publik</source>
        <translation>Public Information Request Form</translation>
    </message>
    <message>
        <source>&amp;Cari pemohon lama (Ctrl+F):</source>
        <translation>&amp;Find returning requester (Ctrl+F):</translation>
    </message>
    <message>
        <source>NIK, nomor telepon atau nama</source>
        <translation>NIK, phone number or name</translation>
    </message>
    <message>
        <source>Cari pemohon lama</source>
        <translation>Find returning requester</translation>
    </message>
    <message>
        <source>Pemohon lama yang cocok</source>
        <translation>Matching returning requesters</translation>
    </message>
    <message>
        <source>Ctrl+Enter menyimpan dari mana saja · Esc membatalkan</source>
        <translation>Ctrl+Enter saves from anywhere · Esc cancels</translation>
    </message>
    <message>
        <source>&amp;Simpan dan beri nomor</source>
        <translation>&amp;Save and number</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Identitas pemohon</source>
        <translation>Requester identity</translation>
    </message>
    <message>
        <source>Perorangan</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Badan hukum</source>
        <translation>Legal entity</translation>
    </message>
    <message>
        <source>Kelompok orang</source>
        <translation>Group of people</translation>
    </message>
    <message>
        <source>&amp;Jenis pemohon:</source>
        <translation>Re&amp;quester kind:</translation>
    </message>
    <message>
        <source>&amp;Nama (sesuai KTP):</source>
        <translation>&amp;Name (as on ID card):</translation>
    </message>
    <message>
        <source>NI&amp;K:</source>
        <translation>NI&amp;K:</translation>
    </message>
    <message>
        <source>No. SK pengesahan &amp;badan hukum:</source>
        <translation>Legal entity &amp;decree no.:</translation>
    </message>
    <message>
        <source>&amp;Alamat:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Pekerjaan:</source>
        <translation>&amp;Occupation:</translation>
    </message>
    <message>
        <source>Nomor &amp;telepon:</source>
        <translation>&amp;Phone number:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>Diajukan melalui kuasa</source>
        <translation>Filed through a proxy</translation>
    </message>
    <message>
        <source>Nama kuasa:</source>
        <translation>Proxy name:</translation>
    </message>
    <message>
        <source>NIK kuasa:</source>
        <translation>Proxy NIK:</translation>
    </message>
    <message>
        <source>Alamat kuasa:</source>
        <translation>Proxy address:</translation>
    </message>
    <message>
        <source>Telepon kuasa:</source>
        <translation>Proxy phone:</translation>
    </message>
    <message>
        <source>Permohonan</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>&amp;Rincian informasi yang dibutuhkan:</source>
        <translation>&amp;Information requested:</translation>
    </message>
    <message>
        <source>T&amp;ujuan penggunaan informasi:</source>
        <translation>P&amp;urpose of use:</translation>
    </message>
    <message>
        <source>Cara &amp;memperoleh informasi:</source>
        <translation>How to o&amp;btain it:</translation>
    </message>
    <message>
        <source>&amp;Nama badan hukum:</source>
        <translation>&amp;Name of the legal entity:</translation>
    </message>
    <message>
        <source>&amp;Nama kelompok:</source>
        <translation>&amp;Name of the group:</translation>
    </message>
    <message>
        <source>%1 terdaftar atas nama lain</source>
        <translation>%1 registered under another name</translation>
    </message>
    <message>
        <source>%1 ini sudah terdaftar atas nama “%2”, sedangkan nama yang diisi “%3”.</source>
        <translation>This %1 is already registered under the name “%2”, but the name entered is “%3”.</translation>
    </message>
    <message>
        <source>Apakah ini orang yang sama dan namanya kini diperbaiki, atau %1 salah ketik? Jawaban Anda dicatat di riwayat permohonan. Permohonan terdahulu tetap memakai nama yang tercatat saat itu.</source>
        <translation>Is this the same person, whose name is now corrected, or was the %1 mistyped? Your answer is recorded on the request’s timeline. Earlier requests keep the name recorded at the time.</translation>
    </message>
    <message>
        <source>Orang yang &amp;sama, nama diperbaiki</source>
        <translation>&amp;Same person, name corrected</translation>
    </message>
    <message>
        <source>%1 salah &amp;ketik, perbaiki</source>
        <translation>%1 mis&amp;typed, correct it</translation>
    </message>
    <message>
        <source>Perbaiki %1 sesuai KTP/akta, lalu simpan lagi.</source>
        <translation>Correct the %1 as on the KTP or deed, then save again.</translation>
    </message>
    <message>
        <source>&amp;Diajukan melalui kuasa</source>
        <translation>Filed through a pro&amp;xy</translation>
    </message>
    <message>
        <source>Cara mendapatkan sal&amp;inan:</source>
        <translation>How to receive &amp;copies:</translation>
    </message>
    <message>
        <source>Berkas diterima: {0}</source>
        <translation>Documents received: {0}</translation>
    </message>
    <message>
        <source>Berkas diterima:</source>
        <translation>Documents received:</translation>
    </message>
    <message>
        <source>Lengkap</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Belum diperiksa</source>
        <translation>Not yet checked</translation>
    </message>
    <message>
        <source>Tidak lengkap</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <source>Kelengkapan:</source>
        <translation>Completeness:</translation>
    </message>
    <message>
        <source>Kekurangan (satu per baris):</source>
        <translation>Missing items (one per line):</translation>
    </message>
    <message>
        <source>Pemohon diberi 3 hari kerja untuk melengkapi.</source>
        <translation>The requester has 3 working days to complete it.</translation>
    </message>
    <message>
        <source>Sa&amp;luran:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <source>&amp;Waktu diterima:</source>
        <translation>&amp;Received at:</translation>
    </message>
    <message>
        <source>NI&amp;K perwakilan (opsional):</source>
        <translation>Representative NI&amp;K (optional):</translation>
    </message>
    <message>
        <source>NI&amp;K perwakilan kelompok:</source>
        <translation>Group representative NI&amp;K:</translation>
    </message>
    <message>
        <source>NIK tersimpan (disamarkan). Ketik NIK lengkap bila berbeda.</source>
        <translation>NIK on file (masked). Type the full NIK if it differs.</translation>
    </message>
    <message>
        <source>{0} dari 16 angka</source>
        <translation>{0} of 16 digits</translation>
    </message>
    <message>
        <source>Wajib diisi.</source>
        <translation>Required.</translation>
    </message>
    <message>
        <source>Tidak ada pemohon lama yang cocok.</source>
        <translation>No matching returning requester.</translation>
    </message>
    <message>
        <source>Tersimpan: {0}; tanyakan dan isi lagi bila masih dipakai.</source>
        <translation>On file: {0}; ask and fill it in again if still in use.</translation>
    </message>
    <message>
        <source>Pemohon lama: data diisi dari permohonan sebelumnya.</source>
        <translation>Returning requester: data filled in from an earlier request.</translation>
    </message>
    <message>
        <source>Sebutkan kekurangan berkas atau isi permohonan.</source>
        <translation>List the missing documents or content.</translation>
    </message>
    <message>
        <source>Nama kuasa wajib diisi.</source>
        <translation>Proxy name is required.</translation>
    </message>
    <message>
        <source>Periksa peringatan di atas. Tekan Ctrl+Enter sekali lagi untuk tetap menyimpan.</source>
        <translation>Check the warnings above. Press Ctrl+Enter again to save anyway.</translation>
    </message>
    <message>
        <source>Permohonan belum tersimpan. Coba lagi.</source>
        <translation>The request was not saved. Try again.</translation>
    </message>
    <message>
        <source>Mungkin permohonan ganda</source>
        <translation>Possibly a duplicate request</translation>
    </message>
    <message>
        <source>Pemohon yang sama sudah meminta informasi serupa dalam satu jam terakhir.</source>
        <translation>The same requester asked for similar information within the last hour.</translation>
    </message>
    <message>
        <source>Bila itu permohonan yang sama, pakai nomor lama (tanda terimanya dapat dicetak ulang). Simpan sebagai permohonan baru hanya bila pemohon memang meminta lagi.</source>
        <translation>If it is the same request, use the earlier number (its receipt can be printed again). Save as a new request only if the requester really asks again.</translation>
    </message>
    <message>
        <source>Simpan sebagai permohonan &amp;baru</source>
        <translation>Save as a &amp;new request</translation>
    </message>
    <message>
        <source>&amp;Pakai nomor lama</source>
        <translation>&amp;Use the earlier number</translation>
    </message>
    <message>
        <source>&amp;Kembali ke formulir</source>
        <translation>&amp;Back to the form</translation>
    </message>
</context>
<context>
    <name>IntakeResult</name>
    <message>
        <source>Permohonan tersimpan. Nomor pendaftaran:</source>
        <translation>Request saved. Registration number:</translation>
    </message>
    <message>
        <source>Permohonan &amp;baru (Ctrl+N)</source>
        <translation>&amp;New request (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Cetak tanda terima (Ctrl+P)</source>
        <translation>&amp;Print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>B&amp;uka permohonan</source>
        <translation>&amp;Open request</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Tanda terima belum tercetak: {0}</source>
        <translation>The receipt was not printed: {0}</translation>
    </message>
    <message>
        <source>kesalahan tidak dikenal</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <source>Nomor pendaftaran {0}</source>
        <translation>Registration number {0}</translation>
    </message>
    <message>
        <source>Batas pemeriksaan kelengkapan (3 hari kerja):</source>
        <translation>Completeness check due (3 working days):</translation>
    </message>
    <message>
        <source>Batas pemohon melengkapi (3 hari kerja):</source>
        <translation>Requester completion due (3 working days):</translation>
    </message>
    <message>
        <source>Batas pemberitahuan tertulis (10 hari kerja):</source>
        <translation>Written notice due (10 working days):</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
</context>
<context>
    <name>Kesalahan</name>
    <message>
        <source>Data belum lengkap atau tidak valid.</source>
        <translation>The data is incomplete or invalid.</translation>
    </message>
    <message>
        <source>Basis data sedang dipakai program lain (misalnya pencadangan atau aplikasi kedua). Tunggu sebentar lalu coba lagi; tidak ada data yang hilang.</source>
        <translation>The database is in use by another program (for example a backup or a second window). Wait a moment and try again; no data was lost.</translation>
    </message>
    <message>
        <source>Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk (hapus berkas yang tidak diperlukan) lalu coba lagi; data yang sudah tersimpan tetap aman.</source>
        <translation>The disk is full: the data cannot be saved. Free some disk space (delete files you do not need) and try again; data already saved is safe.</translation>
    </message>
    <message>
        <source>Berkas data tidak dapat ditulis (hanya-baca atau tanpa izin). Hubungi administrator untuk memeriksa izin folder data.</source>
        <translation>The data file cannot be written (read-only or no permission). Ask the administrator to check the data folder permissions.</translation>
    </message>
    <message>
        <source>Berkas basis data rusak. Jangan tutup paksa komputer; hubungi administrator untuk memulihkan dari cadangan terakhir.</source>
        <translation>The database file is damaged. Do not force the computer off; ask the administrator to restore the latest backup.</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca atau ditulis: </source>
        <translation>The file cannot be read or written: </translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga. Coba lagi; jika berulang, hubungi administrator.</source>
        <translation>An unexpected error occurred. Try again; if it happens again, contact the administrator.</translation>
    </message>
    <message>
        <source>Tidak dapat dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
    <message>
        <source>Program mengalami kesalahan yang tidak terduga.</source>
        <translation>The program ran into an unexpected error.</translation>
    </message>
    <message>
        <source>Data yang sudah disimpan tetap aman. Simpan pekerjaan yang terbuka, lalu tutup dan buka kembali PPID Desk. Jika kesalahan berulang, berikan berkas catatan ini kepada administrator:</source>
        <translation>Data already saved is safe. Save any open work, then close and reopen PPID Desk. If the error happens again, give this log file to the administrator:</translation>
    </message>
    <message>
        <source>PPID Desk mengalami kesalahan</source>
        <translation>PPID Desk ran into an error</translation>
    </message>
    <message>
        <source>Nama pengguna atau kata sandi salah, atau akun dinonaktifkan.</source>
        <extracomment>The one answer to an unknown user, a wrong password and a disabled account (no user enumeration); the workstation shows it in its interface&apos;s language (``ui.kit.crash.user_message``, context ``Kesalahan``).</extracomment>
        <translation>Wrong user name or password, or the account is disabled.</translation>
    </message>
</context>
<context>
    <name>KopForm</name>
    <message>
        <source>&amp;Baris kop surat:</source>
        <translation>Letterhead &amp;lines:</translation>
    </message>
    <message>
        <source>Satu baris per baris cetak, dari atas ke bawah. Alamat dan kontak dari profil kantor dicetak di bawahnya dengan sendirinya.</source>
        <translation>One printed line per row, top to bottom. The address and contacts from the office profile are printed beneath them automatically.</translation>
    </message>
    <message>
        <source>(tanpa logo)</source>
        <translation>(no logo)</translation>
    </message>
    <message>
        <source>Pilih lo&amp;go…</source>
        <translation>Choose l&amp;ogo…</translation>
    </message>
    <message>
        <source>Pilih logo</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <source>Hapus logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Pratinjau kop surat</source>
        <translation>Letterhead preview</translation>
    </message>
    <message>
        <source>Pratinjau (seperti tercetak):</source>
        <translation>Preview (as printed):</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Berkas ini bukan gambar PNG/JPG yang dapat dibaca.</source>
        <translation>This file is not a readable PNG/JPG image.</translation>
    </message>
    <message>
        <source>(kop kosong)</source>
        <translation>(empty letterhead)</translation>
    </message>
    <message>
        <source>Pratinjau kop tidak dapat dibuat: %1</source>
        <translation>The letterhead preview could not be made: %1</translation>
    </message>
    <message>
        <source>Kop surat minimal satu baris.</source>
        <translation>The letterhead needs at least one line.</translation>
    </message>
</context>
<context>
    <name>LettersPanel</name>
    <message>
        <source>Surat &amp;&amp; cetakan</source>
        <translation>Letters &amp;&amp; printouts</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Diterbitkan</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Surat yang telah diterbitkan</source>
        <translation>Issued letters</translation>
    </message>
    <message>
        <source>Cetak &amp;ulang</source>
        <translation>Reprin&amp;t</translation>
    </message>
    <message>
        <source>Cetak ulang surat terpilih</source>
        <translation>Reprint the selected letter</translation>
    </message>
    <message>
        <source>&amp;Terbitkan / cetak…</source>
        <translation>&amp;Issue / print…</translation>
    </message>
    <message>
        <source>Terbitkan atau cetak dokumen</source>
        <translation>Issue or print a document</translation>
    </message>
    <message>
        <source>Daftar surat tidak dapat dibaca.</source>
        <translation>The list of letters could not be read.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Dipakai oleh %1 (%2). Masukkan kata sandi untuk melanjutkan.</source>
        <translation>In use by %1 (%2). Enter the password to continue.</translation>
    </message>
    <message>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Ganti pengguna</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <source>Kata sandi wajib diisi.</source>
        <translation>Password is required.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Masuk ke PPID Desk</source>
        <translation>Sign in to PPID Desk</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Nama pengguna wajib diisi.</source>
        <translation>User name is required.</translation>
    </message>
    <message>
        <source>Kata sandi wajib diisi.</source>
        <translation>Password is required.</translation>
    </message>
    <message>
        <source>Memuat data kantor…</source>
        <translation>Loading the office&apos;s data…</translation>
    </message>
    <message>
        <source>Memeriksa…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PPID Desk — %1</source>
        <extracomment>A dashboard built during the sign-in is shown as it is if its data are younger than this; an older one (the PC sat at the login screen) is read again as the window opens. The window&apos;s size where the work area has room for it (else it opens maximised; ui/kit/screen.py) and the smallest it may be made (capped to the work area too, so the status bar is never pushed off the screen). The minimum fits a 1366×768 screen at 150 % (911×472 device-independent pixels less a taskbar and title bar): each page scrolls inside the window where it needs more (ui/kit/scroll.py).</extracomment>
        <translation>PPID Desk — %1</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Keberatan</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Agenda Surat</source>
        <translation>Outgoing Letters</translation>
    </message>
    <message>
        <source>Menu utama</source>
        <translation>Main menu</translation>
    </message>
    <message>
        <source>Dasbor</source>
        <extracomment>In sidebar order.</extracomment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Layar terkunci</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Catat permohonan baru (Ctrl+N atau F2)</source>
        <translation>Record a new request (Ctrl+N or F2)</translation>
    </message>
    <message>
        <source>Kunci layar (Ctrl+L)</source>
        <translation>Lock the screen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Sedang memproses</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Disk folder data penuh, hanya-baca atau bermasalah, jadi register dibuka hanya untuk dibaca: permohonan dapat dicari, dilihat, diekspor dan dicadangkan ke disk lain, tetapi tidak ada perubahan yang dapat disimpan. Perbaiki disk (atau kosongkan ruangnya), lalu buka ulang aplikasi.</source>
        <translation>The data folder&apos;s disk is full, read-only or failing, so the register is open for reading only: requests can be searched, viewed, exported and backed up to another disk, but no change can be saved. Repair the disk (or free some space), then reopen the application.</translation>
    </message>
    <message>
        <source>HANYA-BACA</source>
        <translation>READ-ONLY</translation>
    </message>
    <message>
        <source>Register hanya-baca</source>
        <translation>Register read-only</translation>
    </message>
    <message>
        <source>Sinkronkan sekarang</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Permohonan baru</source>
        <translation>New request</translation>
    </message>
    <message>
        <source>Kunci</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Kunci layar</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <source>Permohonan</source>
        <translation>Request</translation>
    </message>
</context>
<context>
    <name>MonthChart</name>
    <message>
        <source>Grafik permohonan per bulan</source>
        <translation>Chart of requests per month</translation>
    </message>
</context>
<context>
    <name>NumberingForm</name>
    <message>
        <source>Nomor &amp;registrasi permohonan:</source>
        <translation>Request &amp;registration number:</translation>
    </message>
    <message>
        <source>Nomor register &amp;keberatan:</source>
        <translation>&amp;Objection register number:</translation>
    </message>
    <message>
        <source>Wajib memuat {office}, {year}, {desk} dan {seq}; {seq:04d} = 4 digit.</source>
        <translation>Must contain {office}, {year}, {desk} and {seq}; {seq:04d} = 4 digits.</translation>
    </message>
    <message>
        <source>Kolom: {classification} {seq} {unit} {month_roman} {month} {year}.</source>
        <translation>Fields: {classification} {seq} {unit} {month_roman} {month} {year}.</translation>
    </message>
    <message>
        <source>No&amp;mor surat:</source>
        <translation>&amp;Letter number:</translation>
    </message>
    <message>
        <source>Kode klasi&amp;fikasi surat:</source>
        <translation>Letter &amp;classification code:</translation>
    </message>
    <message>
        <source>Kode &amp;unit pengolah:</source>
        <translation>Processing &amp;unit code:</translation>
    </message>
    <message>
        <source>Contoh nomor:</source>
        <translation>Example numbers:</translation>
    </message>
    <message>
        <source>Permohonan:</source>
        <translation>Request:</translation>
    </message>
    <message>
        <source>Keberatan:</source>
        <translation>Objection:</translation>
    </message>
    <message>
        <source>Surat:</source>
        <translation>Letter:</translation>
    </message>
</context>
<context>
    <name>ObjectionActionDialog</name>
    <message>
        <source>&amp;Waktu:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>Tanggapan tertulis Atasan PPID atas keberatan.</source>
        <translation>The PPID superior&apos;s written response to the objection.</translation>
    </message>
    <message>
        <source>&amp;Keputusan:</source>
        <translation>&amp;Decision:</translation>
    </message>
    <message>
        <source>&amp;Isi tanggapan:</source>
        <translation>Response te&amp;xt:</translation>
    </message>
    <message>
        <source>Kosongkan untuk memakai Atasan PPID di pengaturan pejabat.</source>
        <translation>Leave empty to use the PPID superior from the officials settings.</translation>
    </message>
    <message>
        <source>&amp;Nama Atasan PPID:</source>
        <translation>PPID superior &amp;name:</translation>
    </message>
    <message>
        <source>&amp;Jabatan:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>Tanggapan pemohon atas keputusan Atasan PPID.</source>
        <translation>The requester&apos;s response to the PPID superior&apos;s decision.</translation>
    </message>
    <message>
        <source>&amp;Tanggapan pemohon:</source>
        <translation>&amp;Requester&apos;s response:</translation>
    </message>
    <message>
        <source>Pemohon mengajukan sengketa informasi ke Komisi Informasi (14 hari kerja).</source>
        <translation>The requester files an information dispute with the Information Commission (14 working days).</translation>
    </message>
    <message>
        <source>&amp;Nomor register sengketa:</source>
        <translation>Dispute register &amp;number:</translation>
    </message>
    <message>
        <source>Hasil mediasi atau putusan Komisi Informasi.</source>
        <translation>Outcome of mediation or the Information Commission ruling.</translation>
    </message>
    <message>
        <source>&amp;Hasil:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Keterangan:</source>
        <translation>D&amp;escription:</translation>
    </message>
    <message>
        <source>Keberatan selesai.</source>
        <translation>Objection closed.</translation>
    </message>
    <message>
        <source>&amp;Catatan (opsional):</source>
        <translation>&amp;Note (optional):</translation>
    </message>
    <message>
        <source>Pembatalan keberatan yang salah catat; nomornya tetap tercatat.</source>
        <translation>Voiding a wrongly recorded objection; its number stays recorded.</translation>
    </message>
    <message>
        <source>&amp;Alasan pembatalan:</source>
        <translation>&amp;Reason for voiding:</translation>
    </message>
</context>
<context>
    <name>ObjectionFileDialog</name>
    <message>
        <source>Ajukan keberatan</source>
        <translation>File an objection</translation>
    </message>
    <message>
        <source>Keberatan atas permohonan {0}. Atasan PPID menanggapi dalam 30 hari kerja.</source>
        <translation>Objection to request {0}. The PPID superior responds within 30 working days.</translation>
    </message>
    <message>
        <source>Alasan keberatan huruf {0}</source>
        <translation>Objection ground letter {0}</translation>
    </message>
    <message>
        <source>Alasan (Pasal 35 ayat 1):</source>
        <translation>Grounds (Article 35(1)):</translation>
    </message>
    <message>
        <source>&amp;Kasus posisi:</source>
        <translation>&amp;Case summary:</translation>
    </message>
    <message>
        <source>&amp;Diajukan melalui kuasa</source>
        <translation>Filed through a &amp;proxy</translation>
    </message>
    <message>
        <source>Diajukan melalui kuasa</source>
        <translation>Filed through a proxy</translation>
    </message>
    <message>
        <source>Nama kuasa:</source>
        <translation>Proxy name:</translation>
    </message>
    <message>
        <source>Alamat kuasa:</source>
        <translation>Proxy address:</translation>
    </message>
    <message>
        <source>Telepon kuasa:</source>
        <translation>Proxy phone:</translation>
    </message>
    <message>
        <source>&amp;Waktu diterima:</source>
        <translation>&amp;Received at:</translation>
    </message>
    <message>
        <source>Keberatan {0} terdaftar, tetapi diajukan TERLAMBAT: batas pengajuan keberatan (30 hari kerja, Pasal 36 ayat 1 UU 14/2008) {1} sudah lewat. Keberatan tetap dicatat dan ditandai terlambat; Atasan PPID yang menimbangnya.</source>
        <translation>Objection {0} is registered, but it was filed LATE: the filing window (30 working days, Article 36(1) of Law 14/2008) ended on {1}. The objection is still recorded and marked late; the PPID&apos;s superior weighs it.</translation>
    </message>
    <message>
        <source>Keberatan terlambat</source>
        <translation>Late objection</translation>
    </message>
</context>
<context>
    <name>ObjectionsPage</name>
    <message>
        <source>terlambat: diajukan setelah batas pengajuan keberatan</source>
        <translation>late: filed after the objection filing window</translation>
    </message>
    <message>
        <source>terlambat: batas pengajuan keberatan {0} sudah lewat</source>
        <translation>late: the objection filing window ended on {0}</translation>
    </message>
    <message>
        <source>Register Keberatan</source>
        <translation>Objection Register</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Saring status keberatan</source>
        <translation>Filter objection status</translation>
    </message>
    <message>
        <source>No. Registrasi Keberatan</source>
        <translation>Objection Reg. No.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>No. Permohonan</source>
        <translation>Request No.</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Batas Tanggapan</source>
        <translation>Response Due</translation>
    </message>
    <message>
        <source>Keputusan Atasan PPID</source>
        <translation>PPID Superior Decision</translation>
    </message>
    <message>
        <source>Cetak &amp;register…</source>
        <translation>Print &amp;year register…</translation>
    </message>
    <message>
        <source>Register Keberatan: keberatan yang diajukan sejak 1 Januari tahun ini, untuk dicetak</source>
        <translation>Objection Register: the objections filed since 1 January of this year, to print</translation>
    </message>
    <message>
        <source>Tabel register keberatan</source>
        <translation>Objection register table</translation>
    </message>
    <message>
        <source>Pilih keberatan di tabel.</source>
        <translation>Select an objection in the table.</translation>
    </message>
    <message>
        <source>Buka &amp;permohonan</source>
        <translation>Open &amp;request</translation>
    </message>
    <message>
        <source>&amp;Cetak formulir keberatan</source>
        <translation>&amp;Print objection form</translation>
    </message>
    <message>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Register keberatan tidak dapat dibaca.</source>
        <translation>The objection register could not be read.</translation>
    </message>
    <message>
        <source>terlambat</source>
        <translation>late</translation>
    </message>
    <message>
        <source>Batas tanggapan Atasan PPID sudah lewat.</source>
        <translation>The PPID superior&apos;s response deadline has passed.</translation>
    </message>
    <message>
        <source>Permohonan</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Petugas penerima</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Kasus posisi</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <source>Kuasa</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Batas tanggapan Atasan PPID</source>
        <translation>PPID superior response due</translation>
    </message>
    <message>
        <source>Batas mengajukan sengketa</source>
        <translation>Dispute filing due</translation>
    </message>
    <message>
        <source>Isi tanggapan</source>
        <translation>Response text</translation>
    </message>
    <message>
        <source>Atasan PPID</source>
        <translation>PPID superior</translation>
    </message>
    <message>
        <source>Tanggapan pemohon</source>
        <translation>Requester&apos;s response</translation>
    </message>
    <message>
        <source>Sengketa</source>
        <translation>Dispute</translation>
    </message>
    <message>
        <source>Hasil sengketa</source>
        <translation>Dispute outcome</translation>
    </message>
</context>
<context>
    <name>OfficePanel</name>
    <message>
        <source>&amp;Simpan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Periksa isian yang ditandai.</source>
        <translation>Check the marked fields.</translation>
    </message>
    <message>
        <source>Tersimpan.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>OfficeProfileForm</name>
    <message>
        <source>&amp;Kode kantor:</source>
        <translation>Office &amp;code:</translation>
    </message>
    <message>
        <source>Huruf besar/angka, mis. CPJ; menjadi bagian nomor registrasi.</source>
        <translation>Capitals/digits, e.g. CPJ; part of every registration number.</translation>
    </message>
    <message>
        <source>&amp;Nama kantor:</source>
        <translation>Office na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Instansi induk:</source>
        <translation>Parent &amp;body:</translation>
    </message>
    <message>
        <source>K&amp;ota:</source>
        <translation>C&amp;ity:</translation>
    </message>
    <message>
        <source>&amp;Alamat:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Kode &amp;pos:</source>
        <translation>Pos&amp;tal code:</translation>
    </message>
    <message>
        <source>&amp;Telepon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;Email:</translation>
    </message>
    <message>
        <source>Situs &amp;web:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <source>&amp;Huruf meja layanan:</source>
        <translation>&amp;Desk letter:</translation>
    </message>
    <message>
        <source>Setiap PC layanan memakai huruf sendiri (A, B, …) agar nomor tidak bentrok.</source>
        <translation>Each service PC uses its own letter (A, B, …) so numbers never collide.</translation>
    </message>
    <message>
        <source>Nama kantor wajib diisi.</source>
        <translation>Office name is required.</translation>
    </message>
</context>
<context>
    <name>OfficialFields</name>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Na&amp;ma:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Jaba&amp;tan:</source>
        <translation>Posi&amp;tion:</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>NIP:</translation>
    </message>
    <message>
        <source>Pangkat/gol&amp;ongan:</source>
        <translation>Rank/gra&amp;de:</translation>
    </message>
    <message>
        <source>Nam&amp;a:</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>&amp;Jabatan:</source>
        <translation>&amp;Position:</translation>
    </message>
    <message>
        <source>Seperti tertulis di bawah tanda tangan.</source>
        <translation>As written under the signature.</translation>
    </message>
    <message>
        <source>NI&amp;P:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>Pe&amp;ran:</source>
        <translation>Ro&amp;le:</translation>
    </message>
    <message>
        <source>18 digit; boleh kosong.</source>
        <translation>18 digits; may be empty.</translation>
    </message>
    <message>
        <source>Pang&amp;kat/golongan:</source>
        <translation>Ran&amp;k/grade:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
</context>
<context>
    <name>OfficialsPanel</name>
    <message>
        <source>Daftar pejabat</source>
        <translation>Officials list</translation>
    </message>
    <message>
        <source>Data pejabat</source>
        <translation>Official details</translation>
    </message>
    <message>
        <source>Pejabat &amp;baru</source>
        <translation>&amp;New official</translation>
    </message>
    <message>
        <source>&amp;Simpan pejabat</source>
        <translation>&amp;Save official</translation>
    </message>
    <message>
        <source> (nonaktif)</source>
        <translation> (inactive)</translation>
    </message>
</context>
<context>
    <name>Peran</name>
    <message>
        <source>Petugas layanan</source>
        <translation>Service officer</translation>
    </message>
    <message>
        <source>Supervisor (PPID Pelaksana)</source>
        <translation>Supervisor (PPID executive)</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Pratinjau cetak — {0}</source>
        <translation>Print preview — {0}</translation>
    </message>
    <message>
        <source>Pratinjau cetak {0} {1}</source>
        <translation>Print preview {0} {1}</translation>
    </message>
    <message>
        <source>Halaman dokumen</source>
        <extracomment>the document&apos;s own paper (from its first page): it chooses the printer, not the kind&apos;s setting</extracomment>
        <translation>Document pages</translation>
    </message>
    <message>
        <source>Status pencetakan</source>
        <translation>Printing status</translation>
    </message>
    <message>
        <source>Halaman terkirim ke printer</source>
        <translation>Pages sent to the printer</translation>
    </message>
    <message>
        <source>%v dari %m halaman</source>
        <translation>%v of %m pages</translation>
    </message>
    <message>
        <source>Dokumen PDF tidak dapat ditampilkan.</source>
        <translation>The PDF document cannot be displayed.</translation>
    </message>
    <message>
        <source>◀ Sebelumnya</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Halaman sebelumnya (Page Up)</source>
        <translation>Previous page (Page Up)</translation>
    </message>
    <message>
        <source>Nomor halaman</source>
        <translation>Page number</translation>
    </message>
    <message>
        <source>&amp;Halaman:</source>
        <translation>Pa&amp;ge:</translation>
    </message>
    <message>
        <source>dari {0}</source>
        <translation>of {0}</translation>
    </message>
    <message>
        <source>Berikutnya ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Halaman berikutnya (Page Down)</source>
        <translation>Next page (Page Down)</translation>
    </message>
    <message>
        <source>Perkecil (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>Perbesar (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <source>Selebar &amp;layar</source>
        <translation>Fit &amp;width</translation>
    </message>
    <message>
        <source>Sesuaikan dengan lebar layar (Ctrl+0)</source>
        <translation>Fit to width (Ctrl+0)</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>P&amp;rinter:</source>
        <translation>P&amp;rinter:</translation>
    </message>
    <message>
        <source>(tidak ada printer: PDF disimpan lalu dibuka)</source>
        <translation>(no printer: the PDF is saved and opened)</translation>
    </message>
    <message>
        <source>Jumlah salinan</source>
        <translation>Number of copies</translation>
    </message>
    <message>
        <source>&amp;Salinan:</source>
        <translation>&amp;Copies:</translation>
    </message>
    <message>
        <source>&amp;Cetak (Ctrl+P)</source>
        <translation>&amp;Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Simpan &amp;PDF (Ctrl+S)</source>
        <translation>Save P&amp;DF (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Batalkan cetak</source>
        <translation>Cancel pri&amp;nt</translation>
    </message>
    <message>
        <source>Batalkan pencetakan</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <source>&amp;Tutup</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Perbesaran: {0}</source>
        <translation>Zoom: {0}</translation>
    </message>
    <message>
        <source>Mencetak…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>Pekerjaan cetak {0} dibatalkan.</source>
        <translation>Print job {0} cancelled.</translation>
    </message>
    <message>
        <source>Pekerjaan cetak {0} tidak dapat dibatalkan: sudah dicetak.</source>
        <translation>Print job {0} cannot be cancelled: it has already been printed.</translation>
    </message>
    <message>
        <source>Membatalkan…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Dokumen gagal dicetak.</source>
        <translation>The document could not be printed.</translation>
    </message>
    <message>
        <source>PDF tidak dapat disimpan: {0}</source>
        <translation>The PDF could not be saved: {0}</translation>
    </message>
    <message>
        <source>PDF disimpan di {0}.</source>
        <translation>PDF saved to {0}.</translation>
    </message>
</context>
<context>
    <name>PrintActions</name>
    <message>
        <source>Pencetakan</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Dokumen gagal dicetak.</source>
        <translation>The document could not be printed.</translation>
    </message>
    <message>
        <source>Diterbitkan sekarang dengan nomor {0}; tercatat pada riwayat permohonan.</source>
        <translation>Issued now with number {0}; recorded on the request&apos;s timeline.</translation>
    </message>
    <message>
        <source>Cetak ulang surat {0} yang diterbitkan {1} oleh {2}</source>
        <translation>Reprint of letter {0} issued {1} by {2}</translation>
    </message>
    <message>
        <source>NIK, telepon dan email disamarkan sesuai peran Anda.</source>
        <translation>NIK, phone and e-mail masked for your role.</translation>
    </message>
    <message>
        <source>pada kertas {0}, bukan kertas terbitnya ({1}): isi sama, tata letak berbeda.</source>
        <translation>on {0} paper, not the paper it was issued on ({1}): same content, different layout.</translation>
    </message>
    <message>
        <source>identik dengan aslinya.</source>
        <translation>identical to the original.</translation>
    </message>
    <message>
        <source>PERINGATAN: berbeda dari sidik jari aslinya.</source>
        <translation>WARNING: differs from the original&apos;s fingerprint.</translation>
    </message>
    <message>
        <source>Peringatan templat: {0}</source>
        <translation>Template warning: {0}</translation>
    </message>
    <message>
        <source>Register Keberatan {0} s.d. {1}</source>
        <translation>Objection Register {0} to {1}</translation>
    </message>
    <message>
        <source>Register Permohonan {0} s.d. {1}</source>
        <translation>Request Register {0} to {1}</translation>
    </message>
</context>
<context>
    <name>PrintService</name>
    <message>
        <source>Pencetakan dibatalkan.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <source>Dokumen PDF tidak dapat dibaca untuk dicetak.</source>
        <translation>The PDF document cannot be read for printing.</translation>
    </message>
    <message>
        <source>Printer &apos;{0}&apos; tidak dapat dipakai. Periksa apakah printer menyala dan tersambung.</source>
        <translation>Printer &apos;{0}&apos; cannot be used. Check that the printer is switched on and connected.</translation>
    </message>
    <message>
        <source>Printer menolak halaman berikutnya; pencetakan dihentikan.</source>
        <translation>The printer refused the next page; printing stopped.</translation>
    </message>
    <message>
        <source>Halaman {0} tidak dapat digambar untuk dicetak.</source>
        <translation>Page {0} could not be drawn for printing.</translation>
    </message>
    <message>
        <source>Dokumen dikirim ke printer {0} ({1} halaman).</source>
        <translation>Document sent to printer {0} ({1} pages).</translation>
    </message>
    <message>
        <source>Tidak ada printer. PDF disimpan di {0} dan dibuka.</source>
        <translation>No printer. The PDF was saved to {0} and opened.</translation>
    </message>
    <message>
        <source>Tidak ada printer. PDF disimpan di {0}, tetapi tidak dapat dibuka otomatis.</source>
        <translation>No printer. The PDF was saved to {0} but could not be opened automatically.</translation>
    </message>
    <message>
        <source>PDF tidak dapat disimpan di {0}: {1}</source>
        <translation>The PDF could not be saved to {0}: {1}</translation>
    </message>
    <message>
        <source>Printer &apos;{0}&apos; tidak ditemukan.</source>
        <translation>Printer &apos;{0}&apos; was not found.</translation>
    </message>
    <message>
        <source>Gagal mencetak ke printer {0}: {1}</source>
        <translation>Printing to printer {0} failed: {1}</translation>
    </message>
</context>
<context>
    <name>PrintingSettingsPage</name>
    <message>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Kertas</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>Rol 80 mm</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>F4 (folio)</source>
        <translation>F4 (folio)</translation>
    </message>
    <message>
        <source>Kertas: {0}</source>
        <translation>Paper: {0}</translation>
    </message>
    <message>
        <source>Printer: {0}</source>
        <translation>Printer: {0}</translation>
    </message>
    <message>
        <source>Cetak tanda bukti &amp;langsung setelah permohonan disimpan, tanpa pratinjau (bila ada printer)</source>
        <translation>Print the receipt &amp;right after the request is saved, without a preview (when a printer exists)</translation>
    </message>
    <message>
        <source>Cetak tanda bukti langsung setelah penerimaan</source>
        <translation>Print the receipt right after intake</translation>
    </message>
    <message>
        <source>&amp;Simpan pengaturan cetak</source>
        <translation>&amp;Save printing settings</translation>
    </message>
    <message>
        <source>Hanya administrator yang dapat mengubah pengaturan cetak.</source>
        <translation>Only an administrator can change the printing settings.</translation>
    </message>
    <message>
        <source>Tidak ada printer terpasang di komputer ini: dokumen disimpan sebagai PDF dan dibuka.</source>
        <translation>No printer is installed on this computer: documents are saved as PDF and opened.</translation>
    </message>
    <message>
        <source>Printer bawaan komputer ini: {0}</source>
        <translation>Default printer of this computer: {0}</translation>
    </message>
    <message>
        <source>(belum ditentukan)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <source>Printer bawaan</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <source>{0} (tidak ada di komputer ini)</source>
        <translation>{0} (not on this computer)</translation>
    </message>
    <message>
        <source>Pengaturan cetak tersimpan.</source>
        <translation>Printing settings saved.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Belum tersimpan. Coba lagi.</source>
        <translation>Not saved. Try again.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Register Permohonan Informasi</source>
        <translation>Information Request Register</translation>
    </message>
    <message>
        <source>&amp;Cari:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Nama, NIK, nomor pendaftaran atau isi permohonan (Ctrl+F)</source>
        <translation>Name, NIK, registration number or request text (Ctrl+F)</translation>
    </message>
    <message>
        <source>Cari di register</source>
        <translation>Search the register</translation>
    </message>
    <message>
        <source>Memuat register</source>
        <translation>Loading the register</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Masih berjalan</source>
        <translation>Still open</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Semua waktu</source>
        <translation>All time</translation>
    </message>
    <message>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>7 hari terakhir</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Bulan ini</source>
        <translation>This month</translation>
    </message>
    <message>
        <source>Tahun ini</source>
        <translation>This year</translation>
    </message>
    <message>
        <source>Rentang tanggal…</source>
        <translation>Date range…</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>Semua saluran</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Sa&amp;luran:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <source>Semua pemohon</source>
        <translation>All requesters</translation>
    </message>
    <message>
        <source>Perorangan</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Badan hukum</source>
        <translation>Legal entity</translation>
    </message>
    <message>
        <source>Kelompok orang</source>
        <translation>Group of people</translation>
    </message>
    <message>
        <source>&amp;Jenis pemohon:</source>
        <translation>Requester &amp;kind:</translation>
    </message>
    <message>
        <source>Hanya yang &amp;terlambat</source>
        <translation>Only &amp;overdue</translation>
    </message>
    <message>
        <source>Hanya yang terlambat</source>
        <translation>Only overdue</translation>
    </message>
    <message>
        <source>&amp;Kolom</source>
        <translation>&amp;Columns</translation>
    </message>
    <message>
        <source>Pilih kolom</source>
        <translation>Choose columns</translation>
    </message>
    <message>
        <source>&amp;Ekspor</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Ekspor tampilan register</source>
        <translation>Export the register view</translation>
    </message>
    <message>
        <source>CSV (.csv)…</source>
        <translation>CSV (.csv)…</translation>
    </message>
    <message>
        <source>Excel (.xlsx)…</source>
        <translation>Excel (.xlsx)…</translation>
    </message>
    <message>
        <source>Cetak register periode ini…</source>
        <translation>Print the register for this period…</translation>
    </message>
    <message>
        <source>Ekspor hanya untuk supervisor dan administrator.</source>
        <translation>Export is for supervisors and administrators only.</translation>
    </message>
    <message>
        <source>Tabel register permohonan</source>
        <translation>Request register table</translation>
    </message>
    <message>
        <source>{0} permohonan</source>
        <translation>{0} requests</translation>
    </message>
    <message>
        <source>Ekspor register</source>
        <translation>Export register</translation>
    </message>
    <message>
        <source>Berkas CSV (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>{0} baris diekspor ke {1}</source>
        <translation>{0} rows exported to {1}</translation>
    </message>
    <message>
        <source>Ekspor gagal: {0}</source>
        <translation>Export failed: {0}</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>No. Pendaftaran</source>
        <translation>Registration No.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Nomor Kontak</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Informasi yang Diminta</source>
        <translation>Information Requested</translation>
    </message>
    <message>
        <source>Tujuan Penggunaan Informasi</source>
        <translation>Purpose of Use</translation>
    </message>
    <message>
        <source>Di Bawah Penguasaan</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Bentuk Informasi</source>
        <translation>Information Form</translation>
    </message>
    <message>
        <source>Jenis Permohonan</source>
        <translation>Request Type</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Alasan Penolakan</source>
        <translation>Rejection Grounds</translation>
    </message>
    <message>
        <source>Tgl. Pemberitahuan Tertulis</source>
        <translation>Written Notice Date</translation>
    </message>
    <message>
        <source>Tgl. Pemberian Informasi</source>
        <translation>Handover Date</translation>
    </message>
    <message>
        <source>Biaya</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Cara Pembayaran</source>
        <translation>Payment Method</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Jenis Pemohon</source>
        <translation>Requester Kind</translation>
    </message>
    <message>
        <source>Tgl. Lengkap</source>
        <translation>Complete Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Jatuh Tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Sisa Waktu</source>
        <extracomment>The register&apos;s columns that are fields of the field tables, by their register key (``requester_kind`` is the requester&apos;s ``kind``): a code among them reads as the text the table gives it (``options``).</extracomment>
        <translation>Time Left</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Tidak</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Pasal 17 huruf {0}</source>
        <translation>Article 17 letter {0}</translation>
    </message>
    <message>
        <source>Register tidak dapat dibaca.</source>
        <translation>The register could not be read.</translation>
    </message>
    <message>
        <source>memuat…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <source>Terlambat: lewat jatuh tempo {0}</source>
        <translation>Overdue: past the due date {0}</translation>
    </message>
    <message>
        <source>(terlambat)</source>
        <translation>(overdue)</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Laporan Layanan Informasi Publik</source>
        <extracomment>The last city-wide report shown (PPID Utama&apos;s desk, *Seluruh kota* ticked), else None.</extracomment>
        <translation>Public Information Service Report</translation>
    </message>
    <message>
        <source>Laporan disusun oleh supervisor atau administrator. Mintalah mereka bila Anda perlu angka laporan; daftar permohonan ada di halaman Register.</source>
        <translation>The report is prepared by a supervisor or an administrator. Ask them if you need its figures; the list of requests is on the Register page.</translation>
    </message>
    <message>
        <source>&amp;Angka</source>
        <translation>&amp;Figures</translation>
    </message>
    <message>
        <source>Nara&amp;si</source>
        <translation>Narrati&amp;ve</translation>
    </message>
    <message>
        <source>Per ka&amp;ntor</source>
        <translation>By offi&amp;ce</translation>
    </message>
    <message>
        <source>&amp;Periode:</source>
        <translation>Peri&amp;od:</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Contoh: %1</source>
        <translation>For example: %1</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Ekspor P&amp;DF…</source>
        <translation>Export P&amp;DF…</translation>
    </message>
    <message>
        <source>Ekspor &amp;XLSX…</source>
        <translation>Export &amp;XLSX…</translation>
    </message>
    <message>
        <source>&amp;Cetak… (Ctrl+P)</source>
        <translation>&amp;Print… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Seluruh k&amp;ota</source>
        <translation>Whole ci&amp;ty</translation>
    </message>
    <message>
        <source>Laporan semua kantor yang disimpan meja PPID Utama, dengan rincian per kantor dan meja.</source>
        <translation>Report of every office held by the PPID Utama desk, with a breakdown by office and desk.</translation>
    </message>
    <message>
        <source>Permohonan per bulan</source>
        <translation>Requests per month</translation>
    </message>
    <message>
        <source>Pilih angka di kiri untuk melihat permohonannya.</source>
        <translation>Choose a figure on the left to see its requests.</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Hasil</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Hari kerja</source>
        <translation>Working days</translation>
    </message>
    <message>
        <source>Permohonan di balik angka</source>
        <translation>Requests behind the figure</translation>
    </message>
    <message>
        <source>Simpan &amp;narasi (Ctrl+S)</source>
        <translation>Save &amp;narrative (Ctrl+S)</translation>
    </message>
    <message>
        <source>Memuat %1…</source>
        <translation>Loading %1…</translation>
    </message>
    <message>
        <source>%1 — %2 permohonan</source>
        <translation>%1 — %2 requests</translation>
    </message>
    <message>
        <source>Narasi laporan tahun %1</source>
        <translation>Report narrative for %1</translation>
    </message>
    <message>
        <source>Narasi tahun %1 disimpan.</source>
        <translation>Narrative for %1 saved.</translation>
    </message>
    <message>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Ekspor laporan</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <source>Laporan disimpan ke %1</source>
        <translation>Report saved to %1</translation>
    </message>
    <message>
        <source>Tahun %1</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <source>Semester %1 Tahun %2</source>
        <translation>Semester %1 of %2</translation>
    </message>
    <message>
        <source>Triwulan %1 Tahun %2</source>
        <translation>Quarter %1 of %2</translation>
    </message>
    <message>
        <source>%1 s.d. %2</source>
        <translation>%1 to %2</translation>
    </message>
</context>
<context>
    <name>RequestDetails</name>
    <message>
        <source>Perorangan</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Badan hukum</source>
        <translation>Legal entity</translation>
    </message>
    <message>
        <source>Kelompok orang</source>
        <translation>Group of people</translation>
    </message>
    <message>
        <source>Jenis pemohon</source>
        <translation>Requester kind</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>No. SK pengesahan</source>
        <translation>Registration decree no.</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Kuasa</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Petugas penerima</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>Rincian informasi</source>
        <translation>Information requested</translation>
    </message>
    <message>
        <source>Tujuan penggunaan</source>
        <translation>Purpose of use</translation>
    </message>
    <message>
        <source>Cara memperoleh</source>
        <translation>How to obtain</translation>
    </message>
    <message>
        <source>Cara mendapatkan salinan</source>
        <translation>How to receive copies</translation>
    </message>
    <message>
        <source>Berkas diterima</source>
        <translation>Documents received</translation>
    </message>
    <message>
        <source>Dinyatakan lengkap</source>
        <translation>Declared complete</translation>
    </message>
    <message>
        <source>Kekurangan</source>
        <translation>Missing items</translation>
    </message>
    <message>
        <source>Alasan perpanjangan</source>
        <translation>Extension reason</translation>
    </message>
    <message>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Tanggal pemberitahuan</source>
        <translation>Notice date</translation>
    </message>
    <message>
        <source>Bentuk informasi</source>
        <translation>Information form</translation>
    </message>
    <message>
        <source>Alasan penghitaman</source>
        <translation>Redaction reason</translation>
    </message>
    <message>
        <source>Badan publik yang menguasai</source>
        <translation>Public body holding it</translation>
    </message>
    <message>
        <source>Biaya</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>Cara pembayaran</source>
        <translation>Payment method</translation>
    </message>
    <message>
        <source>Dasar penolakan</source>
        <translation>Rejection basis</translation>
    </message>
    <message>
        <source>Uji konsekuensi</source>
        <translation>Consequence test</translation>
    </message>
    <message>
        <source>Diteruskan ke</source>
        <translation>Forwarded to</translation>
    </message>
    <message>
        <source>Informasi diserahkan</source>
        <translation>Information handed over</translation>
    </message>
    <message>
        <source>Ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Pemohon</source>
        <extracomment>Each pane&apos;s sections in order, with their titles (translated under the pane&apos;s context).</extracomment>
        <translation>Requester</translation>
    </message>
    <message>
        <source>Permohonan</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Keputusan dan penyelesaian</source>
        <translation>Decision and resolution</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>← &amp;Register</source>
        <translation>← &amp;Register</translation>
    </message>
    <message>
        <source>Kembali ke register</source>
        <translation>Back to the register</translation>
    </message>
    <message>
        <source>Permohonan ini telah diteruskan oleh PPID kota ke kantor lain; tindak lanjutnya dicatat di kantor tujuan. Di meja ini berkasnya hanya dapat dilihat dan suratnya dicetak ulang.</source>
        <translation>The city PPID has forwarded this request to another office; its next steps are recorded there. On this desk the file can only be viewed and its letters reprinted.</translation>
    </message>
    <message>
        <source>Tenggat</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Keberatan</source>
        <translation>Objections</translation>
    </message>
    <message>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Petugas</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Peristiwa</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Riwayat permohonan</source>
        <translation>Request history</translation>
    </message>
    <message>
        <source>Permohonan tidak dapat dibuka.</source>
        <translation>The request could not be opened.</translation>
    </message>
    <message>
        <source>Permohonan nomor {0}</source>
        <translation>Request number {0}</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <source>Pemeriksaan kelengkapan</source>
        <extracomment>What each deadline is called where people read it (the CLI, the request and keberatan pages, the dossier): one name per kind, never the code. Marked for translation under the page that shows it.</extracomment>
        <translation>Completeness check</translation>
    </message>
    <message>
        <source>Pemohon melengkapi</source>
        <translation>Requester completion</translation>
    </message>
    <message>
        <source>Pemberitahuan tertulis</source>
        <translation>Written notice</translation>
    </message>
    <message>
        <source>Setelah perpanjangan</source>
        <translation>After extension</translation>
    </message>
    <message>
        <source>Batas mengajukan keberatan</source>
        <translation>Objection filing due</translation>
    </message>
    <message>
        <source>Mengapa tanggal ini?</source>
        <translation>Why this date?</translation>
    </message>
    <message>
        <source>Mengapa tanggal ini? ({0})</source>
        <translation>Why this date? ({0})</translation>
    </message>
    <message>
        <source>Buka keberatan {0}</source>
        <translation>Open objection {0}</translation>
    </message>
    <message>
        <source>Ajukan &amp;keberatan</source>
        <translation>File an &amp;objection</translation>
    </message>
    <message>
        <source>Teruskan ke kantor &amp;lain</source>
        <translation>Route to another o&amp;ffice</translation>
    </message>
    <message>
        <source>&amp;Cetak surat</source>
        <translation>&amp;Print letter</translation>
    </message>
    <message>
        <source>Cetak surat permohonan ini</source>
        <translation>Print this request&apos;s letters</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Teruskan ke kantor lain — {0}</source>
        <translation>Route to another office — {0}</translation>
    </message>
    <message>
        <source>Teruskan ke kantor lain</source>
        <translation>Route to another office</translation>
    </message>
    <message>
        <source>Permohonan dipindahkan ke kantor tujuan dan sampai di sana pada sinkronisasi berikutnya. Status dan tenggat tidak berubah.</source>
        <translation>The request moves to the chosen office and reaches it at the next sync. Its status and deadlines do not change.</translation>
    </message>
    <message>
        <source>Kantor saat ini:</source>
        <translation>Current office:</translation>
    </message>
    <message>
        <source>Kantor tujuan</source>
        <translation>Destination office</translation>
    </message>
    <message>
        <source>&amp;Perbarui daftar</source>
        <translation>&amp;Refresh list</translation>
    </message>
    <message>
        <source>Perbarui daftar kantor dari server kota</source>
        <translation>Refresh the office list from the city server</translation>
    </message>
    <message>
        <source>Kantor &amp;tujuan:</source>
        <translation>&amp;Destination office:</translation>
    </message>
    <message>
        <source>&amp;Alasan:</source>
        <translation>Re&amp;ason:</translation>
    </message>
    <message>
        <source>&amp;Waktu diteruskan:</source>
        <translation>&amp;Time routed:</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Daftar kantor dari server kota: {0}</source>
        <translation>Office list from the city server: {0}</translation>
    </message>
    <message>
        <source>Belum ada kantor tujuan. Sambungkan ke server kota lalu pilih Perbarui daftar.</source>
        <translation>No destination office yet. Connect to the city server, then choose Refresh list.</translation>
    </message>
    <message>
        <source>Daftar kantor tidak dapat dimuat.</source>
        <translation>The office list could not be loaded.</translation>
    </message>
    <message>
        <source>Belum tersimpan. Coba lagi.</source>
        <translation>Not saved. Try again.</translation>
    </message>
</context>
<context>
    <name>SectionCard</name>
    <message>
        <source>Tidak ada.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>… dan %1 lainnya (lihat Register)</source>
        <translation>… and %1 more (see the Register)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Bagian pengaturan</source>
        <translation>Settings sections</translation>
    </message>
    <message>
        <source>Profil &amp;&amp; kop surat</source>
        <translation>Profile &amp;&amp; letterhead</translation>
    </message>
    <message>
        <source>Pejabat</source>
        <translation>Officials</translation>
    </message>
    <message>
        <source>Penomoran</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <source>Kalender hari kerja</source>
        <translation>Working-day calendar</translation>
    </message>
    <message>
        <source>Daftar informasi</source>
        <translation>Information lists</translation>
    </message>
    <message>
        <source>Pengguna &amp;&amp; peran</source>
        <translation>Users &amp;&amp; roles</translation>
    </message>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Log audit</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Pencetakan</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Tampilan &amp;&amp; bahasa</source>
        <translation>Display &amp;&amp; language</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Penyiapan PPID Desk</source>
        <translation>PPID Desk set-up</translation>
    </message>
    <message>
        <source>&lt; Kembali</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>PPID (Pelaksana)</source>
        <translation>PPID (Executive)</translation>
    </message>
    <message>
        <source>Atasan PPID</source>
        <translation>PPID superior</translation>
    </message>
    <message>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <source>Data badan publik yang tercetak pada surat dan tanda terima.</source>
        <translation>Public body details printed on letters and receipts.</translation>
    </message>
    <message>
        <source>Kop surat</source>
        <translation>Letterhead</translation>
    </message>
    <message>
        <source>Baris kop surat dan logo yang dicetak di bagian atas setiap surat.</source>
        <translation>Letterhead lines and logo printed at the top of every letter.</translation>
    </message>
    <message>
        <source>Pejabat</source>
        <translation>Officials</translation>
    </message>
    <message>
        <source>Penanda tangan surat. Dapat dilengkapi nanti di Pengaturan.</source>
        <translation>Letter signatories. Can be completed later in Settings.</translation>
    </message>
    <message>
        <source>Penomoran</source>
        <translation>Numbering</translation>
    </message>
    <message>
        <source>Pola nomor registrasi, keberatan dan surat.</source>
        <translation>Patterns of registration, objection and letter numbers.</translation>
    </message>
    <message>
        <source>Akun administrator</source>
        <translation>Administrator account</translation>
    </message>
    <message>
        <source>Akun pertama untuk masuk dan menambah petugas lain.</source>
        <translation>The first account, to sign in and add other officers.</translation>
    </message>
    <message>
        <source>Nama kantor wajib diisi.</source>
        <translation>Office name is required.</translation>
    </message>
    <message>
        <source>Nama pejabat wajib diisi.</source>
        <translation>The official&apos;s name is required.</translation>
    </message>
    <message>
        <source>Jabatan wajib diisi.</source>
        <translation>Position is required.</translation>
    </message>
    <message>
        <source>NIP harus 18 digit.</source>
        <translation>NIP must have 18 digits.</translation>
    </message>
    <message>
        <source>Data pejabat belum benar; perbaiki di Pengaturan › Pejabat.</source>
        <translation>Official details are not valid; fix them in Settings › Officials.</translation>
    </message>
    <message>
        <source>Kantor sudah tersimpan; lengkapi sisanya di Pengaturan.</source>
        <translation>The office is saved; complete the rest in Settings.</translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <source>Dicoba lagi otomatis; data yang belum terkirim tetap aman di meja ini.</source>
        <translation>Retried automatically; data not yet sent stays safe on this desk.</translation>
    </message>
    <message>
        <source>Minta kode pendaftaran baru ke admin kota, lalu administrator kantor mendaftarkan ulang meja ini di Pengaturan › Sinkronisasi.</source>
        <translation>Ask the city admin for a new enrollment code, then the office administrator enrolls this desk again in Settings › Sync.</translation>
    </message>
    <message>
        <source>Minta kode pendaftaran baru ke admin kota (kode berlaku sekali dan 24 jam).</source>
        <translation>Ask the city admin for a new enrollment code (a code works once, for 24 hours).</translation>
    </message>
    <message>
        <source>Tidak ada jaringan atau server kota tidak terjangkau</source>
        <translation>No network, or the city server cannot be reached</translation>
    </message>
    <message>
        <source>Periksa sambungan internet komputer ini. Data yang belum terkirim tetap aman di meja ini dan dikirim otomatis begitu tersambung.</source>
        <translation>Check this computer&apos;s internet connection. Data not yet sent stays safe on this desk and is sent automatically once connected.</translation>
    </message>
    <message>
        <source>Token perangkat disimpan di penyimpanan rahasia sistem, tidak pernah dalam berkas biasa. Di Windows/macOS pastikan layanan kredensial berjalan; di Linux pasang dan jalankan Secret Service (mis. gnome-keyring) atau pilih backend lewat variabel PYTHON_KEYRING_BACKEND.</source>
        <translation>The device token is kept in the system&apos;s secret store, never in an ordinary file. On Windows/macOS make sure the credential service is running; on Linux install and run a Secret Service (e.g. gnome-keyring) or choose a backend with the PYTHON_KEYRING_BACKEND variable.</translation>
    </message>
    <message>
        <source>Server kota tidak menjawab tepat waktu (jaringan lambat atau putus)</source>
        <translation>The city server did not answer in time (slow or broken network)</translation>
    </message>
    <message>
        <source>Jaringan ini meminta login dulu (Wi-Fi umum?)</source>
        <translation>This network asks for a login first (public Wi-Fi?)</translation>
    </message>
    <message>
        <source>Buka peramban, selesaikan login jaringan, lalu sinkronkan lagi.</source>
        <translation>Open a web browser, complete the network login, then sync again.</translation>
    </message>
    <message>
        <source>Sertifikat server kota tidak dapat diverifikasi</source>
        <translation>The city server&apos;s certificate cannot be verified</translation>
    </message>
    <message>
        <source>Periksa alamat server. Bila kota memakai CA sendiri, minta berkas sertifikat CA ke admin kota dan daftarkan ulang meja dengan berkas itu.</source>
        <translation>Check the server address. If the city uses its own CA, ask the city admin for the CA certificate file and enroll the desk again with it.</translation>
    </message>
    <message>
        <source>Jam komputer ini salah, sertifikat server ditolak</source>
        <translation>This computer&apos;s clock is wrong; the server certificate was refused</translation>
    </message>
    <message>
        <source>Betulkan tanggal dan jam komputer, lalu sinkronkan lagi.</source>
        <translation>Correct the computer&apos;s date and time, then sync again.</translation>
    </message>
    <message>
        <source>Token perangkat tidak berlaku lagi</source>
        <translation>The device token is no longer valid</translation>
    </message>
    <message>
        <source>Token perangkat tidak ditemukan</source>
        <translation>The device token is missing</translation>
    </message>
    <message>
        <source>Token perangkat dicabut oleh admin kota</source>
        <translation>The device token was revoked by the city admin</translation>
    </message>
    <message>
        <source>Hubungi PPID Utama kota. Bila meja ini boleh bergabung lagi, minta kode pendaftaran baru dan daftarkan ulang di Pengaturan › Sinkronisasi.</source>
        <translation>Contact the city&apos;s PPID Utama. If this desk may join again, ask for a new enrollment code and enroll again in Settings › Sync.</translation>
    </message>
    <message>
        <source>Versi aplikasi terlalu lama: perbarui aplikasi</source>
        <translation>This version of the app is too old: update the app</translation>
    </message>
    <message>
        <source>Pasang versi PPID Desk terbaru. Operasi yang menunggu tetap tersimpan dan dikirim setelah aplikasi diperbarui.</source>
        <translation>Install the latest PPID Desk. Waiting operations stay saved and are sent once the app is updated.</translation>
    </message>
    <message>
        <source>Belum terdaftar ke server kota</source>
        <translation>Not enrolled with the city server</translation>
    </message>
    <message>
        <source>Administrator kantor mendaftarkan meja ini di Pengaturan › Sinkronisasi dengan kode sekali pakai dari admin kota. Sampai itu, semua data tetap tersimpan di meja ini.</source>
        <translation>The office administrator enrolls this desk in Settings › Sync with a one-time code from the city admin. Until then, all data stays saved on this desk.</translation>
    </message>
    <message>
        <source>Penyimpanan rahasia sistem (keyring) tidak tersedia</source>
        <translation>The system secret store (keyring) is not available</translation>
    </message>
    <message>
        <source>Server menolak kiriman: ada data milik kantor lain</source>
        <translation>The server refused the upload: it touched another office&apos;s data</translation>
    </message>
    <message>
        <source>Tidak ada yang diterapkan di server. Hubungi admin kota dengan waktu kejadian ini.</source>
        <translation>Nothing was applied on the server. Contact the city admin with the time this happened.</translation>
    </message>
    <message>
        <source>Alamat server harus memakai https://</source>
        <translation>The server address must use https://</translation>
    </message>
    <message>
        <source>http:// hanya boleh untuk server di komputer ini sendiri (localhost).</source>
        <translation>http:// is allowed only for a server on this very computer (localhost).</translation>
    </message>
    <message>
        <source>Kode pendaftaran tidak dikenal</source>
        <translation>Unknown enrollment code</translation>
    </message>
    <message>
        <source>Periksa ketikan kode (spasi, tanda hubung dan huruf besar/kecil tidak berpengaruh).</source>
        <translation>Check how the code was typed (spaces, dashes and upper/lower case do not matter).</translation>
    </message>
    <message>
        <source>Kode pendaftaran sudah dipakai</source>
        <translation>The enrollment code has already been used</translation>
    </message>
    <message>
        <source>Kode pendaftaran sudah kedaluwarsa</source>
        <translation>The enrollment code has expired</translation>
    </message>
    <message>
        <source>Kode pendaftaran ini untuk kantor lain</source>
        <translation>This enrollment code is for another office</translation>
    </message>
    <message>
        <source>Minta ke admin kota kode untuk kantor meja ini.</source>
        <translation>Ask the city admin for a code for this desk&apos;s office.</translation>
    </message>
    <message>
        <source>Huruf meja untuk kantor ini sudah habis</source>
        <translation>This office has run out of desk letters</translation>
    </message>
    <message>
        <source>Hubungi admin kota.</source>
        <translation>Contact the city admin.</translation>
    </message>
    <message>
        <source>Kesalahan internal sinkronisasi</source>
        <translation>Internal sync error</translation>
    </message>
    <message>
        <source>Dicoba lagi otomatis. Bila terus terjadi, berikan berkas di folder logs pada folder data kepada administrator.</source>
        <translation>Retried automatically. If it keeps happening, give the files in the logs folder of the data folder to the administrator.</translation>
    </message>
    <message>
        <source>Server kota sedang bermasalah</source>
        <translation>The city server is having trouble</translation>
    </message>
    <message>
        <source>Dicoba lagi otomatis. Bila berlangsung lama, beri tahu admin kota.</source>
        <translation>Retried automatically. If it lasts long, tell the city admin.</translation>
    </message>
    <message>
        <source>Kiriman rusak di jalan; tidak ada yang diterapkan</source>
        <translation>The upload was damaged on the way; nothing was applied</translation>
    </message>
    <message>
        <source>Aplikasi dan server kota tidak sepaham</source>
        <translation>The app and the city server do not understand each other</translation>
    </message>
    <message>
        <source>Periksa apakah ada versi PPID Desk yang lebih baru; bila tidak, hubungi admin kota.</source>
        <translation>Check whether a newer PPID Desk exists; if not, contact the city admin.</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal</source>
        <extracomment>The server refuses another office&apos;s code before spending it (``enroll_office_mismatch``): the same words as the desk&apos;s own check, which reads the office from the server&apos;s list first.</extracomment>
        <translation>Sync failed</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Sinkronisasi</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>&amp;Sinkronkan sekarang</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>Kirim operasi yang menunggu dan tarik perubahan (Ctrl+Shift+S)</source>
        <translation>Send waiting operations and fetch changes (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Sedang menyinkronkan</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>Buka Pengaturan › Sinkronisasi</source>
        <translation>Open Settings › Sync</translation>
    </message>
    <message>
        <source>Server kota:</source>
        <translation>City server:</translation>
    </message>
    <message>
        <source>Kantor:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>Huruf meja:</source>
        <translation>Desk letter:</translation>
    </message>
    <message>
        <source>Cakupan:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>Sinkron terakhir berhasil:</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <source>Kesalahan terakhir:</source>
        <translation>Last error:</translation>
    </message>
    <message>
        <source>Operasi menunggu dikirim:</source>
        <translation>Operations waiting to be sent:</translation>
    </message>
    <message>
        <source>Konflik perlu ditinjau:</source>
        <translation>Conflicts to review:</translation>
    </message>
    <message>
        <source>Data dikarantina:</source>
        <translation>Quarantined data:</translation>
    </message>
    <message>
        <source>Jam komputer:</source>
        <translation>Computer clock:</translation>
    </message>
    <message>
        <source>Menyinkronkan…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>Selesai: %1 operasi dikirim, %2 data diterima, %3 konflik baru.</source>
        <translation>Done: %1 operations sent, %2 records received, %3 new conflicts.</translation>
    </message>
    <message>
        <source>Gagal: %1. %2</source>
        <translation>Failed: %1. %2</translation>
    </message>
    <message>
        <source>PPID kota: semua kantor</source>
        <translation>City PPID: every office</translation>
    </message>
    <message>
        <source>Kantor sendiri</source>
        <translation>Own office</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <source>belum diperiksa (diperiksa saat sinkronisasi)</source>
        <translation>not checked yet (checked during sync)</translation>
    </message>
    <message>
        <source>berbeda %1 dengan server kota: betulkan tanggal dan jam komputer</source>
        <translation>off by %1 from the city server: correct the computer&apos;s date and time</translation>
    </message>
    <message>
        <source>sesuai dengan server kota</source>
        <translation>matches the city server</translation>
    </message>
    <message>
        <source>%1 data dari server tidak dapat disimpan meja ini</source>
        <translation>%1 item(s) from the server could not be stored on this desk</translation>
    </message>
</context>
<context>
    <name>SyncSettingsPanel</name>
    <message>
        <source>Keadaan pendaftaran</source>
        <translation>Enrollment</translation>
    </message>
    <message>
        <source>Membaca keadaan…</source>
        <translation>Reading the state…</translation>
    </message>
    <message>
        <source>Daftarkan meja ini ke server kota</source>
        <translation>Enroll this desk with the city server</translation>
    </message>
    <message>
        <source>Minta kode pendaftaran sekali pakai ke admin PPID kota (ppid-server enroll-code), lalu isi alamat server dan kode itu. Nomor registrasi yang sudah terbit tetap berlaku.</source>
        <translation>Ask the city PPID admin for a one-time enrollment code (ppid-server enroll-code), then enter the server address and that code. Registration numbers already issued stay valid.</translation>
    </message>
    <message>
        <source>Alamat &amp;server:</source>
        <translation>&amp;Server address:</translation>
    </message>
    <message>
        <source>Harus https://; http:// hanya untuk server di komputer ini.</source>
        <translation>Must be https://; http:// only for a server on this computer.</translation>
    </message>
    <message>
        <source>&amp;Kode pendaftaran:</source>
        <translation>Enrollment &amp;code:</translation>
    </message>
    <message>
        <source>Berlaku sekali, 24 jam.</source>
        <translation>Works once, for 24 hours.</translation>
    </message>
    <message>
        <source>&amp;Pilih berkas…</source>
        <translation>C&amp;hoose file…</translation>
    </message>
    <message>
        <source>Sertifikat &amp;CA kota:</source>
        <translation>City C&amp;A certificate:</translation>
    </message>
    <message>
        <source>Boleh kosong; isi hanya bila admin kota memberi berkas sertifikat CA sendiri.</source>
        <translation>May be empty; fill in only if the city admin gave you its own CA certificate file.</translation>
    </message>
    <message>
        <source>&amp;Nama meja:</source>
        <translation>Desk &amp;name:</translation>
    </message>
    <message>
        <source>Terlihat oleh admin kota, mis. “meja depan”.</source>
        <translation>Seen by the city admin, e.g. “front desk”.</translation>
    </message>
    <message>
        <source>&amp;Daftarkan meja ini</source>
        <translation>&amp;Enroll this desk</translation>
    </message>
    <message>
        <source>Sedang mendaftarkan</source>
        <translation>Enrolling</translation>
    </message>
    <message>
        <source>Meja ini belum terdaftar ke server kota.</source>
        <translation>This desk is not enrolled with the city server.</translation>
    </message>
    <message>
        <source>PPID kota (melihat semua kantor)</source>
        <translation>city PPID (sees every office)</translation>
    </message>
    <message>
        <source>kantor</source>
        <translation>office</translation>
    </message>
    <message>
        <source>Terdaftar ke %1 sebagai %2 %3 (%4), huruf meja %5. Sinkron terakhir yang berhasil: %6.</source>
        <translation>Enrolled with %1 as %2 %3 (%4), desk letter %5. Last successful sync: %6.</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>&amp;Daftarkan ulang</source>
        <translation>&amp;Enroll again</translation>
    </message>
    <message>
        <source>Sertifikat CA kota</source>
        <translation>City CA certificate</translation>
    </message>
    <message>
        <source>Sertifikat (*.pem *.crt *.cer);;Semua berkas (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Alamat server wajib diisi.</source>
        <translation>The server address is required.</translation>
    </message>
    <message>
        <source>Kode pendaftaran wajib diisi.</source>
        <translation>The enrollment code is required.</translation>
    </message>
    <message>
        <source>Berkas sertifikat tidak ditemukan.</source>
        <translation>Certificate file not found.</translation>
    </message>
    <message>
        <source>Menghubungi server kota…</source>
        <translation>Contacting the city server…</translation>
    </message>
    <message>
        <source>Meja terdaftar ke %1 sebagai kantor %2, huruf meja %3. Nomor yang sudah terbit tetap berlaku.</source>
        <translation>Desk enrolled with %1 as office %2, desk letter %3. Numbers already issued stay valid.</translation>
    </message>
    <message>
        <source>Berkas sertifikat CA tidak dapat dibaca.</source>
        <translation>The CA certificate file cannot be read.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>baru saja</source>
        <translation>just now</translation>
    </message>
    <message>
        <source>%1 menit lalu</source>
        <translation>%1 min ago</translation>
    </message>
    <message>
        <source>%1 jam lalu</source>
        <translation>%1 h ago</translation>
    </message>
    <message>
        <source>%1 hari lalu</source>
        <translation>%1 days ago</translation>
    </message>
    <message>
        <source>%1 hari</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>%1 jam</source>
        <translation>%1 hours</translation>
    </message>
    <message>
        <source>%1 menit</source>
        <translation>%1 minutes</translation>
    </message>
</context>
<context>
    <name>SyncStatusButton</name>
    <message>
        <source>Status sinkronisasi</source>
        <translation>Sync status</translation>
    </message>
    <message>
        <source>Sinkronisasi: membaca keadaan…</source>
        <translation>Sync: reading the state…</translation>
    </message>
    <message>
        <source>Klik untuk membuka halaman Sinkronisasi (Ctrl+5); Ctrl+Shift+S menyinkronkan sekarang.</source>
        <translation>Click to open the Sync page (Ctrl+5); Ctrl+Shift+S syncs now.</translation>
    </message>
    <message>
        <source>%1 menunggu · %2 konflik</source>
        <translation>%1 waiting · %2 conflicts</translation>
    </message>
    <message>
        <source>Sinkron terakhir yang berhasil: %1</source>
        <translation>Last successful sync: %1</translation>
    </message>
    <message>
        <source>belum pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Operasi menunggu dikirim: %1</source>
        <translation>Operations waiting to be sent: %1</translation>
    </message>
    <message>
        <source>Sinkronisasi: %1 · %2 menunggu</source>
        <translation>Sync: %1 · %2 waiting</translation>
    </message>
    <message>
        <source>Konflik menunggu ditinjau supervisor: %1</source>
        <translation>Conflicts waiting for a supervisor: %1</translation>
    </message>
    <message>
        <source>Menyinkronkan… · %1</source>
        <translation>Syncing… · %1</translation>
    </message>
    <message>
        <source>Sinkronisasi gagal: %1 · %2</source>
        <translation>Sync failed: %1 · %2</translation>
    </message>
    <message>
        <source>Sinkron %1 · %2</source>
        <translation>Synced %1 · %2</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>sisa {0} hari kerja</source>
        <translation>{0} working days left</translation>
    </message>
    <message>
        <source>jatuh tempo hari ini</source>
        <translation>due today</translation>
    </message>
    <message>
        <source>terlambat {0} hari kerja</source>
        <translation>{0} working days overdue</translation>
    </message>
    <message>
        <source>Menunggu verifikasi kelengkapan</source>
        <translation>Awaiting completeness check</translation>
    </message>
    <message>
        <source>Tidak lengkap (menunggu pemohon)</source>
        <translation>Incomplete (awaiting the requester)</translation>
    </message>
    <message>
        <source>Diproses</source>
        <translation>In process</translation>
    </message>
    <message>
        <source>Diperpanjang</source>
        <translation>Extended</translation>
    </message>
    <message>
        <source>Pemberitahuan tertulis dikirim</source>
        <translation>Written notice sent</translation>
    </message>
    <message>
        <source>Ditolak</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Diteruskan ke badan publik lain</source>
        <extracomment>The city-wide report marks a desk that has not reached the city server for this many days as quiet. Every outcome of a request, in the order of the report&apos;s tables, with its Indonesian label.</extracomment>
        <translation>Forwarded to another public body</translation>
    </message>
    <message>
        <source>Informasi diserahkan</source>
        <translation>Information handed over</translation>
    </message>
    <message>
        <source>Selesai</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Tidak dapat diproses</source>
        <translation>Not processable</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Permohonan diterima</source>
        <extracomment>States in which the response clock is running (used for &quot;overdue&quot;).</extracomment>
        <translation>Request received</translation>
    </message>
    <message>
        <source>Dinyatakan lengkap</source>
        <translation>Declared complete</translation>
    </message>
    <message>
        <source>Dinyatakan tidak lengkap</source>
        <translation>Declared incomplete</translation>
    </message>
    <message>
        <source>Perpanjangan waktu</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>Pemberitahuan tertulis</source>
        <translation>Written notice</translation>
    </message>
    <message>
        <source>Penolakan (Pasal 17)</source>
        <translation>Rejection (Article 17)</translation>
    </message>
    <message>
        <source>Penyerahan informasi</source>
        <translation>Handover of information</translation>
    </message>
    <message>
        <source>Ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Dibatalkan</source>
        <translation>Voided</translation>
    </message>
    <message>
        <source>Koreksi data</source>
        <translation>Correct data</translation>
    </message>
    <message>
        <source>Tutup</source>
        <extracomment>What an action&apos;s button says: a command, where the timeline&apos;s label above names what happened (&quot;Dibatalkan&quot; on the timeline, *Batalkan* on the button).
----------
What a keberatan action&apos;s button says (a command; see ``ACTION_BUTTON_LABELS``).</extracomment>
        <translation>Close</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Diterima sebagian</source>
        <translation>Partly granted</translation>
    </message>
    <message>
        <source>Informasi tidak dikuasai</source>
        <translation>Information not held</translation>
    </message>
    <message>
        <source>Informasi belum didokumentasikan</source>
        <translation>Information not yet documented</translation>
    </message>
    <message>
        <source>Informasi yang diminta belum dikuasai</source>
        <extracomment>Decisions after which information is handed over (berita acara) before closing.</extracomment>
        <translation>The requested information is not yet held</translation>
    </message>
    <message>
        <source>Informasi yang diminta belum didokumentasikan</source>
        <translation>The requested information is not yet documented</translation>
    </message>
    <message>
        <source>Belum dapat diputuskan apakah informasi termasuk yang dikecualikan</source>
        <translation>Not yet decided whether the information is exempt</translation>
    </message>
    <message>
        <source>Datang langsung</source>
        <extracomment>UU 14/2008 Pasal 17 huruf a–j.</extracomment>
        <translation>In person</translation>
    </message>
    <message>
        <source>Surat / pos</source>
        <translation>Letter / post</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Website / aplikasi</source>
        <translation>Website / app</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Melihat / membaca / mendengarkan / mencatat</source>
        <translation>View / read / listen / take notes</translation>
    </message>
    <message>
        <source>Mendapatkan salinan (hardcopy)</source>
        <translation>Get a copy (hardcopy)</translation>
    </message>
    <message>
        <source>Mendapatkan salinan (softcopy)</source>
        <translation>Get a copy (softcopy)</translation>
    </message>
    <message>
        <source>Mengambil langsung</source>
        <translation>Collect in person</translation>
    </message>
    <message>
        <source>Kurir</source>
        <translation>Courier</translation>
    </message>
    <message>
        <source>Pos</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Faksimili</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>Softcopy</source>
        <translation>Softcopy</translation>
    </message>
    <message>
        <source>Hardcopy</source>
        <translation>Hardcopy</translation>
    </message>
    <message>
        <source>Terdaftar (menunggu tanggapan Atasan PPID)</source>
        <translation>Registered (awaiting the PPID superior)</translation>
    </message>
    <message>
        <source>Sudah ditanggapi Atasan PPID</source>
        <translation>Answered by the PPID superior</translation>
    </message>
    <message>
        <source>Sengketa di Komisi Informasi</source>
        <translation>Dispute at the Information Commission</translation>
    </message>
    <message>
        <source>Keputusan Atasan PPID</source>
        <translation>PPID superior&apos;s decision</translation>
    </message>
    <message>
        <source>Tanggapan pemohon</source>
        <translation>Requester&apos;s response</translation>
    </message>
    <message>
        <source>Sengketa diajukan ke Komisi Informasi</source>
        <translation>Dispute filed with the Information Commission</translation>
    </message>
    <message>
        <source>Putusan / hasil sengketa</source>
        <translation>Ruling / dispute outcome</translation>
    </message>
    <message>
        <source>Keberatan dikabulkan</source>
        <extracomment>UU 14/2008 Pasal 35 ayat (1) huruf a–g.</extracomment>
        <translation>Objection granted</translation>
    </message>
    <message>
        <source>Keberatan dikabulkan sebagian</source>
        <translation>Objection partly granted</translation>
    </message>
    <message>
        <source>Keberatan ditolak (menguatkan keputusan PPID)</source>
        <translation>Objection rejected (the PPID&apos;s decision stands)</translation>
    </message>
    <message>
        <source>Mediasi berhasil</source>
        <translation>Mediation succeeded</translation>
    </message>
    <message>
        <source>Putusan: permohonan dikabulkan</source>
        <translation>Ruling: request granted</translation>
    </message>
    <message>
        <source>Putusan: dikabulkan sebagian</source>
        <translation>Ruling: partly granted</translation>
    </message>
    <message>
        <source>Putusan: permohonan ditolak</source>
        <translation>Ruling: request rejected</translation>
    </message>
    <message>
        <source>Dicabut oleh pemohon</source>
        <translation>Withdrawn by the requester</translation>
    </message>
    <message>
        <source>Gugur</source>
        <translation>Lapsed</translation>
    </message>
    <message>
        <source>Perorangan</source>
        <extracomment>The requester&apos;s fields each request records as given at its intake (``requests.requester_recorded``, app/services/identity.py); the NIK itself only in its masked form. UU 14/2008 Pasal 1 angka 12: a requester is a warga negara, a badan hukum or a kelompok orang.</extracomment>
        <translation>Individual</translation>
    </message>
    <message>
        <source>Badan hukum</source>
        <translation>Legal entity</translation>
    </message>
    <message>
        <source>Kelompok orang</source>
        <translation>Group of people</translation>
    </message>
    <message>
        <source>Fotokopi KTP</source>
        <translation>Copy of ID card (KTP)</translation>
    </message>
    <message>
        <source>Akta pendirian / AD</source>
        <translation>Deed of establishment / articles</translation>
    </message>
    <message>
        <source>SK pengesahan Kemenkumham</source>
        <translation>Ministry of Law approval decree</translation>
    </message>
    <message>
        <source>Surat kuasa</source>
        <translation>Power of attorney</translation>
    </message>
    <message>
        <source>Tidak dapat diproses (tidak dilengkapi)</source>
        <translation>Not processable (not completed)</translation>
    </message>
    <message>
        <source>Belum selesai pada akhir periode</source>
        <translation>Not finished at the end of the period</translation>
    </message>
    <message>
        <source>Belum diputus pada akhir periode</source>
        <translation>Not decided at the end of the period</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>&amp;Buka kunci</source>
        <translation>Unloc&amp;k</translation>
    </message>
    <message>
        <source>Akun terkunci sementara karena kata sandi berulang kali salah.</source>
        <translation>The account is locked for a while after repeated wrong passwords.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Terakhir masuk</source>
        <translation>Last sign-in</translation>
    </message>
    <message>
        <source>Daftar pengguna</source>
        <translation>User list</translation>
    </message>
    <message>
        <source>Pengguna terpilih</source>
        <translation>Selected user</translation>
    </message>
    <message>
        <source>P&amp;eran:</source>
        <translation>R&amp;ole:</translation>
    </message>
    <message>
        <source>Kata sandi bar&amp;u:</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>&amp;Simpan perubahan</source>
        <translation>Save &amp;changes</translation>
    </message>
    <message>
        <source>Nonakti&amp;fkan</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>N&amp;IP:</source>
        <translation>N&amp;IP:</translation>
    </message>
    <message>
        <source>Akti&amp;fkan</source>
        <translation>&amp;Activate</translation>
    </message>
    <message>
        <source>Kosongkan bila tidak diubah.</source>
        <translation>Leave empty to keep it.</translation>
    </message>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>Pe&amp;ran:</source>
        <translation>Ro&amp;le:</translation>
    </message>
    <message>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Minimal 8 karakter.</source>
        <translation>At least 8 characters.</translation>
    </message>
    <message>
        <source>&amp;Tambah pengguna</source>
        <translation>&amp;Add user</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Nonaktif</source>
        <translation>Inactive</translation>
    </message>
</context>
<context>
    <name>_ListPanel</name>
    <message>
        <source>&amp;Tambah ke daftar</source>
        <translation>&amp;Add to the list</translation>
    </message>
    <message>
        <source>Alasan pencabutan</source>
        <translation>Reason for revoking</translation>
    </message>
    <message>
        <source>&amp;Cabut entri terpilih</source>
        <translation>&amp;Revoke the selected entry</translation>
    </message>
    <message>
        <source>Pilih entri yang akan dicabut pada daftar.</source>
        <translation>Choose the entry to revoke in the list.</translation>
    </message>
</context>
</TS>
