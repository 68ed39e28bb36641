<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>category corrected</source>
        <translation>kategori düzeltildi</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>durum değişti</translation>
    </message>
    <message>
        <source>reply queued</source>
        <translation>yanıt kuyruğa alındı</translation>
    </message>
    <message>
        <source>reply sent</source>
        <translation>yanıt gönderildi</translation>
    </message>
    <message>
        <source>reply confirmed on the platform</source>
        <translation>yanıt platformda doğrulandı</translation>
    </message>
    <message>
        <source>reply will be retried</source>
        <translation>yanıt yeniden denenecek</translation>
    </message>
    <message>
        <source>reply refused by the platform</source>
        <translation>yanıtı platform reddetti</translation>
    </message>
    <message>
        <source>reply failed</source>
        <translation>yanıt gönderilemedi</translation>
    </message>
    <message>
        <source>reply may have been sent: check on the platform</source>
        <translation>yanıt gönderilmiş olabilir: platformda kontrol edin</translation>
    </message>
    <message>
        <source>reply marked as arrived</source>
        <translation>yanıt ulaştı olarak işaretlendi</translation>
    </message>
    <message>
        <source>reply to be sent again</source>
        <translation>yanıt yeniden gönderilecek</translation>
    </message>
    <message>
        <source>reply waits for the platform&apos;s limit</source>
        <translation>yanıt platform sınırını bekliyor</translation>
    </message>
    <message>
        <source>assigned to a unit</source>
        <translation>birime atandı</translation>
    </message>
    <message>
        <source>internal note</source>
        <translation>iç not</translation>
    </message>
    <message>
        <source>forwarded by e-mail</source>
        <translation>e-postayla iletildi</translation>
    </message>
    <message>
        <source>exported for Beyaz Masa / CİMER</source>
        <translation>Beyaz Masa / CİMER için dışa aktarıldı</translation>
    </message>
    <message>
        <source>hidden on the platform</source>
        <translation>platformda gizlendi</translation>
    </message>
    <message>
        <source>hiding failed</source>
        <translation>gizlenemedi</translation>
    </message>
    <message>
        <source>deleted on the platform</source>
        <translation>platformda silindi</translation>
    </message>
    <message>
        <source>deleting failed</source>
        <translation>silinemedi</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Kurum Masaüstü</source>
        <translation>Kurum Masaüstü hakkında</translation>
    </message>
    <message>
        <source>Kurum Masaüstü {version}

The social media desk of a public institution: plan, write, publish and answer citizens from one window. Citizens&apos; messages and account tokens stay on this computer.

Licence: GNU GPL version 3 or later. The components it carries and their licences are listed under “Third-party notices”.</source>
        <translation>Kurum Masaüstü {version}

Resmî kurumun sosyal medya masası: tek pencereden planlayın, yazın, yayımlayın ve vatandaşı yanıtlayın. Vatandaş mesajları ve hesap anahtarları bu bilgisayarda kalır.

Lisans: GNU GPL sürüm 3 veya sonrası. İçerdiği bileşenler ve lisansları “Üçüncü taraf bildirimleri” sekmesindedir.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Hakkında</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Üçüncü taraf bildirimleri</translation>
    </message>
    <message>
        <source>The notices could not be read: {reason}</source>
        <translation>Bildirimler okunamadı: {reason}</translation>
    </message>
    <message>
        <source>From: {source}</source>
        <translation>Kaynak: {source}</translation>
    </message>
    <message>
        <source>Generated from the Python packages installed with this copy.</source>
        <translation>Bu kopyayla kurulu Python paketlerinden oluşturuldu.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Time</source>
        <translation>Saat</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Gönderi</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Nothing planned in these days.</source>
        <translation>Bu günlerde planlanmış bir şey yok.</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <source>Connection</source>
        <translation>Bağlantı</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Giden kutusu</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Gelen kutusu</translation>
    </message>
    <message>
        <source>Secure password store</source>
        <translation>Güvenli parola deposu</translation>
    </message>
    <message>
        <source>● Connection unknown</source>
        <translation>● Bağlantı durumu bilinmiyor</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Çevrimiçi</translation>
    </message>
    <message>
        <source>● Offline — posts wait in the outbox</source>
        <translation>● Çevrimdışı — gönderiler giden kutusunda bekliyor</translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n scheduled</source>
        <translation>
            <numerusform>Giden kutusu: %n zamanlanmış</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) for your decision</source>
        <translation>
            <numerusform>%n gönderi kararınızı bekliyor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n başarısız</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inbox: %n new</source>
        <translation>
            <numerusform>Gelen kutusu: %n yeni</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ No secure password store</source>
        <translation>⚠ Güvenli parola deposu yok</translation>
    </message>
    <message>
        <source>Account tokens cannot be stored safely on this computer, so channels cannot be connected. Ask IT to enable the system password store (Windows Credential Manager, or a Secret Service such as GNOME Keyring).</source>
        <translation>Hesap anahtarları bu bilgisayarda güvenle saklanamıyor; bu yüzden kanallar bağlanamaz. Bilgi işlem biriminden sistemin parola deposunu (Windows Kimlik Bilgileri Yöneticisi ya da GNOME Keyring gibi bir Secret Service) etkinleştirmesini isteyin.</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>There is not enough free space on the chosen disk. No backup file was left behind.</source>
        <translation>Seçilen diskte yeterli boş yer yok. Yarım yedek dosyası bırakılmadı.</translation>
    </message>
    <message>
        <source>The backup is too large for this disk (a FAT32 USB stick takes no file over 4 GB). No backup file was left behind. Choose a disk formatted as NTFS or exFAT.</source>
        <translation>Yedek bu disk için fazla büyük (FAT32 biçimli USB bellekler 4 GB&apos;tan büyük dosya alamaz). Yarım yedek dosyası bırakılmadı. NTFS ya da exFAT biçimli bir disk seçin.</translation>
    </message>
    <message>
        <source>The chosen folder cannot be written to (it is read-only or you lack permission). Choose another folder, for example on a USB stick.</source>
        <translation>Seçilen klasöre yazılamıyor (salt okunur ya da izniniz yok). Başka bir klasör seçin, örneğin bir USB bellek.</translation>
    </message>
    <message>
        <source>This profile has no database to back up yet.</source>
        <translation>Bu profilde henüz yedeklenecek bir veritabanı yok.</translation>
    </message>
    <message>
        <source>The database was written by a newer version of Kurum Masaüstü; it was not backed up.</source>
        <translation>Veritabanı Kurum Masaüstü&apos;nün daha yeni bir sürümüyle yazılmış; yedeklenmedi.</translation>
    </message>
    <message>
        <source>The profile&apos;s database is not a Kurum Masaüstü database; it was not backed up.</source>
        <translation>Profildeki veritabanı bir Kurum Masaüstü veritabanı değil; yedeklenmedi.</translation>
    </message>
    <message>
        <source>The profile&apos;s database could not be read.</source>
        <translation>Profildeki veritabanı okunamadı.</translation>
    </message>
    <message>
        <source>The backup could not be written. No backup file was left behind.</source>
        <translation>Yedek yazılamadı. Yarım yedek dosyası bırakılmadı.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Hiç alınmadı</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Yedek al</translation>
    </message>
    <message>
        <source>Backup files (*.zip)</source>
        <translation>Yedek dosyaları (*.zip)</translation>
    </message>
    <message>
        <source>Writing the backup to {name}…</source>
        <translation>Yedek {name} dosyasına yazılıyor…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Vazgeç</translation>
    </message>
    <message>
        <source>Writing the backup… {done} of {total}</source>
        <translation>Yedek yazılıyor… {total} içinden {done}</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>Yedekleme durduruldu; hiçbir dosya yazılmadı.</translation>
    </message>
    <message>
        <source>The backup was written to {path} ({size}, {count} files). Keep it on a USB stick or a network share. Account tokens are not in it: after a restore, reconnect the channels.</source>
        <translation>Yedek yazıldı: {path} ({size}, {count} dosya). Bir USB bellekte ya da ağ klasöründe saklayın. Hesapların erişim anahtarları yedekte yoktur: geri yükledikten sonra kanalları yeniden bağlayın.</translation>
    </message>
    <message>
        <source>Backup reminder</source>
        <translation>Yedek hatırlatması</translation>
    </message>
    <message>
        <source>No backup yet — back up now</source>
        <translation>Henüz yedek alınmadı — şimdi yedek alın</translation>
    </message>
    <message>
        <source>Last backup: {when}. File → Back up… writes one .zip for a USB stick or a network share.</source>
        <translation>Son yedek: {when}. Dosya → Yedek al… USB bellek ya da ağ klasörü için tek bir .zip dosyası yazar.</translation>
    </message>
</context>
<context>
    <name>BackupHint</name>
    <message numerus="yes">
        <source>Last backup %n day(s) ago — back up now</source>
        <translation>
            <numerusform>Son yedek %n gün önce — şimdi yedek alın</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BestTime</name>
    <message>
        <source>Good times on {day}: {hours} (from the engagement of your {count} published posts)</source>
        <translation>{day} için iyi saatler: {hours} (yayımlanmış {count} gönderinizin etkileşimine göre)</translation>
    </message>
    <message>
        <source>Good times on {day}: {hours} — a general suggestion for public institutions; your own published posts are not enough yet to say better</source>
        <translation>{day} için iyi saatler: {hours} — kamu kurumları için genel bir öneri; kendi yayımlanmış gönderileriniz henüz daha iyisini söylemeye yetmiyor</translation>
    </message>
    <message>
        <source>Best times ({day}): {hours} — the institution&apos;s own data</source>
        <translation>En iyi saatler ({day}): {hours} — kurumun kendi verisi</translation>
    </message>
    <message>
        <source>Best times ({day}): {hours} — a general suggestion for public institutions</source>
        <translation>En iyi saatler ({day}): {hours} — kamu kurumları için genel öneri</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Previous month</source>
        <translation>Önceki ay</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Sonraki ay</translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>A post started in a campaign (CampaignInfo): the window fills the composer with its presets. Months ready to show (the neighbours are loaded in a worker after each month). Campaigns and goals, read once per change of the plan. Reply-time figures of a period for the goals (the window sets it; None: counting, call :meth:`refresh_goals` when ready). Counts a reply-time goal&apos;s messages of a period and scope (None while a worker counts). The days (holidays, important, religious, our own) of the shown range, hidden ones too.</extracomment>
        <translation>Bugün</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Bugüne git</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Ay</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Hafta</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ajanda</translation>
    </message>
    <message>
        <source>Important day without a post</source>
        <translation>Gönderisi olmayan önemli gün</translation>
    </message>
    <message>
        <source>Goals of the plan</source>
        <translation>Planın hedefleri</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Campaigns…</source>
        <translation>Kampanyalar…</translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation>Hedefler…</translation>
    </message>
    <message>
        <source>Recurring post…</source>
        <translation>Tekrarlanan gönderi…</translation>
    </message>
    <message>
        <source>Our own days…</source>
        <translation>Kurumun günleri…</translation>
    </message>
    <message>
        <source>Import a plan (CSV)…</source>
        <translation>Plan içe aktar (CSV)…</translation>
    </message>
    <message>
        <source>Month calendar</source>
        <extracomment>Where imported images go (the window sets it; the library loads on first use).</extracomment>
        <translation>Aylık takvim</translation>
    </message>
    <message>
        <source>Week calendar</source>
        <translation>Haftalık takvim</translation>
    </message>
    <message>
        <source>Agenda: the coming days</source>
        <translation>Ajanda: önümüzdeki günler</translation>
    </message>
    <message>
        <source>Posts of the selected day</source>
        <translation>Seçili günün gönderileri</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Önceki hafta</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Sonraki hafta</translation>
    </message>
    <message>
        <source>Earlier days</source>
        <translation>Önceki günler</translation>
    </message>
    <message>
        <source>Later days</source>
        <translation>Sonraki günler</translation>
    </message>
    <message>
        <source>★ A good time to post (from the engagement of your published posts)</source>
        <translation>★ Paylaşım için iyi bir saat (yayımlanmış gönderilerinizin etkileşimine göre)</translation>
    </message>
    <message>
        <source>★ A good time to post (a general suggestion for public institutions)</source>
        <translation>★ Paylaşım için iyi bir saat (kamu kurumları için genel öneri)</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanya</translation>
    </message>
    <message>
        <source>Outside campaigns</source>
        <translation>Kampanya dışı</translation>
    </message>
    <message>
        <source>Remove this date from the series</source>
        <translation>Bu tarihi seriden çıkar</translation>
    </message>
    <message>
        <source>End the series after this date</source>
        <translation>Seriyi bu tarihten sonra bitir</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>Correct for this year: {name}…</source>
        <translation>Bu yıl için düzelt: {name}…</translation>
    </message>
    <message>
        <source>Undo this year&apos;s correction: {name}</source>
        <translation>Bu yılki düzeltmeyi geri al: {name}</translation>
    </message>
    <message>
        <source>This date has already gone out; it stays.</source>
        <translation>Bu tarih zaten yayımlandı; yerinde kalır.</translation>
    </message>
    <message numerus="yes">
        <source>Series ended: %n later post(s) removed.</source>
        <translation>
            <numerusform>Seri bitirildi: sonraki %n gönderi kaldırıldı.</numerusform>
        </translation>
    </message>
    <message>
        <source>This month: {planned} planned, {published} published</source>
        <translation>Bu ay: {planned} planlanan, {published} yayımlanan</translation>
    </message>
    <message>
        <source>This week: {planned} planned, {published} published</source>
        <translation>Bu hafta: {planned} planlanan, {published} yayımlanan</translation>
    </message>
    <message>
        <source>These days: {planned} planned, {published} published</source>
        <translation>Bu günlerde: {planned} planlanan, {published} yayımlanan</translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>süzülmüş</translation>
    </message>
    <message>
        <source>No post planned for {name} ({date})</source>
        <translation>{name} için planlanmış içerik yok ({date})</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n daha)</numerusform>
        </translation>
    </message>
    <message>
        <source>A post cannot be moved into the past.</source>
        <translation>Gönderi geçmiş bir zamana taşınamaz.</translation>
    </message>
    <message>
        <source>Published posts cannot be moved.</source>
        <translation>Yayımlanmış gönderiler taşınamaz.</translation>
    </message>
    <message>
        <source>Moved; deliveries already published (or held by the platform) stayed where they were.</source>
        <translation>Taşındı; yayımlanmış (ya da platforma devredilmiş) gönderimler yerinde kaldı.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n gönderi</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>planlanmış gönderi yok</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Campaigns</source>
        <extracomment>&quot;New post in this campaign&quot;: the saved campaign (its presets start the post).</extracomment>
        <translation>Kampanyalar</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Yeni kampanya</translation>
    </message>
    <message>
        <source>Start from a seasonal preset</source>
        <translation>Mevsimsel bir hazır kampanyayla başla</translation>
    </message>
    <message>
        <source>Seasonal preset…</source>
        <translation>Mevsimsel hazır kampanya…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Renk</translation>
    </message>
    <message>
        <source>What should the campaign achieve?</source>
        <translation>Kampanya neyi başarmalı?</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>Şablon yok</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Kampanyayı kaydet</translation>
    </message>
    <message>
        <source>New post in this campaign</source>
        <translation>Bu kampanyada yeni gönderi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Tarihler</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Hedef</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Etiketler</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Şablon</translation>
    </message>
    <message>
        <source>Campaign colour</source>
        <translation>Kampanya rengi</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Kampanyaya bir ad verin.</translation>
    </message>
    <message>
        <source>The campaign ends before it starts.</source>
        <translation>Kampanya başlamadan bitiyor.</translation>
    </message>
</context>
<context>
    <name>ChannelManagerDialog</name>
    <message>
        <source>Channels</source>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>Platform</source>
        <extracomment>Channel id → its preset, for the channels the IT policy defines.</extracomment>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Hesap</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Ayrıntılar</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ekle…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Dene</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Yeniden bağlan…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Yeniden &amp;adlandır…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Kaldır…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Sonuç</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Vazgeç</translation>
    </message>
    <message>
        <source>managed by IT</source>
        <translation>BT yönetiminde</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Bağlan…</translation>
    </message>
    <message>
        <source>No channel yet: add the institution&apos;s accounts.</source>
        <translation>Henüz kanal yok: kurumun hesaplarını ekleyin.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Sunucu: %1</translation>
    </message>
    <message>
        <source>The token is valid until %1.</source>
        <translation>Erişim anahtarı %1 tarihine kadar geçerli.</translation>
    </message>
    <message>
        <source>%1: it cannot be renamed or removed here; its IDs are set by IT.</source>
        <translation>%1: burada adı değiştirilemez, kaldırılamaz; kimlik bilgilerini BT belirledi.</translation>
    </message>
    <message>
        <source>Not connected yet: choose Connect… and enter its token or sign in.</source>
        <translation>Henüz bağlanmadı: Bağlan…&apos;ı seçip erişim anahtarını girin ya da oturum açın.</translation>
    </message>
    <message>
        <source>Sandbox channel: what it publishes stays on this computer.</source>
        <translation>Deneme kanalı: yayımladıkları bu bilgisayarda kalır.</translation>
    </message>
    <message>
        <source>Connected and saved.</source>
        <translation>Bağlandı ve kaydedildi.</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>Deneme iptal edildi.</translation>
    </message>
    <message>
        <source>The connection works: %1 (%2).</source>
        <translation>Bağlantı çalışıyor: %1 (%2).</translation>
    </message>
    <message>
        <source>Rename the channel</source>
        <translation>Kanalı yeniden adlandır</translation>
    </message>
    <message>
        <source>Name shown in Kurum Masaüstü:</source>
        <translation>Kurum Masaüstü&apos;nde görünen ad:</translation>
    </message>
    <message>
        <source>Remove “%1”? Its token is deleted from the secure password store. Posts it already published stay in the history.</source>
        <translation>“%1” kaldırılsın mı? Erişim anahtarı güvenli parola deposundan silinir. Daha önce yayımlanan gönderiler geçmişte kalır.</translation>
    </message>
    <message>
        <source>Remove the channel</source>
        <translation>Kanalı kaldır</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Vazgeç</translation>
    </message>
    <message>
        <source>Withdrawing Kurum Masaüstü&apos;s access on the platform…</source>
        <translation>Kurum Masaüstü&apos;nün platformdaki erişimi geri alınıyor…</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Kaldırıldı.</translation>
    </message>
    <message>
        <source>Removed; kept switched off for its published posts.</source>
        <translation>Kaldırıldı; yayımlanmış gönderileri için kapalı olarak saklanıyor.</translation>
    </message>
    <message>
        <source>The platform could not be reached to withdraw the access: remove Kurum Masaüstü in the account&apos;s settings there (authorized apps).</source>
        <translation>Erişimi geri almak için platforma ulaşılamadı: Kurum Masaüstü&apos;nü oradaki hesap ayarlarından (yetki verilen uygulamalar) kaldırın.</translation>
    </message>
</context>
<context>
    <name>ChannelPreview</name>
    <message numerus="yes">
        <source>%n post(s); longest: </source>
        <extracomment>Platforms that show a link given apart as a card; the others get it at the end of the text.</extracomment>
        <translation>
            <numerusform>%n gönderi; en uzunu: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelRows</name>
    <message>
        <source>Channels</source>
        <extracomment>&quot;Add a channel…&quot;, offered while there is none.</extracomment>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>No channels yet: connect the institution&apos;s accounts to choose where a post goes.</source>
        <translation>Henüz kanal yok: gönderinin nereye gideceğini seçmek için kurumun hesaplarını bağlayın.</translation>
    </message>
    <message>
        <source>Add a channel…</source>
        <translation>Kanal ekle…</translation>
    </message>
    <message>
        <source>Handed to the platform: it goes out at its time even with this computer off. But later edits, a pause or a mourning/crisis mode do not stop it by themselves: the app must cancel it on the platform, which it can do only while it runs and is online.</source>
        <translation>Platforma teslim edilen gönderi, bu bilgisayar kapalıyken de zamanında yayımlanır. Ancak sonradan yapılan düzenlemeler, yayın duraklatma ya da yas/kriz modu onu kendiliğinden durdurmaz: uygulamanın platformdaki zamanlanmış gönderiyi iptal etmesi gerekir; bunu da yalnızca açıkken ve internete bağlıyken yapabilir.</translation>
    </message>
    <message>
        <source>Take back from the platforms</source>
        <translation>Platformlardan geri al</translation>
    </message>
    <message>
        <source>Cancels the scheduled post on the platforms that hold it, so that it can be edited again.</source>
        <translation>Gönderiyi tutan platformlardaki zamanlanmış gönderiyi iptal eder; böylece yeniden düzenlenebilir.</translation>
    </message>
    <message>
        <source>State on {channel}</source>
        <translation>{channel} üzerindeki durum</translation>
    </message>
    <message>
        <source>Platform schedules it</source>
        <translation>Platform zamanlasın</translation>
    </message>
    <message>
        <source>Hand to {channel}&apos;s own scheduler</source>
        <translation>{channel} kanalının kendi zamanlayıcısına teslim et</translation>
    </message>
    <message>
        <source>to be handed to the platform</source>
        <translation>platforma teslim edilecek</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) out</source>
        <translation>
            <numerusform>%n bölüm yayımlandı</numerusform>
        </translation>
    </message>
    <message>
        <source>open</source>
        <translation>aç</translation>
    </message>
</context>
<context>
    <name>ChannelWarning</name>
    <message>
        <source>Channel warning</source>
        <translation>Kanal uyarısı</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n channel(s) must be reconnected</source>
        <translation>
            <numerusform>⚠ %n kanal yeniden bağlanmalı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n channel(s) awaiting connection</source>
        <translation>
            <numerusform>⚠ %n kanal bağlantı bekliyor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ A channel&apos;s token expires in %n day(s)</source>
        <translation>
            <numerusform>⚠ Bir kanalın erişim anahtarının süresi %n gün içinde doluyor</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: must be reconnected</source>
        <translation>%1: yeniden bağlanmalı</translation>
    </message>
    <message>
        <source>%1: awaiting connection (set up by IT)</source>
        <translation>%1: bağlantı bekliyor (BT tarafından tanımlandı)</translation>
    </message>
    <message numerus="yes">
        <source>%1: the token expires in %n day(s).</source>
        <translation>
            <numerusform>%1: erişim anahtarının süresi %n gün içinde doluyor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Publishing → Channels… to renew.</source>
        <translation>Yenilemek için Yayın → Kanallar… menüsünü açın.</translation>
    </message>
    <message>
        <source>Open Publishing → Channels… to connect them.</source>
        <translation>Bağlamak için Yayın → Kanallar… menüsünü açın.</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Sunucu adresi</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <source>Page ID</source>
        <translation>Sayfa kimliği</translation>
    </message>
    <message>
        <source>Instagram account ID</source>
        <translation>Instagram hesap kimliği</translation>
    </message>
    <message>
        <source>Organization URN</source>
        <translation>Kuruluş URN&apos;si</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>İstemci kimliği</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Bot anahtarı</translation>
    </message>
    <message>
        <source>Page access token</source>
        <translation>Sayfa erişim anahtarı</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Erişim anahtarı</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Uygulama parolası</translation>
    </message>
    <message>
        <source>Please fill in: %1</source>
        <translation>Lütfen doldurun: %1</translation>
    </message>
    <message>
        <source>The bot is not an administrator of the channel with the right to post. Add it in Telegram (channel → Administrators), then try again.</source>
        <translation>Bot, kanalda gönderi paylaşma yetkisi olan bir yönetici değil. Telegram&apos;da ekleyin (kanal → Yöneticiler), sonra yeniden deneyin.</translation>
    </message>
    <message>
        <source>Telegram does not know this channel. Write it as @channelname or as its number (-100…).</source>
        <translation>Telegram bu kanalı tanımıyor. @kanaladi biçiminde ya da numarasıyla (-100…) yazın.</translation>
    </message>
    <message>
        <source>This is not a server address. Write it like sosyal.belediye.bel.tr or https://mastodon.social.</source>
        <translation>Bu bir sunucu adresi değil. sosyal.belediye.bel.tr ya da https://mastodon.social gibi yazın.</translation>
    </message>
    <message>
        <source>The port must be a number between 1024 and 65535.</source>
        <translation>Bağlantı noktası 1024 ile 65535 arasında bir sayı olmalı.</translation>
    </message>
    <message>
        <source>This channel is not connected yet: choose Connect… and enter its token or sign in.</source>
        <translation>Bu kanal henüz bağlanmadı: Bağlan…&apos;ı seçip erişim anahtarını girin ya da oturum açın.</translation>
    </message>
    <message>
        <source>Defined by IT management: this channel cannot be renamed or removed here.</source>
        <translation>BT yönetimi tarafından tanımlandı: bu kanalın adı burada değiştirilemez, kanal kaldırılamaz.</translation>
    </message>
    <message>
        <source>This channel&apos;s token is not in the secure password store. Choose Reconnect.</source>
        <translation>Bu kanalın erişim anahtarı güvenli parola deposunda yok. “Yeniden bağlan”ı seçin.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and the internet connection (or the proxy) and try again.</source>
        <translation>Sunucuya ulaşılamadı. Adresi ve internet bağlantısını (ya da vekil sunucuyu) denetleyip yeniden deneyin.</translation>
    </message>
    <message>
        <source>There is no server of this platform at this address. Check the address.</source>
        <translation>Bu adreste bu platformun sunucusu yok. Adresi denetleyin.</translation>
    </message>
    <message>
        <source>The platform did not accept this token or password. Copy it again in full (without spaces) or create a new one.</source>
        <translation>Platform bu anahtarı ya da parolayı kabul etmedi. Boşluksuz ve eksiksiz yeniden kopyalayın ya da yenisini oluşturun.</translation>
    </message>
    <message>
        <source>You signed in as %1, but IT set this channel up for another account. Nothing was saved; sign in with the institution&apos;s account.</source>
        <translation>%1 olarak oturum açtınız, ama BT bu kanalı başka bir hesap için tanımladı. Hiçbir şey kaydedilmedi; kurumun hesabıyla oturum açın.</translation>
    </message>
    <message>
        <source>This does not look like an app password (xxxx-xxxx-xxxx-xxxx). Never enter the account&apos;s main password: create an app password in Bluesky under Settings → Privacy and security → App passwords.</source>
        <translation>Bu bir uygulama parolasına benzemiyor (xxxx-xxxx-xxxx-xxxx). Hesabın ana parolasını asla girmeyin: Bluesky&apos;da Ayarlar → Gizlilik ve güvenlik → Uygulama parolaları bölümünden bir uygulama parolası oluşturun.</translation>
    </message>
    <message>
        <source>The platform refused the connection: %1</source>
        <translation>Platform bağlantıyı reddetti: %1</translation>
    </message>
    <message>
        <source>The platform asks us to wait a little. Try again in a few minutes.</source>
        <translation>Platform biraz beklememizi istiyor. Birkaç dakika sonra yeniden deneyin.</translation>
    </message>
    <message>
        <source>The platform gave an answer we could not read. Try again later.</source>
        <translation>Platform okunamayan bir yanıt verdi. Daha sonra yeniden deneyin.</translation>
    </message>
    <message>
        <source>The platform did not give an access token (%1). Start again.</source>
        <translation>Platform erişim anahtarı vermedi (%1). Baştan başlayın.</translation>
    </message>
    <message>
        <source>The secure password store of this computer is not available, so nothing was saved. Ask IT to enable it.</source>
        <translation>Bu bilgisayarın güvenli parola deposu kullanılamıyor; bu yüzden hiçbir şey kaydedilmedi. Bilgi işlemden etkinleştirmesini isteyin.</translation>
    </message>
    <message>
        <source>The web browser could not be opened. Copy the address shown and open it yourself.</source>
        <translation>Web tarayıcısı açılamadı. Gösterilen adresi kopyalayıp kendiniz açın.</translation>
    </message>
    <message>
        <source>Port %1 on this computer is used by another program, so the sign-in cannot come back to us. Close that program, or have IT register another port in the platform&apos;s app and enter it here.</source>
        <translation>Bu bilgisayardaki %1 numaralı bağlantı noktasını başka bir program kullanıyor; oturum açma yanıtı bize dönemez. O programı kapatın ya da bilgi işlemin platformdaki uygulamaya başka bir bağlantı noktası kaydetmesini sağlayıp onu buraya yazın.</translation>
    </message>
    <message>
        <source>No answer came from the browser in time. Nothing was saved; start again when ready.</source>
        <translation>Tarayıcıdan zamanında yanıt gelmedi. Hiçbir şey kaydedilmedi; hazır olduğunuzda yeniden başlayın.</translation>
    </message>
    <message>
        <source>Connecting was cancelled. Nothing was saved.</source>
        <translation>Bağlanma iptal edildi. Hiçbir şey kaydedilmedi.</translation>
    </message>
    <message>
        <source>The answer that came back does not belong to this sign-in, so it was refused. Nothing was saved; start again.</source>
        <translation>Gelen yanıt bu oturum açmaya ait değil; bu yüzden reddedildi. Hiçbir şey kaydedilmedi; yeniden başlayın.</translation>
    </message>
    <message>
        <source>Access was not granted on the platform&apos;s page. Nothing was saved.</source>
        <translation>Platformun sayfasında erişim izni verilmedi. Hiçbir şey kaydedilmedi.</translation>
    </message>
    <message>
        <source>The platform came back without a sign-in code. Nothing was saved; start again.</source>
        <translation>Platform oturum açma kodu olmadan döndü. Hiçbir şey kaydedilmedi; yeniden başlayın.</translation>
    </message>
    <message>
        <source>Connecting failed: %1</source>
        <translation>Bağlanılamadı: %1</translation>
    </message>
    <message>
        <source>Registering Kurum Masaüstü on the server…</source>
        <translation>Kurum Masaüstü sunucuya kaydediliyor…</translation>
    </message>
    <message>
        <source>Opening the sign-in page…</source>
        <translation>Oturum açma sayfası açılıyor…</translation>
    </message>
    <message>
        <source>Waiting for you to approve in the browser…</source>
        <translation>Tarayıcıda onay vermeniz bekleniyor…</translation>
    </message>
    <message>
        <source>Getting the access token…</source>
        <translation>Erişim anahtarı alınıyor…</translation>
    </message>
    <message>
        <source>Reading the saved credentials…</source>
        <translation>Kayıtlı bilgiler okunuyor…</translation>
    </message>
    <message>
        <source>Checking the account with the platform…</source>
        <translation>Hesap platformla denetleniyor…</translation>
    </message>
    <message>
        <source>Saving in the secure password store…</source>
        <translation>Güvenli parola deposuna kaydediliyor…</translation>
    </message>
    <message>
        <source>Defined by IT management</source>
        <extracomment>A symbol per state, so the list can be read without colour. A channel never connected yet (a preset of the IT policy): nothing is broken, it waits.</extracomment>
        <translation>BT yönetimi tarafından tanımlandı</translation>
    </message>
    <message>
        <source>Awaiting connection</source>
        <translation>Bağlantı bekliyor</translation>
    </message>
    <message>
        <source>Token expired — reconnect</source>
        <translation>Anahtarın süresi doldu — yeniden bağlanın</translation>
    </message>
    <message>
        <source>Needs reconnecting</source>
        <translation>Yeniden bağlanmalı</translation>
    </message>
    <message>
        <source>Token expires today</source>
        <translation>Anahtarın süresi bugün doluyor</translation>
    </message>
    <message>
        <source>Removed (history kept)</source>
        <translation>Kaldırıldı (geçmişi saklanıyor)</translation>
    </message>
    <message>
        <source>Posted by hand</source>
        <translation>Elle paylaşılır</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Bağlı</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>deneme</translation>
    </message>
    <message>
        <source>Choose Reconnect and sign in to your server in the browser again.</source>
        <translation>“Yeniden bağlan”ı seçip tarayıcıda sunucunuza yeniden giriş yapın.</translation>
    </message>
    <message>
        <source>Choose Reconnect and sign in to X in the browser again.</source>
        <translation>“Yeniden bağlan”ı seçip tarayıcıda X&apos;e yeniden giriş yapın.</translation>
    </message>
    <message>
        <source>Create a new app password in Bluesky (Settings → Privacy and security → App passwords), then choose Reconnect and enter it.</source>
        <translation>Bluesky&apos;da yeni bir uygulama parolası oluşturun (Ayarlar → Gizlilik ve güvenlik → Uygulama parolaları), sonra “Yeniden bağlan”ı seçip onu girin.</translation>
    </message>
    <message>
        <source>Get the bot&apos;s token from @BotFather (/token), then choose Reconnect and paste it.</source>
        <translation>Botun anahtarını @BotFather&apos;dan alın (/token), sonra “Yeniden bağlan”ı seçip yapıştırın.</translation>
    </message>
    <message>
        <source>Create a new token for the Page (best: a system-user token in Meta Business Settings → System users, which does not expire), then choose Reconnect and paste it.</source>
        <translation>Sayfa için yeni bir erişim anahtarı oluşturun (en iyisi: Meta İşletme Ayarları → Sistem kullanıcıları&apos;ndan süresi dolmayan bir sistem kullanıcısı anahtarı), sonra “Yeniden bağlan”ı seçip yapıştırın.</translation>
    </message>
    <message>
        <source>Create a new token in Meta Business Settings → System users (or refresh the Instagram token), then choose Reconnect and paste it.</source>
        <translation>Meta İşletme Ayarları → Sistem kullanıcıları&apos;nda yeni bir erişim anahtarı oluşturun (ya da Instagram anahtarını yenileyin), sonra “Yeniden bağlan”ı seçip yapıştırın.</translation>
    </message>
    <message>
        <source>LinkedIn tokens last 60 days. Create a new one in the LinkedIn Developer Portal (Token generator, with the organization&apos;s admin account), then choose Reconnect and paste it.</source>
        <translation>LinkedIn erişim anahtarları 60 gün geçerlidir. LinkedIn Developer Portal&apos;da (Token generator, kuruluşun yönetici hesabıyla) yenisini oluşturun, sonra “Yeniden bağlan”ı seçip yapıştırın.</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <source>Where the facts come from: council decision no., notice, institution, link</source>
        <translation>Bilginin kaynağı: meclis kararı no., resmî duyuru, kurum, bağlantı</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Kaynak</translation>
    </message>
    <message>
        <source>Institution&apos;s words…</source>
        <translation>Kurum sözlüğü…</translation>
    </message>
    <message>
        <source>Mahalle, institution and people&apos;s names the spelling check accepts</source>
        <translation>Yazım denetiminin kabul ettiği mahalle, kurum ve kişi adları</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Kaynak:</translation>
    </message>
    <message>
        <source>Alt text for every image</source>
        <translation>Her görselde alternatif metin</translation>
    </message>
    <message>
        <source>Links reachable</source>
        <translation>Bağlantılar erişilebilir</translation>
    </message>
    <message>
        <source>Turkish spelling</source>
        <translation>Türkçe yazım</translation>
    </message>
    <message>
        <source>Wording fits the day</source>
        <translation>Üslup güne uygun</translation>
    </message>
    <message>
        <source>Consent for people in photos (KVKK)</source>
        <translation>Fotoğraftaki kişilerin rızası (KVKK)</translation>
    </message>
    <message>
        <source>Add to dictionary</source>
        <translation>Sözlüğe ekle</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Kontrol listesi</translation>
    </message>
    <message>
        <source>Not scheduled: the checklist says {items}. Fix it first.</source>
        <translation>Zamanlanmadı: kontrol listesinde eksik var ({items}). Önce bunu düzeltin.</translation>
    </message>
    <message>
        <source>Override a warning</source>
        <translation>Uyarıyı not ile geç</translation>
    </message>
    <message>
        <source>Why may the post go out like this? (kept in the audit log)</source>
        <translation>Gönderi neden bu hâliyle yayımlanabilir? (denetim kaydında saklanır)</translation>
    </message>
    <message>
        <source>Overridden: {note}</source>
        <translation>Not ile geçildi: {note}</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Not ile geç…</translation>
    </message>
    <message numerus="yes">
        <source>%n to fix before scheduling</source>
        <translation>
            <numerusform>Zamanlamadan önce düzeltilecek %n madde</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): fix, or override with a note</source>
        <translation>
            <numerusform>%n uyarı: düzeltin ya da not ile geçin</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to schedule as far as the checklist can tell.</source>
        <translation>Kontrol listesine göre zamanlamaya hazır.</translation>
    </message>
    <message>
        <source>Given.</source>
        <translation>Belirtildi.</translation>
    </message>
    <message>
        <source>Announcements need a source: the decision, notice or institution the facts come from.</source>
        <translation>Duyurularda kaynak gerekir: bilginin dayandığı karar, resmî duyuru ya da kurum.</translation>
    </message>
    <message>
        <source>The text states figures ({values}): say where they come from.</source>
        <translation>Metinde rakamlar var ({values}): kaynağını belirtin.</translation>
    </message>
    <message>
        <source>No figures or claims that need a source.</source>
        <translation>Kaynak gerektiren rakam ya da iddia yok.</translation>
    </message>
    <message>
        <source>No images.</source>
        <translation>Görsel yok.</translation>
    </message>
    <message>
        <source>No alt text: {values}. Describe each image in the media pane.</source>
        <translation>Alternatif metin yok: {values}. Her görseli medya bölmesinde tarif edin.</translation>
    </message>
    <message>
        <source>No alt text: {values}. The chosen channels show none (Telegram): say in the text what the picture shows.</source>
        <translation>Alternatif metin yok: {values}. Seçilen kanallar alternatif metin göstermiyor (Telegram): görselde ne olduğunu metinde söyleyin.</translation>
    </message>
    <message>
        <source>The alt text says little (a file name or one word): {values}.</source>
        <translation>Alternatif metin yetersiz (dosya adı ya da tek sözcük): {values}.</translation>
    </message>
    <message>
        <source>Every image is described.</source>
        <translation>Her görsel tarif edilmiş.</translation>
    </message>
    <message>
        <source>No links.</source>
        <translation>Bağlantı yok.</translation>
    </message>
    <message>
        <source>Not reachable: {values}</source>
        <translation>Erişilemiyor: {values}</translation>
    </message>
    <message>
        <source>Offline, could not be checked.</source>
        <translation>Çevrimdışı, kontrol edilemedi.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Kontrol ediliyor…</translation>
    </message>
    <message>
        <source>Every link answers.</source>
        <translation>Her bağlantı yanıt veriyor.</translation>
    </message>
    <message>
        <source>The spelling dictionary could not be loaded.</source>
        <translation>Yazım sözlüğü yüklenemedi.</translation>
    </message>
    <message>
        <source>Not in the dictionary: {values}</source>
        <translation>Sözlükte yok: {values}</translation>
    </message>
    <message>
        <source>No unknown words.</source>
        <translation>Bilinmeyen sözcük yok.</translation>
    </message>
    <message>
        <source>No day of mourning or commemoration.</source>
        <translation>Yas ya da anma günü değil.</translation>
    </message>
    <message>
        <source>Nothing celebratory.</source>
        <translation>Kutlama ifadesi yok.</translation>
    </message>
    <message>
        <source>National mourning: celebratory wording ({values}).</source>
        <translation>Millî yas: kutlama ifadesi ({values}).</translation>
    </message>
    <message>
        <source>No photos or videos.</source>
        <translation>Fotoğraf ya da video yok.</translation>
    </message>
    <message>
        <source>Children in {values}: record the parents&apos; written consent or blur their faces.</source>
        <translation>{values} çocuk içeriyor: velinin yazılı rızasını kaydedin ya da yüzleri bulanıklaştırın.</translation>
    </message>
    <message>
        <source>Say in the media pane whether recognisable people appear: {values}.</source>
        <translation>Tanınabilir kişi olup olmadığını medya bölmesinde belirtin: {values}.</translation>
    </message>
    <message>
        <source>No consent recorded for the people in {values}: record it, or note the legal ground.</source>
        <translation>{values} içindeki kişiler için rıza kaydı yok: kaydedin ya da hukuki dayanağı not edin.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Rıza kaydedildi.</translation>
    </message>
    <message>
        <source>{day} is a day of commemoration: no celebratory wording or emoji ({values}).</source>
        <translation>{day} bir anma günü: kutlama ifadesi ve emoji kullanılmaz ({values}).</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Previews per channel</source>
        <translation>Kanallara göre önizlemeler</translation>
    </message>
    <message>
        <source>Choose channels to see how the post will look.</source>
        <translation>Gönderinin nasıl görüneceğini görmek için kanal seçin.</translation>
    </message>
</context>
<context>
    <name>ComposerPane</name>
    <message>
        <source>Title for the calendar (optional)</source>
        <extracomment>Every channel&apos;s published posts with engagement (best-time hint), read in a worker thread each time a post is opened (the figures grow as posts are published). The campaign of the post being written (a post started in a campaign gets it). The profile&apos;s media folder (videos are probed there); set by the window.</extracomment>
        <translation>Takvimde görünecek başlık (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Başlık</translation>
    </message>
    <message>
        <source>Write the post once; adjust it per channel later.</source>
        <translation>Gönderiyi bir kez yazın; kanallara göre sonra uyarlayın.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Gönderi metni</translation>
    </message>
    <message>
        <source>Suggested hashtags</source>
        <translation>Önerilen etiketler</translation>
    </message>
    <message>
        <source>Hashtags:</source>
        <translation>Etiketler:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Önizleme</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>Kanala göre</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Publish time</source>
        <translation>Yayımlanma zamanı</translation>
    </message>
    <message>
        <source>Best times to post</source>
        <translation>Paylaşım için en iyi saatler</translation>
    </message>
    <message>
        <source>Attached media</source>
        <extracomment>Cancels what the platforms hold for a post: async (post_id) -&gt; (taken back, not taken back).</extracomment>
        <translation>Eklenen medya</translation>
    </message>
    <message>
        <source>Add image or video…</source>
        <translation>Görsel veya video ekle…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <source>Remove the selected media</source>
        <translation>Seçili medyayı kaldır</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Yeni gönderi</translation>
    </message>
    <message>
        <source>From a template…</source>
        <translation>Şablondan…</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Taslak olarak kaydet</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zamanla</translation>
    </message>
    <message>
        <source>Composer messages</source>
        <translation>Gönderi hazırlama bildirimleri</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) could not be taken back (offline, or the platform already published it).</source>
        <translation>
            <numerusform>%n kanaldan geri alınamadı (bağlantı yok ya da platform gönderiyi zaten yayımladı).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Taken back from %n channel(s): edit the post and schedule it again.</source>
        <translation>
            <numerusform>%n kanaldan geri alındı: gönderiyi düzenleyip yeniden zamanlayın.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Kontrol listesi</translation>
    </message>
    <message>
        <source>Cannot schedule for {channels}: {problem} Fix it, or remove that channel.</source>
        <translation>{channels} için zamanlanamıyor: {problem} Düzeltin ya da o kanalı çıkarın.</translation>
    </message>
    <message>
        <source>Fill in the template&apos;s fields first: {fields}</source>
        <translation>Önce şablonun alanlarını doldurun: {fields}</translation>
    </message>
    <message>
        <source>Not scheduled: the election-period warning needs a note.</source>
        <translation>Zamanlanmadı: seçim dönemi uyarısı için bir not gerekiyor.</translation>
    </message>
    <message>
        <source>Election period</source>
        <translation>Seçim dönemi</translation>
    </message>
    <message>
        <source>During the election period public bodies may not publish openings, ceremonies or promotion of works ({words}). To schedule anyway, write why (it is kept in the audit log):</source>
        <translation>Seçim döneminde kamu kurumları açılış, tören ya da eser tanıtımı yayımlayamaz ({words}). Yine de zamanlamak için gerekçenizi yazın (denetim kaydında saklanır):</translation>
    </message>
    <message>
        <source>Unsaved work from last time was restored.</source>
        <translation>Geçen sefer kaydedilmemiş çalışmanız geri yüklendi.</translation>
    </message>
    <message>
        <source>National mourning: celebratory wording ({words}).</source>
        <translation>Millî yas: kutlama ifadesi ({words}).</translation>
    </message>
    <message>
        <source>{day} is a day of commemoration: celebratory wording ({words}).</source>
        <translation>{day} bir anma günü: kutlama ifadesi ({words}).</translation>
    </message>
    <message>
        <source>Template field left empty: {field}</source>
        <translation>Şablon alanı boş: {field}</translation>
    </message>
    <message>
        <source>Election period: openings, ceremonies and promotion are not allowed ({words}).</source>
        <translation>Seçim dönemi: açılış, tören ve tanıtım paylaşılamaz ({words}).</translation>
    </message>
    <message>
        <source>{count} hashtags make the post hard to read (screen readers spell each one); at most 5.</source>
        <translation>{count} etiket gönderiyi okumayı zorlaştırır (ekran okuyucular her birini tek tek okur); en fazla 5 önerilir.</translation>
    </message>
    <message>
        <source>{name} is not a supported image or video.</source>
        <translation>{name} desteklenen bir görsel ya da video değil.</translation>
    </message>
    <message>
        <source>Already published on some channels; those stay as they are.</source>
        <translation>Bazı kanallarda zaten yayımlandı; oradaki gönderiler olduğu gibi kalır.</translation>
    </message>
    <message>
        <source>Handed to the platform&apos;s scheduler on some channels: changes here do not reach them until you take the post back from the platforms.</source>
        <translation>Bazı kanallarda gönderi platformun zamanlayıcısına teslim edildi: gönderiyi platformlardan geri alana kadar buradaki değişiklikler onlara ulaşmaz.</translation>
    </message>
    <message>
        <source>The publish time is in the past. Choose a later time.</source>
        <translation>Yayımlanma zamanı geçmişte kalıyor. Daha ileri bir zaman seçin.</translation>
    </message>
    <message>
        <source>Scheduled.</source>
        <translation>Zamanlandı.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Taslak kaydedildi.</translation>
    </message>
    <message>
        <source>The post is empty. Write some text or add an image.</source>
        <translation>Gönderi boş. Bir metin yazın veya görsel ekleyin.</translation>
    </message>
    <message>
        <source>Choose a publish time.</source>
        <translation>Bir yayımlanma zamanı seçin.</translation>
    </message>
    <message>
        <source>Choose at least one channel to schedule the post.</source>
        <translation>Gönderiyi zamanlamak için en az bir kanal seçin.</translation>
    </message>
    <message>
        <source>The post could not be saved.</source>
        <translation>Gönderi kaydedilemedi.</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n karakter</numerusform>
        </translation>
    </message>
    <message>
        <source>Add image or video</source>
        <translation>Görsel veya video ekle</translation>
    </message>
    <message>
        <source>Images and videos</source>
        <translation>Görseller ve videolar</translation>
    </message>
    <message>
        <source>{name} could not be read.</source>
        <translation>{name} dosyası okunamadı.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Add a channel</source>
        <extracomment>Platforms whose pasted token may carry an expiry the person can read in the platform&apos;s tool.</extracomment>
        <translation>Kanal ekle</translation>
    </message>
    <message>
        <source>Reconnect the channel</source>
        <translation>Kanalı yeniden bağla</translation>
    </message>
    <message>
        <source>Connect the channel</source>
        <translation>Kanalı bağla</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Sandbox channel for practice (nothing reaches the internet)</source>
        <translation>Alıştırma için deneme kanalı (hiçbir şey internete gitmez)</translation>
    </message>
    <message>
        <source>Turned off by your IT department&apos;s policy.</source>
        <translation>BT biriminizin politikasıyla kapatıldı.</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Platform:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <source>The token expires on:</source>
        <translation>Anahtarın son geçerlilik tarihi:</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Son geçerlilik tarihi</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Oturum açma adresi</translation>
    </message>
    <message>
        <source>If the browser did not open, open this address yourself:</source>
        <translation>Tarayıcı açılmadıysa bu adresi kendiniz açın:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Sorun</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Vazgeç</translation>
    </message>
    <message>
        <source>Set by IT management; it cannot be changed here.</source>
        <translation>BT yönetimi belirledi; burada değiştirilemez.</translation>
    </message>
    <message>
        <source>e.g. Municipality (%1)</source>
        <translation>ör. Belediye (%1)</translation>
    </message>
    <message>
        <source>IT has set this channel up: fields in grey are fixed; you only sign in or add the token.</source>
        <translation>Bu kanalı BT tanımladı: gri alanlar sabittir; siz yalnızca oturum açın ya da erişim anahtarını girin.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Sunucu adresi:</translation>
    </message>
    <message>
        <source>First the address of your Mastodon server; then you sign in there.</source>
        <translation>Önce Mastodon sunucunuzun adresi; ardından orada oturum açarsınız.</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>İstemci kimliği:</translation>
    </message>
    <message>
        <source>Callback port:</source>
        <translation>Geri dönüş bağlantı noktası:</translation>
    </message>
    <message>
        <source>From the institution&apos;s X app (type: Native App). Its callback address must be http://127.0.0.1:%1/callback — X accepts only the exact address registered there.</source>
        <translation>Kurumun X uygulamasından (tür: Native App). Uygulamada geri dönüş adresi olarak http://127.0.0.1:%1/callback kayıtlı olmalı — X yalnızca orada birebir kayıtlı adresi kabul eder.</translation>
    </message>
    <message>
        <source>You approve the access on the platform&apos;s own page; no password is typed here.</source>
        <translation>Erişimi platformun kendi sayfasında onaylarsınız; burada parola yazılmaz.</translation>
    </message>
    <message>
        <source>Handle:</source>
        <translation>Kullanıcı adı:</translation>
    </message>
    <message>
        <source>App password:</source>
        <translation>Uygulama parolası:</translation>
    </message>
    <message>
        <source>Never enter the account&apos;s main password. Create an app password for Kurum Masaüstü in Bluesky: Settings → Privacy and security → App passwords.</source>
        <translation>Hesabın ana parolasını asla girmeyin. Bluesky&apos;da Kurum Masaüstü için bir uygulama parolası oluşturun: Ayarlar → Gizlilik ve güvenlik → Uygulama parolaları.</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Bot token:</source>
        <translation>Bot anahtarı:</translation>
    </message>
    <message>
        <source>The token comes from @BotFather. Add the bot to the channel as an administrator who may post.</source>
        <translation>Anahtar @BotFather&apos;dan alınır. Botu kanala gönderi paylaşabilen bir yönetici olarak ekleyin.</translation>
    </message>
    <message>
        <source>Page ID:</source>
        <translation>Sayfa kimliği:</translation>
    </message>
    <message>
        <source>Page access token:</source>
        <translation>Sayfa erişim anahtarı:</translation>
    </message>
    <message>
        <source>Instagram account ID:</source>
        <translation>Instagram hesap kimliği:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Erişim anahtarı:</translation>
    </message>
    <message>
        <source>Organization URN:</source>
        <translation>Kuruluş URN&apos;si:</translation>
    </message>
    <message>
        <source>A desktop app cannot keep Meta&apos;s app secret, so IT creates a long-lived token (best: a system user in Meta Business Settings) and pastes it here.</source>
        <translation>Masaüstü uygulaması Meta&apos;nın uygulama sırrını saklayamaz; bu yüzden bilgi işlem uzun ömürlü bir anahtar oluşturup (en iyisi: Meta İşletme Ayarları&apos;nda bir sistem kullanıcısı) buraya yapıştırır.</translation>
    </message>
    <message>
        <source>The platform&apos;s token tool shows the expiry; leave it unticked if it never expires.</source>
        <translation>Son geçerlilik tarihini platformun anahtar aracı gösterir; süresi hiç dolmuyorsa işaretlemeyin.</translation>
    </message>
    <message>
        <source>Sandbox: any token works the first time; left empty, one is made up for you.</source>
        <translation>Deneme: ilk seferde her anahtar çalışır; boş bırakırsanız sizin için bir tane oluşturulur.</translation>
    </message>
    <message>
        <source>Sandbox: the sign-in page is shown inside Kurum Masaüstü.</source>
        <translation>Deneme: oturum açma sayfası Kurum Masaüstü&apos;nün içinde gösterilir.</translation>
    </message>
    <message>
        <source>Sandbox: left empty, the saved token is used again.</source>
        <translation>Deneme: boş bırakırsanız kayıtlı anahtar yeniden kullanılır.</translation>
    </message>
    <message>
        <source>A manual channel: Kurum Masaüstü prepares the text and media, you post by hand and record the link.</source>
        <translation>Elle paylaşılan kanal: Kurum Masaüstü metni ve görselleri hazırlar, siz elle paylaşıp bağlantıyı kaydedersiniz.</translation>
    </message>
    <message>
        <source>Sign in with the browser…</source>
        <translation>Tarayıcıda oturum aç…</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Denetle ve kaydet</translation>
    </message>
    <message>
        <source>Sandbox %1: allow “%2” to post as %3?</source>
        <translation>Deneme %1: “%2” uygulaması %3 adına paylaşım yapabilsin mi?</translation>
    </message>
    <message>
        <source>Sandbox sign-in</source>
        <translation>Deneme oturum açma</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>İzin ver</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Reddet</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Bağlı</translation>
    </message>
    <message>
        <source>You can close this tab and return to Kurum Masaüstü.</source>
        <translation>Bu sekmeyi kapatıp Kurum Masaüstü&apos;ne dönebilirsiniz.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Bağlanmadı</translation>
    </message>
    <message>
        <source>Return to Kurum Masaüstü to see why.</source>
        <translation>Nedenini görmek için Kurum Masaüstü&apos;ne dönün.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct for this year</source>
        <translation>Bu yıl için düzelt</translation>
    </message>
    <message>
        <source>{name} in {year}: the change applies to this year only.</source>
        <translation>{name}, {year}: değişiklik yalnızca bu yıl için geçerli.</translation>
    </message>
    <message>
        <source>Move to another date</source>
        <translation>Başka bir tarihe taşı</translation>
    </message>
    <message>
        <source>Hide this year</source>
        <translation>Bu yıl gizle</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>Yeni tarih</translation>
    </message>
    <message numerus="yes">
        <source>Lasts %n day(s) from this date, as before.</source>
        <translation>
            <numerusform>Bu tarihten başlayarak önceki gibi %n gün sürer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>Beklenmeyen hata</translation>
    </message>
    <message>
        <source>Something went wrong. Your saved work is safe; the details were written to the log file.</source>
        <translation>Bir sorun oluştu. Kaydettiğiniz çalışmalar güvende; ayrıntılar günlük dosyasına yazıldı.</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Günlük dosyası: {path}</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) occurred in total.</source>
        <translation>
            <numerusform>Toplam %n hata oluştu.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrisisBanner</name>
    <message>
        <source>Show the messages</source>
        <translation>Mesajları göster</translation>
    </message>
    <message>
        <source>Crisis plan…</source>
        <translation>Kriz planı…</translation>
    </message>
    <message>
        <source>Holding statements…</source>
        <translation>Bekleme metinleri…</translation>
    </message>
    <message>
        <source>Turn on crisis mode</source>
        <translation>Kriz modunu aç</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>under the post “{post}”</source>
        <translation>“{post}” gönderisinin altında</translation>
    </message>
    <message>
        <source>about {unit}</source>
        <translation>{unit} konusunda</translation>
    </message>
    <message>
        <source>across all channels</source>
        <translation>tüm kanallarda</translation>
    </message>
    <message>
        <source>Possible crisis: negative messages are piling up</source>
        <translation>Olası kriz: olumsuz mesajlar birikiyor</translation>
    </message>
    <message>
        <source>{count} negative messages in the last {hours} h {where} — {ratio}× the usual (usually {baseline} in that time). Growth: {growth}.</source>
        <translation>Son {hours} saatte {where} {count} olumsuz mesaj — olağanın {ratio} katı (bu sürede genelde {baseline}). Artış: {growth}.</translation>
    </message>
    <message>
        <source>Crisis mode is on</source>
        <translation>Kriz modu açık</translation>
    </message>
</context>
<context>
    <name>CrisisDialog</name>
    <message>
        <source>Crisis plan</source>
        <translation>Kriz planı</translation>
    </message>
    <message>
        <source>Crisis plan steps</source>
        <translation>Kriz planı adımları</translation>
    </message>
    <message>
        <source>A new step (e.g. inform the neighbourhood muhtars)</source>
        <translation>Yeni adım (ör. mahalle muhtarlarını bilgilendirin)</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Adım ekle</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Adımı kaldır</translation>
    </message>
    <message>
        <source>New crisis: clear the ticks</source>
        <translation>Yeni kriz: işaretleri temizle</translation>
    </message>
    <message>
        <source>Tick each step as it is done; double-click a step to edit it.</source>
        <translation>Her adımı yapıldıkça işaretleyin; düzenlemek için adıma çift tıklayın.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Holding statement</source>
        <translation>Bekleme metni</translation>
    </message>
    <message>
        <source>Statement text</source>
        <translation>Açıklama metni</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopyala</translation>
    </message>
    <message>
        <source>Write as a post</source>
        <translation>Gönderi olarak yaz</translation>
    </message>
    <message>
        <source>Holding statements</source>
        <translation>Bekleme metinleri</translation>
    </message>
    <message>
        <source>Which crisis</source>
        <translation>Hangi kriz</translation>
    </message>
    <message>
        <source>Save as a file…</source>
        <translation>Dosya olarak kaydet…</translation>
    </message>
    <message>
        <source>A plain-text record of this crisis for the report afterwards (what was done, when, by whom).</source>
        <translation>Sonraki rapor için bu krizin düz metin kaydı (ne, ne zaman, kim tarafından yapıldı).</translation>
    </message>
    <message>
        <source>Crisis timeline</source>
        <translation>Kriz zaman çizelgesi</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zaman çizelgesi</translation>
    </message>
    <message>
        <source>Contacts: {contacts}</source>
        <translation>İletişim: {contacts}</translation>
    </message>
    <message>
        <source>Current crisis (since {since})</source>
        <translation>Şimdiki kriz ({since} tarihinden beri)</translation>
    </message>
    <message>
        <source>Earlier crisis: {since} – {until}</source>
        <translation>Önceki kriz: {since} – {until}</translation>
    </message>
    <message>
        <source>publishing paused</source>
        <translation>yayın durduruldu</translation>
    </message>
    <message>
        <source>publishing resumed</source>
        <translation>yayın sürdürüldü</translation>
    </message>
    <message>
        <source>comment hidden</source>
        <translation>yorum gizlendi</translation>
    </message>
    <message>
        <source>step done</source>
        <translation>adım tamamlandı</translation>
    </message>
    <message>
        <source>step reopened</source>
        <translation>adım yeniden açıldı</translation>
    </message>
    <message>
        <source>plan edited</source>
        <translation>plan düzenlendi</translation>
    </message>
    <message>
        <source>new crisis: ticks cleared</source>
        <translation>yeni kriz: işaretler temizlendi</translation>
    </message>
    <message>
        <source>holding statement copied</source>
        <translation>bekleme metni kopyalandı</translation>
    </message>
    <message>
        <source>holding statement written as a post</source>
        <translation>bekleme metni gönderi olarak yazıldı</translation>
    </message>
    <message>
        <source>negative spike detected</source>
        <translation>olumsuz mesaj artışı saptandı</translation>
    </message>
    <message>
        <source>Save the crisis timeline</source>
        <translation>Kriz zaman çizelgesini kaydet</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Metin dosyaları (*.txt)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>şimdi</translation>
    </message>
    <message>
        <source>Period: {since} – {until}</source>
        <translation>Dönem: {since} – {until}</translation>
    </message>
    <message>
        <source>Written: {at}</source>
        <translation>Yazıldığı zaman: {at}</translation>
    </message>
    <message>
        <source>The timeline could not be saved to {path} ({reason}).</source>
        <translation>Zaman çizelgesi {path} konumuna kaydedilemedi ({reason}).</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Henüz kayıt yok.</translation>
    </message>
</context>
<context>
    <name>DayDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n daha</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Days</name>
    <message>
        <source>Commemoration (no celebration, no emoji)</source>
        <translation>Anma (kutlama yok, emoji yok)</translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation>Kutlama</translation>
    </message>
    <message>
        <source>Religious greeting</source>
        <translation>Dinî tebrik</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Farkındalık</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Bilgilendirme</translation>
    </message>
    <message>
        <source>National</source>
        <translation>Ulusal</translation>
    </message>
    <message>
        <source>Religious</source>
        <translation>Dinî</translation>
    </message>
    <message>
        <source>International</source>
        <translation>Uluslararası</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Yerel</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Resmî tatil</translation>
    </message>
</context>
<context>
    <name>DaysDialog</name>
    <message>
        <source>Our own days</source>
        <translation>Kurumun günleri</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Şununla başla</translation>
    </message>
    <message>
        <source>New day…</source>
        <translation>Yeni gün…</translation>
    </message>
    <message>
        <source>Local liberation day</source>
        <translation>Yerel kurtuluş günü</translation>
    </message>
    <message>
        <source>National mourning (milli yas)</source>
        <translation>Millî yas</translation>
    </message>
    <message>
        <source>Local festival</source>
        <translation>Yerel festival</translation>
    </message>
    <message>
        <source>Extra day off</source>
        <translation>Ek tatil (idari izin)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Every year on</source>
        <translation>Her yıl</translation>
    </message>
    <message>
        <source>Once, from</source>
        <translation>Bir kez,</translation>
    </message>
    <message>
        <source>Offices are closed (a day off)</source>
        <translation>Daireler kapalı (tatil günü)</translation>
    </message>
    <message>
        <source>Save day</source>
        <translation>Günü kaydet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Ne zaman</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Üslup</translation>
    </message>
    <message>
        <source>These days show in the calendar like the built-in ones, remind you when nothing is planned, and set the tone checks of the composer.</source>
        <translation>Bu günler takvimde hazır günler gibi görünür, planlanmış içerik yoksa hatırlatılır ve gönderi hazırlamadaki üslup denetimini belirler.</translation>
    </message>
    <message>
        <source>Liberation of our city</source>
        <translation>Şehrimizin kurtuluşu</translation>
    </message>
    <message>
        <source>National mourning</source>
        <translation>Millî yas</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>Give the day a name.</source>
        <translation>Güne bir ad verin.</translation>
    </message>
    <message>
        <source>The day ends before it starts.</source>
        <translation>Gün başlamadan bitiyor.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by channel</source>
        <translation>Kanala göre süz</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Kategoriye göre süz</translation>
    </message>
    <message>
        <source>Filter by campaign</source>
        <translation>Kampanyaya göre süz</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Duruma göre süz</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Süzgeçleri temizle</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Göster:</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tüm kategoriler</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tüm durumlar</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tüm kanallar</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>Tüm kampanyalar</translation>
    </message>
    <message>
        <source>Outside campaigns</source>
        <translation>Kampanya dışı</translation>
    </message>
</context>
<context>
    <name>Goals</name>
    <message>
        <source>post(s)</source>
        <extracomment>Seasonal campaigns a municipality runs every year (seed chapter 1): name, colour, start, length.</extracomment>
        <translation>gönderi</translation>
    </message>
    <message>
        <source>{what} in {campaign}</source>
        <translation>{what} ({campaign})</translation>
    </message>
    <message>
        <source>this week reply time: counting…</source>
        <translation>bu hafta yanıt süresi: hesaplanıyor…</translation>
    </message>
    <message>
        <source>this month reply time: counting…</source>
        <translation>bu ay yanıt süresi: hesaplanıyor…</translation>
    </message>
    <message>
        <source>this week {percent}% answered in time (goal {target}%)</source>
        <translation>bu hafta %{percent} zamanında yanıtlandı (hedef %{target})</translation>
    </message>
    <message>
        <source>this month {percent}% answered in time (goal {target}%)</source>
        <translation>bu ay %{percent} zamanında yanıtlandı (hedef %{target})</translation>
    </message>
    <message>
        <source>this week {done}/{target} {what}</source>
        <translation>bu hafta {done}/{target} {what}</translation>
    </message>
    <message>
        <source>this month {done}/{target} {what}</source>
        <translation>bu ay {done}/{target} {what}</translation>
    </message>
</context>
<context>
    <name>GoalsDialog</name>
    <message>
        <source>Goals</source>
        <translation>Hedefler</translation>
    </message>
    <message>
        <source>Kind of goal</source>
        <translation>Hedef türü</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>gönderi</translation>
    </message>
    <message>
        <source>% of messages answered within the response target</source>
        <translation>% mesaj yanıt hedefi içinde yanıtlansın (yanıt süresi)</translation>
    </message>
    <message>
        <source>Reply time: the share of citizens&apos; messages answered within the response target (Settings → Inbox).</source>
        <translation>Yanıt süresi: vatandaş mesajlarının yanıt hedefi içinde yanıtlanan payı (Ayarlar → Gelen kutusu).</translation>
    </message>
    <message>
        <source>Number of posts</source>
        <translation>Gönderi sayısı</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>haftada</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>ayda</translation>
    </message>
    <message>
        <source>any category</source>
        <translation>her kategori</translation>
    </message>
    <message>
        <source>any campaign</source>
        <translation>her kampanya</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>her kanal</translation>
    </message>
    <message>
        <source>Messages counted</source>
        <extracomment>Which messages a reply-time goal counts: all, one channel&apos;s or one unit&apos;s.</extracomment>
        <translation>Sayılan mesajlar</translation>
    </message>
    <message>
        <source>all messages</source>
        <translation>tüm mesajlar</translation>
    </message>
    <message>
        <source>channel: {name}</source>
        <translation>kanal: {name}</translation>
    </message>
    <message>
        <source>unit: {name}</source>
        <translation>birim: {name}</translation>
    </message>
    <message>
        <source>A unit&apos;s messages are those routed to it; a channel&apos;s are those that came in on it.</source>
        <translation>Bir birimin mesajları ona yönlendirilenlerdir; bir kanalın mesajları o kanaldan gelenlerdir.</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Hedef ekle</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Hedefi kaldır</translation>
    </message>
    <message>
        <source>Planned and published posts count toward a goal; drafts do not. The calendar shows the progress.</source>
        <translation>Hedefe planlanan ve yayımlanan gönderiler sayılır; taslaklar sayılmaz. İlerleme takvimde görünür.</translation>
    </message>
    <message>
        <source>{target}% of messages answered within the response target per week</source>
        <translation>Her hafta mesajların %{target} kadarı yanıt hedefi içinde yanıtlansın</translation>
    </message>
    <message>
        <source>{target}% of messages answered within the response target per month</source>
        <translation>Her ay mesajların %{target} kadarı yanıt hedefi içinde yanıtlansın</translation>
    </message>
    <message>
        <source>{name}: {goal}</source>
        <translation>{name}: {goal}</translation>
    </message>
    <message>
        <source>{target} {what} per week</source>
        <translation>haftada {target} {what}</translation>
    </message>
    <message>
        <source>{target} {what} per month</source>
        <translation>ayda {target} {what}</translation>
    </message>
</context>
<context>
    <name>HashtagLibraryDialog</name>
    <message>
        <source>Hashtag library</source>
        <translation>Etiket kitaplığı</translation>
    </message>
    <message>
        <source>Hashtag sets</source>
        <translation>Etiket setleri</translation>
    </message>
    <message>
        <source>New set…</source>
        <translation>Yeni set…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Yeniden adlandır…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Yukarı taşı</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Aşağı taşı</translation>
    </message>
    <message>
        <source>Set name</source>
        <translation>Set adı</translation>
    </message>
    <message>
        <source>Kind of set</source>
        <translation>Set türü</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiketler</translation>
    </message>
    <message>
        <source>One tag per line, or separated by spaces; “#” is optional.</source>
        <translation>Her satıra bir etiket ya da boşlukla ayırarak yazın; “#” isteğe bağlı.</translation>
    </message>
    <message>
        <source>Sort A–Z (Turkish)</source>
        <translation>A–Z sırala (Türkçe)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Tarihler</translation>
    </message>
    <message>
        <source>Give the set a name.</source>
        <translation>Sete bir ad verin.</translation>
    </message>
    <message>
        <source>Write at least one tag.</source>
        <translation>En az bir etiket yazın.</translation>
    </message>
    <message>
        <source>These cannot be hashtags (a tag needs a letter and no hyphen): {tags}</source>
        <translation>Bunlar etiket olamaz (etikette en az bir harf olmalı, tire olmamalı): {tags}</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Bitiş tarihi başlangıç tarihinden önce.</translation>
    </message>
    <message>
        <source>This set was deleted meanwhile.</source>
        <translation>Bu set bu arada silinmiş.</translation>
    </message>
    <message>
        <source>The set could not be saved.</source>
        <translation>Set kaydedilemedi.</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Yeni set</translation>
    </message>
    <message>
        <source>Name of the new set:</source>
        <translation>Yeni setin adı:</translation>
    </message>
    <message>
        <source>NewTag</source>
        <translation>YeniEtiket</translation>
    </message>
    <message>
        <source>Rename set</source>
        <translation>Seti yeniden adlandır</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Yeni ad:</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Seti sil</translation>
    </message>
    <message>
        <source>Delete the set “{name}”?</source>
        <translation>“{name}” seti silinsin mi?</translation>
    </message>
</context>
<context>
    <name>Hashtags</name>
    <message>
        <source>General</source>
        <translation>Genel</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Yerel</translation>
    </message>
    <message>
        <source>Event (with dates)</source>
        <translation>Etkinlik (tarihli)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a content plan (CSV)</source>
        <translation>İçerik planını içe aktar (CSV)</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Dosya seçilmedi.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Dosya seç…</translation>
    </message>
    <message>
        <source>Columns: date, time, channels, text; optional: images, category, campaign, title (Turkish names work too). Comma or semicolon, UTF-8, as Excel saves it.</source>
        <translation>Sütunlar: tarih, saat, kanallar, metin; isteğe bağlı: görseller, kategori, kampanya, başlık (İngilizce adlar da olur). Virgül ya da noktalı virgül, UTF-8; Excel nasıl kaydediyorsa.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Satır</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Saat</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Sorun</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>İçe aktar</translation>
    </message>
    <message>
        <source>Content plan</source>
        <translation>İçerik planı</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) can be imported.</source>
        <translation>
            <numerusform>%n satır alınabilir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have problems and will be left out; cancel to import nothing.</source>
        <translation>
            <numerusform>%n satırda sorun var, bunlar alınmayacak; hiçbirini almamak için vazgeçin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n valid row(s)</source>
        <translation>
            <numerusform>Geçerli %n satırı al</numerusform>
        </translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>Tümünü al</translation>
    </message>
    <message>
        <source>An image could not be taken ({error}); nothing was imported.</source>
        <translation>Bir görsel alınamadı ({error}); hiçbir satır alınmadı.</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Overdue: waiting longer than the response time in business hours</source>
        <translation>Gecikmiş: mesai saatlerinde yanıt süresinden uzun süredir bekliyor</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Geliş zamanı</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Gönderen</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Bekleme</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} sa {m:02d} dk</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} dk</translation>
    </message>
    <message>
        <source>Search messages (e.g. cop, su, istanbul)…</source>
        <extracomment>Hides an item on its platform with a reason (the window sets it; None: no network here). Deletes a comment on its platform with a reason (the window sets it).</extracomment>
        <translation>Mesajlarda ara (ör. çöp, su, istanbul)…</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Mesajlarda ara</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Yanıt bekleyenler</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Gecikmiş</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Olumsuz</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Kategori süzgeci</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tüm kategoriler</translation>
    </message>
    <message>
        <source>This week&apos;s messages: answered, median business time to our first reply, share within the target</source>
        <translation>Bu haftanın mesajları: yanıtlanan, ilk yanıtımıza kadar geçen ortanca mesai süresi, hedef süre içindeki payı</translation>
    </message>
    <message>
        <source>Inbox messages</source>
        <translation>Gelen kutusundaki mesajlar</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <source>Selected message</source>
        <translation>Seçili mesaj</translation>
    </message>
    <message>
        <source>Choose a message to read it here. Comments, mentions and private messages of the connected channels gather in this inbox (Publishing → Channels… to connect one).</source>
        <translation>Okumak için bir mesaj seçin. Bağlı kanalların yorumları, bahsetmeleri ve özel mesajları bu gelen kutusunda toplanır (kanal bağlamak için Yayın → Kanallar…).</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Konuşma</translation>
    </message>
    <message>
        <source>Earlier messages from this person</source>
        <translation>Bu kişinin önceki mesajları</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geçmiş</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>Aynı kişi</translation>
    </message>
    <message>
        <source>Correct the category</source>
        <extracomment>The item whose conversation/history the tabs show, and which tabs are filled for it: a tab is read from the store when it is opened, not for every row passed over.</extracomment>
        <translation>Kategoriyi düzelt</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Yanıtla…</translation>
    </message>
    <message>
        <source>Write a reply from a template; it is sent through the outbox</source>
        <translation>Şablondan yanıt yazın; giden kutusu üzerinden gönderilir</translation>
    </message>
    <message>
        <source>Route…</source>
        <translation>Yönlendir…</translation>
    </message>
    <message>
        <source>Give the message to a unit: e-mail draft or Beyaz Masa / CİMER note</source>
        <translation>Mesajı bir birime iletin: e-posta taslağı ya da Beyaz Masa / CİMER notu</translation>
    </message>
    <message>
        <source>Hide…</source>
        <translation>Gizle…</translation>
    </message>
    <message>
        <source>Hide the comment on the platform (where it allows), with a reason</source>
        <translation>Yorumu platformda gizleyin (platform izin veriyorsa), gerekçesiyle</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Sil…</translation>
    </message>
    <message>
        <source>Delete the comment on the platform (Facebook, Instagram, Telegram), with a reason</source>
        <translation>Yorumu platformda gerekçesiyle sil (Facebook, Instagram, Telegram)</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Çözüldü</translation>
    </message>
    <message>
        <source>Mark the message resolved</source>
        <translation>Mesajı çözüldü olarak işaretle</translation>
    </message>
    <message>
        <source>A reply may have been sent: check on the platform.</source>
        <translation>Bir yanıt gönderilmiş olabilir: platformda kontrol edin.</translation>
    </message>
    <message>
        <source>It arrived</source>
        <translation>Ulaşmış</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Yeniden gönder</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>Kanal süzgeci</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Tüm kanallar</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>Tür süzgeci</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tüm türler</translation>
    </message>
    <message>
        <source>Unit filter</source>
        <translation>Birim süzgeci</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Tüm birimler</translation>
    </message>
    <message>
        <source>Period filter</source>
        <translation>Dönem süzgeci</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Her zaman</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Bugün</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Son 7 gün</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Son 30 gün</translation>
    </message>
    <message>
        <source>This week: no messages yet</source>
        <translation>Bu hafta: henüz mesaj yok</translation>
    </message>
    <message>
        <source>This week: {answered}/{received} answered · median {median} · {share}% in time ({target})</source>
        <translation>Bu hafta: {answered}/{received} yanıtlandı · ortanca {median} · %{share} zamanında ({target})</translation>
    </message>
    <message>
        <source>In time: answered within {target} of business hours. Counted among the messages whose time is up (answered, or still unanswered after {target}: late); the {waiting} still within {target} are not counted yet. A reply-time goal counts the same way.</source>
        <translation>Zamanında: mesai saatleri içinde {target} içinde yanıtlanan. Süresi dolan mesajlar arasında sayılır (yanıtlananlar ve {target} geçtiği hâlde yanıtlanmayanlar: gecikmiş); hâlâ {target} içinde olan {waiting} mesaj henüz sayılmaz. Yanıt süresi hedefi de aynı biçimde sayar.</translation>
    </message>
    <message>
        <source>no rule matched</source>
        <translation>hiçbir kural eşleşmedi</translation>
    </message>
    <message>
        <source>(corrected by you)</source>
        <translation>(sizin düzeltmeniz)</translation>
    </message>
    <message>
        <source>Why: {reasons}</source>
        <translation>Neden: {reasons}</translation>
    </message>
    <message>
        <source>T.C. kimlik no</source>
        <translation>T.C. kimlik no</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>telefon numarası</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-posta adresi</translation>
    </message>
    <message>
        <source>Personal data in a public message ({found}): continue in a private message, and consider hiding it.</source>
        <translation>Herkese açık mesajda kişisel veri var ({found}): özel mesajla devam edin, yorumu gizlemeyi düşünün.</translation>
    </message>
    <message>
        <source>Answered after {time} of business hours</source>
        <translation>Mesai saatiyle {time} sonra yanıtlandı</translation>
    </message>
    <message>
        <source>Overdue: waiting {time} of business hours (target {target})</source>
        <translation>Gecikmiş: mesai saatiyle {time} bekliyor (hedef {target})</translation>
    </message>
    <message>
        <source>Waiting {time} of business hours (target {target})</source>
        <translation>Mesai saatiyle {time} bekliyor (hedef {target})</translation>
    </message>
    <message>
        <source>— Our post —</source>
        <translation>— Gönderimiz —</translation>
    </message>
    <message>
        <source>(published {when})</source>
        <translation>({when} yayımlandı)</translation>
    </message>
    <message>
        <source>(a post not published from this app; id {id})</source>
        <translation>(bu uygulamadan yayımlanmamış bir gönderi; kimlik {id})</translation>
    </message>
    <message>
        <source>— Thread —</source>
        <translation>— Yazışma —</translation>
    </message>
    <message>
        <source>Us</source>
        <translation>Biz</translation>
    </message>
    <message>
        <source>(deleted on the platform)</source>
        <translation>(platformda silindi)</translation>
    </message>
    <message>
        <source>(the thread is longer; only its beginning is shown)</source>
        <translation>(yazışma daha uzun; yalnızca başı gösteriliyor)</translation>
    </message>
    <message>
        <source>No earlier messages from {who}.</source>
        <translation>{who} daha önce yazmamış.</translation>
    </message>
    <message>
        <source>Nothing done yet.</source>
        <translation>Henüz bir işlem yapılmadı.</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Eşleşen mesaj yok.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Yanıt</translation>
    </message>
    <message>
        <source>The reply could not be queued: it is empty or the message is gone.</source>
        <translation>Yanıt kuyruğa alınamadı: boş ya da mesaj artık yok.</translation>
    </message>
    <message>
        <source>Abuse or insult</source>
        <translation>Hakaret veya küfür</translation>
    </message>
    <message>
        <source>Personal data posted publicly (KVKK)</source>
        <translation>Herkese açık paylaşılmış kişisel veri (KVKK)</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>İstenmeyen ileti veya reklam</translation>
    </message>
    <message>
        <source>Hide the comment</source>
        <translation>Yorumu gizle</translation>
    </message>
    <message>
        <source>Reason (kept in the audit log):</source>
        <translation>Gerekçe (işlem kaydında saklanır):</translation>
    </message>
    <message>
        <source>This platform does not let us hide comments. Answer, or report it there.</source>
        <translation>Bu platform yorum gizlemeye izin vermiyor. Yanıtlayın ya da platformda bildirin.</translation>
    </message>
    <message>
        <source>The channel is not connected, so nothing was hidden.</source>
        <translation>Kanal bağlı değil; hiçbir şey gizlenmedi.</translation>
    </message>
    <message>
        <source>The platform could not be reached. Try again later.</source>
        <translation>Platforma ulaşılamadı. Daha sonra yeniden deneyin.</translation>
    </message>
    <message>
        <source>The platform refused to hide it ({code}).</source>
        <translation>Platform gizlemeyi reddetti ({code}).</translation>
    </message>
    <message>
        <source>Delete the comment</source>
        <translation>Yorumu sil</translation>
    </message>
    <message>
        <source>Delete {author}&apos;s comment on {platform}? Nobody will see it there any more and this cannot be undone. The text stays here, marked deleted, with your reason.</source>
        <translation>{author} adlı kişinin {platform} üzerindeki yorumu silinsin mi? Orada artık kimse göremez ve bu geri alınamaz. Metin burada, silindi olarak işaretlenmiş hâlde gerekçenizle birlikte kalır.</translation>
    </message>
    <message>
        <source>This platform does not let us delete others&apos; comments. Hide it if you can, or report it there.</source>
        <translation>Bu platform başkalarının yorumlarını silmemize izin vermiyor. Mümkünse gizleyin ya da platformda şikâyet edin.</translation>
    </message>
    <message>
        <source>A private message cannot be deleted for the person who sent it.</source>
        <translation>Özel mesaj, gönderen kişi için silinemez.</translation>
    </message>
    <message>
        <source>The platform refused: a page may delete only comments on its own posts, and the account needs the page&apos;s admin role. Nothing was deleted.</source>
        <translation>Platform reddetti: bir sayfa yalnızca kendi gönderilerindeki yorumları silebilir ve hesabın sayfada yönetici rolü olmalıdır. Hiçbir şey silinmedi.</translation>
    </message>
    <message>
        <source>The channel is not connected, so nothing was deleted.</source>
        <translation>Kanal bağlı olmadığı için hiçbir şey silinmedi.</translation>
    </message>
    <message>
        <source>The platform refused to delete it ({code}).</source>
        <translation>Platform silmeyi reddetti ({code}).</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>taslak</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>kuyrukta</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>gönderiliyor</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gönderildi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <source>check on the platform</source>
        <translation>platformda kontrol edin</translation>
    </message>
</context>
<context>
    <name>InboxSettings</name>
    <message>
        <source>Business hours must end after they start.</source>
        <translation>Mesai bitişi başlangıcından sonra olmalıdır.</translation>
    </message>
    <message>
        <source>Choose at least one working day.</source>
        <translation>En az bir çalışma günü seçin.</translation>
    </message>
    <message>
        <source>The response target must be between 15 minutes and 7 days.</source>
        <translation>Yanıt hedefi 15 dakika ile 7 gün arasında olmalıdır.</translation>
    </message>
    <message>
        <source>The spike window must be between 15 minutes and 24 hours.</source>
        <translation>Artış penceresi 15 dakika ile 24 saat arasında olmalıdır.</translation>
    </message>
    <message>
        <source>A spike needs between 2 and 1000 negative messages.</source>
        <translation>Bir artış için 2 ile 1000 arasında olumsuz mesaj gerekir.</translation>
    </message>
    <message>
        <source>The spike ratio must be between 1.5× and 50×.</source>
        <translation>Artış oranı 1,5× ile 50× arasında olmalıdır.</translation>
    </message>
</context>
<context>
    <name>InboxSettingsPage</name>
    <message>
        <source>Business hours</source>
        <translation>Mesai saatleri</translation>
    </message>
    <message>
        <source>Business hours start</source>
        <translation>Mesai başlangıcı</translation>
    </message>
    <message>
        <source>Business hours end</source>
        <translation>Mesai bitişi</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Saatler:</translation>
    </message>
    <message>
        <source>Working days:</source>
        <translation>Çalışma günleri:</translation>
    </message>
    <message>
        <source>Public holidays and the afternoons of arife days and 28 Ekim are always closed.</source>
        <translation>Resmî tatiller ile arife günlerinin ve 28 Ekim&apos;in öğleden sonraları her zaman kapalı sayılır.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> dk</translation>
    </message>
    <message>
        <source>Response target</source>
        <translation>Yanıt hedefi</translation>
    </message>
    <message>
        <source>Business time within which a message should be answered; later ones are overdue.</source>
        <translation>Bir mesajın yanıtlanması gereken mesai süresi; daha geç kalanlar gecikmiş sayılır.</translation>
    </message>
    <message>
        <source>Response target:</source>
        <translation>Yanıt hedefi:</translation>
    </message>
    <message>
        <source>Crisis warning</source>
        <translation>Kriz uyarısı</translation>
    </message>
    <message>
        <source>Spike window</source>
        <translation>Artış penceresi</translation>
    </message>
    <message>
        <source>Look at the last:</source>
        <translation>Son şu kadar süreye bak:</translation>
    </message>
    <message>
        <source>Minimum negative messages</source>
        <translation>En az olumsuz mesaj sayısı</translation>
    </message>
    <message>
        <source>At least this many negative messages:</source>
        <translation>En az şu kadar olumsuz mesaj:</translation>
    </message>
    <message>
        <source>Spike ratio</source>
        <translation>Artış oranı</translation>
    </message>
    <message>
        <source>And this many times the usual (last 7 days):</source>
        <translation>Ve olağanın (son 7 gün) şu kadar katı:</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Bildirimler</translation>
    </message>
    <message>
        <source>Tell me about new messages while the window is in the background</source>
        <translation>Pencere arka plandayken yeni mesajları bildir</translation>
    </message>
    <message>
        <source>Also outside business hours</source>
        <translation>Mesai saatleri dışında da</translation>
    </message>
    <message>
        <source>Tell me when a post could not be published</source>
        <translation>Bir gönderi yayımlanamadığında bildir</translation>
    </message>
    <message>
        <source>Notifications give counts and kinds only, never a citizen&apos;s words or name. A sudden rise of negative messages is told at any hour.</source>
        <translation>Bildirimler yalnızca sayıları ve türleri verir; vatandaşın sözlerini ya da adını asla göstermez. Olumsuz mesajlardaki ani artış her saatte bildirilir.</translation>
    </message>
</context>
<context>
    <name>KindPanel</name>
    <message>
        <source>Kind of post</source>
        <translation>Gönderi türü</translation>
    </message>
    <message>
        <source>Why some kinds are off</source>
        <translation>Bazı türlerin neden kapalı olduğu</translation>
    </message>
    <message>
        <source>https://… (shown as a link card where the platform makes one)</source>
        <translation>https://… (platform destekliyorsa bağlantı kartı olarak görünür)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Bağlantı</translation>
    </message>
    <message>
        <source>Link card</source>
        <translation>Bağlantı kartı</translation>
    </message>
    <message>
        <source>Poll (the text is the question)</source>
        <translation>Anket (soru, gönderinin metnidir)</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Seçenek ekle</translation>
    </message>
    <message>
        <source>Poll duration</source>
        <translation>Anket süresi</translation>
    </message>
    <message>
        <source>Several answers allowed</source>
        <translation>Birden çok seçim yapılabilir</translation>
    </message>
    <message>
        <source>Runs for</source>
        <translation>Süre</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Zincir</translation>
    </message>
    <message>
        <source>Split into parts</source>
        <translation>Bölümlere ayır</translation>
    </message>
    <message>
        <source>Puts a line “---” where each part ends, for the strictest chosen platform; move or delete them freely.</source>
        <translation>Seçili platformlardan sınırı en dar olana göre her bölümün bittiği yere “---” satırı koyar; bu satırları dilediğiniz gibi taşıyabilir ya da silebilirsiniz.</translation>
    </message>
    <message>
        <source>New part at the cursor</source>
        <translation>İmleçten yeni bölüm</translation>
    </message>
    <message>
        <source>Remove the breaks</source>
        <translation>Bölmeleri kaldır</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Option {number}</source>
        <translation>Seçenek {number}</translation>
    </message>
    <message>
        <source>Poll option {number}</source>
        <translation>Anket seçeneği {number}</translation>
    </message>
    <message>
        <source>Choose X, Bluesky or Mastodon to post a thread.</source>
        <translation>Zincir paylaşmak için X, Bluesky ya da Mastodon seçin.</translation>
    </message>
    <message>
        <source>Parts: {counts}. A line “---” starts a new part; long parts are split at sentence ends.</source>
        <translation>Bölüm sayısı: {counts}. “---” satırı yeni bölüm başlatır; uzun bölümler cümle sonlarından bölünür.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Post (text, link, images, video)</source>
        <translation>Gönderi (metin, bağlantı, görsel, video)</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>Anket</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Zincir</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Hikâye</translation>
    </message>
    <message>
        <source>Reel</source>
        <translation>Reels</translation>
    </message>
    <message>
        <source>{platform} has no polls that the app can publish.</source>
        <translation>{platform} üzerinde uygulamanın yayımlayabileceği anket yok.</translation>
    </message>
    <message>
        <source>{platform} has no threads; only X, Bluesky and Mastodon do.</source>
        <translation>{platform} zincir desteklemiyor; yalnızca X, Bluesky ve Mastodon destekler.</translation>
    </message>
    <message>
        <source>{kind} is for Instagram only.</source>
        <translation>{kind} yalnızca Instagram içindir.</translation>
    </message>
    <message>
        <source>{platform} needs an image or a video.</source>
        <translation>{platform} için görsel ya da video gerekir.</translation>
    </message>
    <message>
        <source>A channel posted by hand takes ordinary posts only.</source>
        <translation>Elle paylaşılan kanal yalnızca standart gönderi alır.</translation>
    </message>
    <message>
        <source>A poll cannot carry images or video; remove them.</source>
        <translation>Ankete görsel ya da video eklenemez; bunları kaldırın.</translation>
    </message>
    <message>
        <source>A story needs exactly one image or video.</source>
        <translation>Hikâye için tam olarak bir görsel ya da video gerekir.</translation>
    </message>
    <message>
        <source>A reel needs exactly one video.</source>
        <translation>Reels için tam olarak bir video gerekir.</translation>
    </message>
    <message>
        <source>A story has no caption: the text is not posted (put the words in the picture).</source>
        <translation>Hikâyenin açıklama metni olmaz: metin paylaşılmaz (sözleri görselin içine yazın).</translation>
    </message>
    <message>
        <source>The link is not a web address (it must start with https://).</source>
        <translation>Bağlantı bir web adresi değil (https:// ile başlamalı).</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 gün</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} gün</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 saat</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} saat</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 dakika</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} dakika</translation>
    </message>
    <message>
        <source>A poll needs a question: write it as the post&apos;s text.</source>
        <translation>Anketin bir sorusu olmalı: soruyu gönderi metni olarak yazın.</translation>
    </message>
    <message>
        <source>A poll here needs at least {limit} options.</source>
        <translation>Buradaki anket için en az {limit} seçenek gerekir.</translation>
    </message>
    <message>
        <source>At most {limit} options here.</source>
        <translation>Burada en fazla {limit} seçenek olabilir.</translation>
    </message>
    <message>
        <source>Option “{option}” is too long: at most {limit} characters here.</source>
        <translation>“{option}” seçeneği çok uzun: burada en fazla {limit} karakter olabilir.</translation>
    </message>
    <message>
        <source>Option “{option}” is given twice.</source>
        <translation>“{option}” seçeneği iki kez yazılmış.</translation>
    </message>
    <message>
        <source>The poll runs too long: at most {duration} here.</source>
        <translation>Anket süresi çok uzun: burada en fazla {duration}.</translation>
    </message>
    <message>
        <source>The poll is too short: at least {duration} here.</source>
        <translation>Anket süresi çok kısa: burada en az {duration}.</translation>
    </message>
    <message>
        <source>The poll will run {duration} here (the platform&apos;s nearest duration).</source>
        <translation>Anket burada {duration} sürecek (platformun en yakın süresi).</translation>
    </message>
    <message>
        <source>The question is too long for a poll here: at most {limit} characters.</source>
        <translation>Soru buradaki anket için çok uzun: en fazla {limit} karakter.</translation>
    </message>
    <message>
        <source>Only single-choice polls here.</source>
        <translation>Burada yalnızca tek seçimli anket yapılabilir.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Manual</source>
        <translation>Elle</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Taslak</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Zamanlandı</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Yayımlanıyor</translation>
    </message>
    <message>
        <source>Handed to platform</source>
        <translation>Platforma iletildi</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Yayımlandı</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Başarısız</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>İptal edildi</translation>
    </message>
    <message>
        <source>To be checked</source>
        <translation>Kontrol edilmeli</translation>
    </message>
    <message>
        <source>Time passed</source>
        <translation>Zamanı geçti</translation>
    </message>
    <message>
        <source>Announcement</source>
        <extracomment>A short symbol per state, so the calendar can be read without colour.</extracomment>
        <translation>Duyuru</translation>
    </message>
    <message>
        <source>Service information</source>
        <translation>Hizmet bilgilendirmesi</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Etkinlik</translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation>Kutlama</translation>
    </message>
    <message>
        <source>Commemoration</source>
        <translation>Anma</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Farkındalık</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Kriz</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Etkileşim</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Yorum</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Yanıt</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Bahsetme</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Özel mesaj</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Yeni</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Okundu</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Yanıtlandı</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Çözüldü</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Gizlendi</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Soru</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Şikâyet</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Talep</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Teşekkür</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Abuse</source>
        <translation>Hakaret</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Diğer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo</source>
        <translation>Tanıtım</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Gönderi hazırlama</translation>
    </message>
    <message>
        <source>Media preview</source>
        <translation>Medya önizleme</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Gelen kutusu</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Giden kutusu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;Yeni gönderi</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Taslak olarak kaydet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Yedek al…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Ayarlar…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>Go to &amp;today</source>
        <translation>&amp;Bugüne git</translation>
    </message>
    <message>
        <source>&amp;Content</source>
        <translation>İ&amp;çerik</translation>
    </message>
    <message>
        <source>&amp;Hashtag library…</source>
        <translation>&amp;Etiket kitaplığı…</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>Ş&amp;ablonlar…</translation>
    </message>
    <message>
        <source>&amp;Publishing</source>
        <translation>&amp;Yayın</translation>
    </message>
    <message>
        <source>&amp;Pause all publishing…</source>
        <translation>Tüm yayınları &amp;duraklat…</translation>
    </message>
    <message>
        <source>&amp;Crisis mode…</source>
        <translation>&amp;Kriz modu…</translation>
    </message>
    <message>
        <source>National &amp;mourning…</source>
        <translation>Millî &amp;yas…</translation>
    </message>
    <message>
        <source>&amp;Resume publishing</source>
        <translation>Yayını &amp;sürdür</translation>
    </message>
    <message>
        <source>Send &amp;due posts now</source>
        <translation>Zamanı gelenleri &amp;şimdi gönder</translation>
    </message>
    <message>
        <source>C&amp;hannels…</source>
        <translation>Kan&amp;allar…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;About Kurum Masaüstü</source>
        <translation>Kurum Masaüstü &amp;hakkında</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Yerel</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) handed to platforms could not be taken back; cancel them on the platform.</source>
        <translation>
            <numerusform>Platformlara teslim edilen %n gönderi geri alınamadı; platformda iptal edin.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) taken back from the platforms&apos; schedulers.</source>
        <translation>
            <numerusform>Platformların zamanlayıcılarından %n gönderi geri alındı.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume publishing</source>
        <translation>Yayını sürdür</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) became due while publishing was paused.</source>
        <translation>
            <numerusform>Yayın duraklatılmışken %n gönderinin zamanı geldi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish them now, or keep them as drafts to review and reschedule?</source>
        <translation>Şimdi yayımlansın mı, yoksa gözden geçirip yeniden planlamak için taslak olarak mı beklesin?</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Şimdi yayımla</translation>
    </message>
    <message>
        <source>Keep as drafts</source>
        <translation>Taslak olarak beklet</translation>
    </message>
</context>
<context>
    <name>MediaPane</name>
    <message>
        <source>Media preview</source>
        <extracomment>Platforms shown when the post has no channels chosen yet.</extracomment>
        <translation>Medya önizleme</translation>
    </message>
    <message>
        <source>Drag the point onto the subject: every platform&apos;s crop keeps it in view.</source>
        <translation>Noktayı konunun üzerine sürükleyin: her platformun kırpması onu görünür tutar.</translation>
    </message>
    <message>
        <source>Media of the post</source>
        <translation>Gönderideki medya</translation>
    </message>
    <message>
        <source>Media details</source>
        <translation>Medya ayrıntıları</translation>
    </message>
    <message>
        <source>Crops per platform</source>
        <translation>Platformlara göre kırpmalar</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Alternatif metin</translation>
    </message>
    <message>
        <source>Describe the picture for people who cannot see it: who, what, where; any text in it.</source>
        <translation>Görseli göremeyenler için tarif edin: kim, ne, nerede; içindeki yazılar.</translation>
    </message>
    <message>
        <source>Metadata that will be removed</source>
        <translation>Kaldırılacak üst veriler</translation>
    </message>
    <message>
        <source>People in the picture (KVKK)</source>
        <translation>Görseldeki kişiler (KVKK)</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Henüz belirtilmedi</translation>
    </message>
    <message>
        <source>No recognisable people</source>
        <translation>Tanınabilir kişi yok</translation>
    </message>
    <message>
        <source>Recognisable people</source>
        <translation>Tanınabilir kişiler var</translation>
    </message>
    <message>
        <source>Consent recorded, or another legal ground</source>
        <translation>Açık rıza alındı ya da başka hukuki dayanak var</translation>
    </message>
    <message>
        <source>Children recognisable</source>
        <translation>Çocuklar tanınabilir</translation>
    </message>
    <message>
        <source>Parents&apos; written consent</source>
        <translation>Velinin yazılı rızası</translation>
    </message>
    <message>
        <source>Faces blurred</source>
        <translation>Yüzler bulanık</translation>
    </message>
    <message>
        <source>Where the consent forms are kept, or the legal ground</source>
        <translation>Rıza formlarının nerede saklandığı ya da hukuki dayanak</translation>
    </message>
    <message>
        <source>Consent note</source>
        <translation>Rıza notu</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Üst veriler</translation>
    </message>
    <message>
        <source>feed</source>
        <translation>akış</translation>
    </message>
    <message>
        <source>carousel</source>
        <translation>karusel</translation>
    </message>
    <message>
        <source>story</source>
        <translation>hikâye</translation>
    </message>
    <message>
        <source>link card</source>
        <translation>bağlantı kartı</translation>
    </message>
    <message>
        <source>whole picture</source>
        <translation>görselin tamamı</translation>
    </message>
    <message>
        <source>No media for this post.</source>
        <translation>Bu gönderide medya yok.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Yükleniyor…</translation>
    </message>
    <message>
        <source>Video: {name}</source>
        <translation>Video: {name}</translation>
    </message>
    <message>
        <source>This file cannot be previewed.</source>
        <translation>Bu dosya önizlenemiyor.</translation>
    </message>
    <message>
        <source>{width}×{height} px</source>
        <translation>{width}×{height} px</translation>
    </message>
    <message>
        <source>(none — add one for screen reader users)</source>
        <translation>(yok — ekran okuyucu kullananlar için bir tane ekleyin)</translation>
    </message>
    <message>
        <source>Alt text: {text}</source>
        <translation>Alternatif metin: {text}</translation>
    </message>
    <message>
        <source>{platform}: not sent (no alt text field)</source>
        <translation>{platform}: gönderilmez (alternatif metin alanı yok)</translation>
    </message>
    <message>
        <source>{platform} {count} (no stated limit)</source>
        <translation>{platform} {count} (belirtilmiş sınır yok)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Dosya okunuyor…</translation>
    </message>
    <message>
        <source>The file&apos;s metadata could not be read.</source>
        <translation>Dosyanın üst verileri okunamadı.</translation>
    </message>
    <message>
        <source>Nothing: the file carries no metadata.</source>
        <translation>Yok: dosyada üst veri bulunmuyor.</translation>
    </message>
    <message>
        <source>Removed before publishing: {items}</source>
        <translation>Yayımlanmadan önce kaldırılır: {items}</translation>
    </message>
    <message>
        <source>GPS location</source>
        <translation>GPS konumu</translation>
    </message>
    <message>
        <source>camera model</source>
        <translation>kamera modeli</translation>
    </message>
    <message>
        <source>lens</source>
        <translation>objektif bilgisi</translation>
    </message>
    <message>
        <source>device serial number</source>
        <translation>cihaz seri numarası</translation>
    </message>
    <message>
        <source>date and time taken</source>
        <translation>çekim tarihi ve saati</translation>
    </message>
    <message>
        <source>exposure settings</source>
        <translation>çekim ayarları</translation>
    </message>
    <message>
        <source>owner and copyright</source>
        <translation>sahip ve telif bilgisi</translation>
    </message>
    <message>
        <source>descriptions and comments</source>
        <translation>açıklama ve yorumlar</translation>
    </message>
    <message>
        <source>editing software</source>
        <translation>düzenleme yazılımı</translation>
    </message>
    <message>
        <source>maker notes</source>
        <translation>üreticiye özel kamera notları</translation>
    </message>
    <message>
        <source>embedded thumbnail</source>
        <translation>gömülü küçük önizleme</translation>
    </message>
    <message>
        <source>orientation (applied to the picture)</source>
        <translation>döndürme bilgisi (görsele uygulanır)</translation>
    </message>
    <message>
        <source>other EXIF data</source>
        <translation>diğer EXIF bilgileri</translation>
    </message>
    <message>
        <source>XMP data</source>
        <translation>XMP bilgileri</translation>
    </message>
    <message>
        <source>IPTC data</source>
        <translation>IPTC bilgileri</translation>
    </message>
    <message>
        <source>colour profile (converted to sRGB)</source>
        <translation>renk profili (sRGB&apos;ye dönüştürülür)</translation>
    </message>
    <message>
        <source>text notes</source>
        <translation>metin notları</translation>
    </message>
    <message>
        <source>depth map</source>
        <translation>derinlik haritası</translation>
    </message>
    <message>
        <source>extra frames</source>
        <translation>ek kareler</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <source>%n post(s)</source>
        <extracomment>Seconds after a month is shown before its neighbours are read ahead. Deliveries in the month itself (not the neighbouring days the grid shows). Every delivery of the grid, whatever the filter (goals count the whole plan). The month&apos;s deliveries planned (scheduled or held by the platform) and published.</extracomment>
        <translation>
            <numerusform>%n gönderi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The channel must be reconnected</source>
        <translation>Kanalın yeniden bağlanması gerekiyor</translation>
    </message>
    <message>
        <source>Waiting for the platform&apos;s rate limit</source>
        <translation>Platformun istek sınırı bekleniyor</translation>
    </message>
    <message>
        <source>Temporary problem; will retry</source>
        <translation>Geçici sorun; yeniden denenecek</translation>
    </message>
    <message>
        <source>Gave up after repeated failures</source>
        <translation>Tekrarlanan hatalardan sonra vazgeçildi</translation>
    </message>
    <message>
        <source>Its time passed before it could be sent</source>
        <translation>Gönderilemeden zamanı geçti</translation>
    </message>
    <message>
        <source>The platform refused the post</source>
        <translation>Platform gönderiyi reddetti</translation>
    </message>
    <message>
        <source>The platform cannot show whether it went out: check the channel</source>
        <translation>Platform gönderinin çıkıp çıkmadığını gösteremiyor: kanala bakın</translation>
    </message>
    <message>
        <source>To be posted by hand</source>
        <translation>Elle paylaşılacak</translation>
    </message>
    <message>
        <source>publish now, or keep it as a draft?</source>
        <translation>şimdi yayımlansın mı, taslak olarak mı kalsın?</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message numerus="yes">
        <source>%n minute(s) late</source>
        <translation>
            <numerusform>%n dakika gecikti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) late</source>
        <translation>
            <numerusform>%n saat gecikti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n gün gecikti</numerusform>
        </translation>
    </message>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Saat</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Gönderi</translation>
    </message>
    <message>
        <source>Link or problem</source>
        <translation>Bağlantı ya da sorun</translation>
    </message>
</context>
<context>
    <name>OutboxPane</name>
    <message>
        <source>Outbox deliveries</source>
        <translation>Giden kutusundaki gönderimler</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yeniden dene</translation>
    </message>
    <message>
        <source>Cancel delivery</source>
        <translation>Gönderimi iptal et</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Bağlantıyı aç</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Metni kopyala</translation>
    </message>
    <message>
        <source>Copy the text to post it by hand</source>
        <translation>Elle paylaşmak için metni kopyala</translation>
    </message>
    <message>
        <source>Mark as posted…</source>
        <translation>Paylaşıldı olarak işaretle…</translation>
    </message>
    <message>
        <source>It was published: paste link…</source>
        <translation>Yayımlandı: bağlantıyı yapıştır…</translation>
    </message>
    <message>
        <source>You found the post on the channel: record its link</source>
        <translation>Gönderiyi kanalda buldunuz: bağlantısını kaydedin</translation>
    </message>
    <message>
        <source>It was not published: send again</source>
        <translation>Yayımlanmadı: yeniden gönder</translation>
    </message>
    <message>
        <source>The post is not on the channel: send it again now</source>
        <translation>Gönderi kanalda yok: şimdi yeniden gönderin</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Şimdi yayımla</translation>
    </message>
    <message>
        <source>Its time has passed: publish it late anyway</source>
        <translation>Zamanı geçti: yine de geç yayımla</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Taslak olarak kalsın</translation>
    </message>
    <message>
        <source>Do not publish it; reschedule it from the calendar</source>
        <translation>Yayımlama; takvimden yeniden zamanla</translation>
    </message>
    <message>
        <source>Posted by hand</source>
        <translation>Elle paylaşıldı</translation>
    </message>
    <message>
        <source>Paste the link of the post you published:</source>
        <translation>Paylaştığınız gönderinin bağlantısını yapıştırın:</translation>
    </message>
    <message>
        <source>That is not a web address. It should start with https://</source>
        <extracomment>The service&apos;s reading of a link for the delivery (raises PermalinkError).</extracomment>
        <translation>Bu bir web adresi değil. https:// ile başlamalı.</translation>
    </message>
    <message>
        <source>Paste the link of the post on %1:</source>
        <translation>%1 kanalındaki gönderinin bağlantısını yapıştırın:</translation>
    </message>
    <message>
        <source>It was published</source>
        <translation>Yayımlandı</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Yeniden gönder</translation>
    </message>
    <message>
        <source>Send this post to %1 again? Do it only if you looked and it is not on the channel.</source>
        <translation>Bu gönderi %1 kanalına yeniden gönderilsin mi? Yalnızca kanala bakıp gönderiyi görmediyseniz yapın.</translation>
    </message>
</context>
<context>
    <name>OverrideEditor</name>
    <message>
        <source>Channels</source>
        <extracomment>Checks one channel&apos;s text (the composer&apos;s check with the post&apos;s kind, media and link).</extracomment>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>This channel&apos;s text</source>
        <translation>Bu kanalın metni</translation>
    </message>
    <message>
        <source>Write a text for this channel</source>
        <translation>Bu kanala ayrı metin yaz</translation>
    </message>
    <message>
        <source>Back to the main text</source>
        <translation>Ana metne dön</translation>
    </message>
    <message>
        <source>Choose channels first; then each can get a text of its own.</source>
        <translation>Önce kanal seçin; sonra her kanala ayrı metin yazabilirsiniz.</translation>
    </message>
    <message>
        <source>This channel gets its own text (changes to the main text do not reach it).</source>
        <translation>Bu kanal kendi metnini alır (ana metindeki değişiklikler buna yansımaz).</translation>
    </message>
    <message>
        <source>This channel gets the main text.</source>
        <translation>Bu kanal ana metni alır.</translation>
    </message>
</context>
<context>
    <name>PauseBanner</name>
    <message>
        <source>Resume publishing</source>
        <translation>Yayını sürdür</translation>
    </message>
    <message>
        <source>All publishing is paused: {reason}</source>
        <translation>Tüm yayınlar duraklatıldı: {reason}</translation>
    </message>
    <message>
        <source>(until {until})</source>
        <translation>({until} tarihine kadar)</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Crisis mode</source>
        <translation>Kriz modu</translation>
    </message>
    <message>
        <source>National mourning</source>
        <translation>Millî yas</translation>
    </message>
    <message>
        <source>Pause all publishing</source>
        <translation>Tüm yayınları duraklat</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Kriz</translation>
    </message>
    <message>
        <source>Paused by the user</source>
        <translation>Kullanıcı duraklattı</translation>
    </message>
    <message>
        <source>Every scheduled post stops at once and nothing is published until the pause ends. Resuming by hand, you review what fell due meanwhile; at an automatic end it goes out as planned.</source>
        <translation>Zamanlanmış tüm gönderiler hemen durur; duraklama bitene kadar hiçbir şey yayımlanmaz. Elle sürdürürken arada zamanı gelenleri gözden geçirirsiniz; otomatik bitişte planlandığı gibi yayımlanırlar.</translation>
    </message>
    <message>
        <source>End the pause automatically at</source>
        <translation>Duraklamayı otomatik bitir:</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Neden</translation>
    </message>
    <message>
        <source>Pause publishing</source>
        <translation>Yayını duraklat</translation>
    </message>
    <message>
        <source>The end of the pause must be in the future.</source>
        <translation>Duraklamanın bitişi ileri bir zaman olmalı.</translation>
    </message>
</context>
<context>
    <name>PermalinkDialog</name>
    <message>
        <source>Link of the post</source>
        <translation>Gönderinin bağlantısı</translation>
    </message>
    <message>
        <source>What the app understood</source>
        <translation>Uygulamanın anladığı</translation>
    </message>
    <message>
        <source>Paste the link of the post.</source>
        <translation>Gönderinin bağlantısını yapıştırın.</translation>
    </message>
</context>
<context>
    <name>Permalinks</name>
    <message>
        <source>This is not a link to %1: it points to %2.</source>
        <translation>Bu bir %1 bağlantısı değil: %2 adresine gidiyor.</translation>
    </message>
    <message>
        <source>This post is on %1, not on the channel&apos;s own server.</source>
        <translation>Bu gönderi kanalın kendi sunucusunda değil, %1 üzerinde.</translation>
    </message>
    <message>
        <source>This post belongs to another account (%1), not to this channel.</source>
        <translation>Bu gönderi bu kanala değil, başka bir hesaba (%1) ait.</translation>
    </message>
    <message>
        <source>This %1 address is not a link to a post.</source>
        <translation>Bu %1 adresi bir gönderi bağlantısı değil.</translation>
    </message>
    <message>
        <source>The link is kept, but the app cannot delete this post or read its figures.</source>
        <translation>Bağlantı kaydedilir, ancak uygulama bu gönderiyi silemez ve istatistiklerini okuyamaz.</translation>
    </message>
    <message>
        <source>This Facebook link (pfbid…) hides the post&apos;s id.</source>
        <translation>Bu Facebook bağlantısı (pfbid…) gönderinin kimliğini gizliyor.</translation>
    </message>
    <message>
        <source>Instagram links name a post by a short code, not by the id the app needs.</source>
        <translation>Instagram bağlantıları gönderiyi kısa bir kodla anar; uygulamanın gereksindiği kimlik bu değil.</translation>
    </message>
    <message>
        <source>This LinkedIn link names the activity, not the post; the link in the post&apos;s “Embed this post” code (…urn:li:share… or …urn:li:ugcPost…) gives its id.</source>
        <translation>Bu LinkedIn bağlantısı gönderiyi değil, etkinliği anıyor; gönderinin “Bu gönderiyi yerleştir” kodundaki bağlantı (…urn:li:share… ya da …urn:li:ugcPost…) kimliğini verir.</translation>
    </message>
    <message>
        <source>The Page&apos;s id is not known here, so the post&apos;s id cannot be made.</source>
        <translation>Sayfanın kimliği burada bilinmediği için gönderinin kimliği çıkarılamıyor.</translation>
    </message>
    <message>
        <source>No post id could be read from it.</source>
        <translation>Bağlantıdan gönderi kimliği okunamadı.</translation>
    </message>
    <message>
        <source>Understood: %1 post %2.</source>
        <translation>Anlaşılan: %1 gönderisi %2.</translation>
    </message>
    <message>
        <source>The link names the account by its handle: the app asks Bluesky for the account&apos;s permanent id (DID) at its next publishing run and keeps the post under it.</source>
        <translation>Bağlantı hesabı kullanıcı adıyla anıyor: uygulama bir sonraki yayın turunda Bluesky&apos;den hesabın kalıcı kimliğini (DID) sorar ve gönderiyi onunla kaydeder.</translation>
    </message>
    <message>
        <source>The link does not name the account: make sure it is this channel&apos;s post.</source>
        <translation>Bağlantı hesabı anmıyor: gönderinin bu kanala ait olduğundan emin olun.</translation>
    </message>
</context>
<context>
    <name>PlanImport</name>
    <message>
        <source>The file is empty.</source>
        <translation>Dosya boş.</translation>
    </message>
    <message>
        <source>A needed column is missing: {value} (date, time, channels, text).</source>
        <translation>Zorunlu bir sütun yok: {value} (tarih, saat, kanallar, metin).</translation>
    </message>
    <message>
        <source>At most {value} rows; the rest was not read.</source>
        <translation>En çok {value} satır; gerisi okunmadı.</translation>
    </message>
    <message>
        <source>Date not understood: &apos;{value}&apos; (e.g. 01.12.2026).</source>
        <translation>Tarih anlaşılamadı: &apos;{value}&apos; (ör. 01.12.2026).</translation>
    </message>
    <message>
        <source>Time not understood: &apos;{value}&apos; (e.g. 09:30).</source>
        <translation>Saat anlaşılamadı: &apos;{value}&apos; (ör. 09:30).</translation>
    </message>
    <message>
        <source>No channel given.</source>
        <translation>Kanal yazılmamış.</translation>
    </message>
    <message>
        <source>No such channel: &apos;{value}&apos;.</source>
        <translation>Böyle bir kanal yok: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>Metin boş.</translation>
    </message>
    <message>
        <source>No such category: &apos;{value}&apos;.</source>
        <translation>Böyle bir kategori yok: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>No such campaign: &apos;{value}&apos;.</source>
        <translation>Böyle bir kampanya yok: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Already past: {value}.</source>
        <translation>Zamanı geçmiş: {value}.</translation>
    </message>
    <message>
        <source>No post rows after the header.</source>
        <translation>Başlık satırından sonra gönderi satırı yok.</translation>
    </message>
    <message>
        <source>This line cannot be read as CSV ({value}).</source>
        <translation>Bu satır CSV olarak okunamadı ({value}).</translation>
    </message>
    <message>
        <source>Image not found: &apos;{value}&apos;.</source>
        <translation>Görsel bulunamadı: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The file is too big (at most {value} MB).</source>
        <translation>Dosya çok büyük (en çok {value} MB).</translation>
    </message>
    <message>
        <source>The file cannot be read ({value}).</source>
        <translation>Dosya okunamadı ({value}).</translation>
    </message>
    <message>
        <source>The file is not UTF-8. In Excel, save it as &quot;CSV UTF-8 (comma delimited)&quot;.</source>
        <translation>Dosya UTF-8 değil. Excel&apos;de &quot;CSV UTF-8 (virgülle ayrılmış)&quot; olarak kaydedin.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>tarih</translation>
    </message>
    <message>
        <source>time</source>
        <translation>saat</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>kanallar</translation>
    </message>
    <message>
        <source>text</source>
        <translation>metin</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>characters (X weighting)</source>
        <extracomment>How each platform&apos;s preview card looks (border colour, background).</extracomment>
        <translation>karakter (X ağırlıklı)</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>karakter</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bayt</translation>
    </message>
    <message>
        <source>The post is empty.</source>
        <translation>Gönderi boş.</translation>
    </message>
    <message>
        <source>Too long: {count} of {limit} {unit}.</source>
        <translation>Çok uzun: {count} / {limit} {unit}.</translation>
    </message>
    <message>
        <source>Too many hashtags: {count} (at most {limit}).</source>
        <translation>Çok fazla etiket: {count} (en fazla {limit}).</translation>
    </message>
    <message>
        <source>Too many mentions: {count} (at most {limit}).</source>
        <translation>Çok fazla bahsetme: {count} (en fazla {limit}).</translation>
    </message>
    <message>
        <source>This platform needs an image or a video.</source>
        <translation>Bu platform bir görsel ya da video ister.</translation>
    </message>
    <message>
        <source>{tag} is not a hashtag: it needs at least one letter.</source>
        <translation>{tag} etiket sayılmaz: en az bir harf içermeli.</translation>
    </message>
    <message>
        <source>{tag}: the hyphen ends the hashtag; write it as one word.</source>
        <translation>{tag}: tire etiketi bitirir; bitişik yazın.</translation>
    </message>
    <message>
        <source>{tag} is too long to be a hashtag here.</source>
        <translation>{tag} burada etiket olamayacak kadar uzun.</translation>
    </message>
    <message>
        <source>{tag} will not work as a hashtag.</source>
        <translation>{tag} etiket olarak çalışmaz.</translation>
    </message>
    <message>
        <source>The text contains a character that cannot be sent ({char}); it was probably pasted.</source>
        <translation>Metinde gönderilemeyen bir karakter var ({char}); büyük olasılıkla yapıştırılırken geldi.</translation>
    </message>
    <message>
        <source>The text contains an invisible character ({char}); it was probably pasted.</source>
        <translation>Metinde görünmeyen bir karakter var ({char}); büyük olasılıkla yapıştırılırken geldi.</translation>
    </message>
</context>
<context>
    <name>RecurrenceDialog</name>
    <message>
        <source>Recurring post</source>
        <translation>Tekrarlanan gönderi</translation>
    </message>
    <message>
        <source>Title in the calendar (optional)</source>
        <translation>Takvimde görünecek başlık (isteğe bağlı)</translation>
    </message>
    <message>
        <source>The text of every occurrence (each can be edited later)</source>
        <translation>Her tekrarın metni (her biri sonra ayrıca düzenlenebilir)</translation>
    </message>
    <message>
        <source>Every week on</source>
        <translation>Her hafta</translation>
    </message>
    <message>
        <source>Every month on day</source>
        <translation>Her ayın şu günü</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Ayın günü</translation>
    </message>
    <message>
        <source>Skip public holidays and our days off</source>
        <translation>Resmî tatilleri ve kurumun tatil günlerini atla</translation>
    </message>
    <message>
        <source>Schedule them (otherwise they are saved as drafts)</source>
        <translation>Zamanla (yoksa taslak olarak kaydedilir)</translation>
    </message>
    <message>
        <source>Dates of the series</source>
        <translation>Serinin tarihleri</translation>
    </message>
    <message>
        <source>at</source>
        <translation>saat</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Başlık</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Tekrar</translation>
    </message>
    <message>
        <source>From – until</source>
        <translation>Başlangıç – bitiş</translation>
    </message>
    <message>
        <source>Create posts</source>
        <translation>Gönderileri oluştur</translation>
    </message>
    <message>
        <source>The series ends before it starts.</source>
        <translation>Seri başlamadan bitiyor.</translation>
    </message>
    <message>
        <source>These dates give no post: every date falls on a holiday or outside the period.</source>
        <translation>Bu tarihlerden hiç gönderi çıkmıyor: her tarih bir tatile ya da dönemin dışına düşüyor.</translation>
    </message>
    <message>
        <source>That is more than two years of posts; choose an earlier end date.</source>
        <translation>Bu, iki yıldan uzun bir seri; daha erken bir bitiş tarihi seçin.</translation>
    </message>
    <message>
        <source>Choose a weekday.</source>
        <translation>Bir gün seçin.</translation>
    </message>
    <message>
        <source>Choose a day of the month.</source>
        <translation>Ayın bir gününü seçin.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>En az bir kanal seçin.</translation>
    </message>
    <message>
        <source>The first post of the series would be in the past; start later.</source>
        <translation>Serinin ilk gönderisi geçmişte kalıyor; daha sonra başlatın.</translation>
    </message>
    <message>
        <source>No dates</source>
        <translation>Tarih yok</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) will be made</source>
        <translation>
            <numerusform>%n gönderi oluşturulacak</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n date(s) skipped</source>
        <translation>
            <numerusform>%n tarih atlandı</numerusform>
        </translation>
    </message>
    <message>
        <source>removed</source>
        <translation>çıkarıldı</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>atlandı</translation>
    </message>
    <message>
        <source>Write the text of the post.</source>
        <translation>Gönderinin metnini yazın.</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Defensive</source>
        <translation>Savunmacı</translation>
    </message>
    <message>
        <source>Dismissive</source>
        <translation>Küçümseyici</translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation>Sert</translation>
    </message>
    <message>
        <source>Shouting</source>
        <translation>Bağırma</translation>
    </message>
    <message>
        <source>Exclamation marks</source>
        <translation>Ünlem işaretleri</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Kişisel veri</translation>
    </message>
    <message>
        <source>Reply to the citizen</source>
        <translation>Vatandaşa yanıt</translation>
    </message>
    <message>
        <source>The citizen&apos;s message</source>
        <translation>Vatandaşın mesajı</translation>
    </message>
    <message>
        <source>Reply template</source>
        <translation>Yanıt şablonu</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(şablonsuz)</translation>
    </message>
    <message>
        <source>Use this template</source>
        <translation>Bu şablonu kullan</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Yanıt metni</translation>
    </message>
    <message>
        <source>Write the reply, or start from a template above.</source>
        <translation>Yanıtı yazın ya da yukarıdaki bir şablondan başlayın.</translation>
    </message>
    <message>
        <source>Send (queue)</source>
        <translation>Gönder (kuyruğa al)</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Taslağı kaydet</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Mesaj:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Şablon:</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>Yanıt:</translation>
    </message>
    <message>
        <source>Tone check: no problems found.</source>
        <translation>Üslup denetimi: sorun bulunmadı.</translation>
    </message>
    <message>
        <source>Tone check — {kind}: “{excerpt}”. {hint}</source>
        <translation>Üslup denetimi — {kind}: “{excerpt}”. {hint}</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>Yanıt boş.</translation>
    </message>
    <message>
        <source>The reply still has a field in braces {…} to fill in.</source>
        <translation>Yanıtta doldurulmamış bir {…} alanı var.</translation>
    </message>
    <message numerus="yes">
        <source>The tone check found %n problem(s). Send the reply anyway?</source>
        <translation>
            <numerusform>Üslup denetimi %n sorun buldu. Yanıt yine de gönderilsin mi?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Route to a unit — {reference}</source>
        <translation>Birime yönlendir — {reference}</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Birim</translation>
    </message>
    <message>
        <source>{unit} (suggested)</source>
        <translation>{unit} (önerilen)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>İç not</translation>
    </message>
    <message>
        <source>Edit units…</source>
        <translation>Birimleri düzenle…</translation>
    </message>
    <message>
        <source>Names, e-mail addresses, phones and keywords of the units</source>
        <translation>Birimlerin adları, e-posta adresleri, telefonları ve anahtar sözcükleri</translation>
    </message>
    <message>
        <source>Internal note (stays in the app; also sent to the unit)</source>
        <translation>İç not (uygulamada kalır; birime de gönderilir)</translation>
    </message>
    <message>
        <source>What the unit receives</source>
        <translation>Birime gidecek metin</translation>
    </message>
    <message>
        <source>Personal data (T.C. kimlik no, phone, IBAN, e-mail) is taken out; the name stays here.</source>
        <translation>Kişisel veriler (T.C. kimlik no, telefon, IBAN, e-posta) çıkarılır; ad soyad burada kalır.</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Ata</translation>
    </message>
    <message>
        <source>E-mail draft…</source>
        <translation>E-posta taslağı…</translation>
    </message>
    <message>
        <source>Beyaz Masa / CİMER file…</source>
        <translation>Beyaz Masa / CİMER dosyası…</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Birim:</translation>
    </message>
    <message>
        <source>E-mail to the unit (preview):</source>
        <translation>Birime e-posta (önizleme):</translation>
    </message>
    <message>
        <source>No units yet.</source>
        <translation>Henüz birim yok.</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>e-posta adresi yok</translation>
    </message>
    <message>
        <source>No e-mail program opened. The text is below; copy it into your e-mail.</source>
        <translation>E-posta programı açılmadı. Metin aşağıda; e-postanıza kopyalayın.</translation>
    </message>
    <message>
        <source>Save the Beyaz Masa / CİMER note</source>
        <translation>Beyaz Masa / CİMER notunu kaydet</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Metin (*.txt)</translation>
    </message>
    <message>
        <source>The unit has no e-mail address. Add one in the unit&apos;s contacts.</source>
        <translation>Birimin e-posta adresi yok. Birimin iletişim bilgilerine ekleyin.</translation>
    </message>
    <message>
        <source>The message is no longer in the inbox.</source>
        <translation>Mesaj artık gelen kutusunda değil.</translation>
    </message>
    <message>
        <source>The unit no longer exists.</source>
        <translation>Birim artık yok.</translation>
    </message>
    <message>
        <source>The file could not be written: {detail}</source>
        <translation>Dosya yazılamadı: {detail}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Genel</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Gelen kutusu</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Kurum</translation>
    </message>
    <message>
        <source>Institution name:</source>
        <translation>Kurum adı:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>İl:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>İlçe:</translation>
    </message>
    <message>
        <source>(managed by policy)</source>
        <translation>(politikayla yönetiliyor)</translation>
    </message>
    <message>
        <source>Set by: {source}</source>
        <translation>Belirleyen: {source}</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Yayın</translation>
    </message>
    <message>
        <source>Ask me for each post</source>
        <translation>Her gönderi için bana sor</translation>
    </message>
    <message>
        <source>Publish them late</source>
        <translation>Geç de olsa yayımla</translation>
    </message>
    <message>
        <source>Do not publish them; keep them as drafts</source>
        <translation>Yayımlama; taslak olarak beklet</translation>
    </message>
    <message>
        <source>Posts that would go out late</source>
        <translation>Geç kalacak gönderiler</translation>
    </message>
    <message>
        <source>A post that could not go out at its time (the app was closed or offline, the channel had to be reconnected, publishing was paused, the platform held it) and would now go out more than 15 minutes late (plus the interval of a scheduled sync IT set up).</source>
        <translation>Zamanında gidemeyen (uygulama kapalıydı ya da bağlantı yoktu, kanalın yeniden bağlanması gerekti, yayın duraklatılmıştı, platform bekletti) ve artık 15 dakikadan fazla gecikerek gidecek gönderi (BT&apos;nin kurduğu zamanlanmış eşitleme aralığı da eklenir).</translation>
    </message>
    <message>
        <source>Missed posts:</source>
        <translation>Zamanı geçen gönderiler:</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Yedekleme</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Son yedek</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Son yedek:</translation>
    </message>
    <message>
        <source>File → Back up… writes the plan, posts, media, inbox history and audit log to one .zip file. Account tokens are never in it.</source>
        <translation>Dosya → Yedek al… planı, gönderileri, medyayı, gelen kutusu geçmişini ve işlem kaydını tek bir .zip dosyasına yazar. Hesapların erişim anahtarları asla yedeğe girmez.</translation>
    </message>
    <message>
        <source>Managed by your IT department</source>
        <translation>BT biriminizin yönettiği ayarlar</translation>
    </message>
    <message>
        <source>No setting is managed by policy on this computer.</source>
        <translation>Bu bilgisayarda politikayla yönetilen bir ayar yok.</translation>
    </message>
    <message>
        <source>Policy entries that were ignored</source>
        <translation>Uygulanmayan politika girdileri</translation>
    </message>
    <message>
        <source>These entries of the IT policy could not be applied; the app runs without them. Tell your IT department:</source>
        <translation>BT politikasının şu girdileri uygulanamadı; uygulama onlarsız çalışıyor. BT biriminize iletin:</translation>
    </message>
    <message>
        <source>Ignored policy entries</source>
        <translation>Uygulanmayan politika girdileri</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Vekil sunucu:</translation>
    </message>
    <message>
        <source>Demo and sandbox:</source>
        <translation>Deneme ve eğitim kanalları:</translation>
    </message>
    <message>
        <source>turned off</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>açık</translation>
    </message>
    <message>
        <source>Allowed platforms:</source>
        <translation>İzinli platformlar:</translation>
    </message>
    <message>
        <source>Platform app ids:</source>
        <translation>Platform uygulama kimlikleri:</translation>
    </message>
    <message>
        <source>They are in Publishing → Channels…, where each one is connected.</source>
        <translation>Yayın → Kanallar… penceresindedir; her biri orada bağlanır.</translation>
    </message>
    <message>
        <source>Preset channels:</source>
        <translation>Hazır kanallar:</translation>
    </message>
    <message>
        <source>Scheduled sync:</source>
        <translation>Zamanlanmış eşitleme:</translation>
    </message>
    <message>
        <source>every {minutes} minutes, also while the window is closed</source>
        <translation>{minutes} dakikada bir, pencere kapalıyken de</translation>
    </message>
    <message>
        <source>The settings could not be saved because the profile folder cannot be written ({reason}). They stay in effect until the app is closed.</source>
        <translation>Profil klasörüne yazılamadığı için ayarlar kaydedilemedi ({reason}). Uygulama kapanana kadar geçerli kalırlar.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database in this profile could not be updated for this version of Kurum Masaüstü. The update was undone, so the file is as it was; a copy taken before is in the profile&apos;s backups folder. Please send the log file to IT.

{path}</source>
        <translation>Bu profildeki veritabanı Kurum Masaüstü&apos;nün bu sürümüne göre güncellenemedi. Güncelleme geri alındı, dosya olduğu gibi duruyor; güncellemeden önce alınan kopya profilin yedekler klasöründe. Lütfen günlük dosyasını bilgi işlem birimine gönderin.

{path}</translation>
    </message>
    <message>
        <source>The database in this profile was written by a newer version of Kurum Masaüstü. Install the newer version to open it. The file was not changed.

{path}</source>
        <translation>Bu profildeki veritabanı, Kurum Masaüstü&apos;nün daha yeni bir sürümüyle yazılmış. Açmak için bu yeni sürümü kurun. Dosyada hiçbir değişiklik yapılmadı.

{path}</translation>
    </message>
    <message>
        <source>This file is not a Kurum Masaüstü database, so it was not opened. The file was not changed.

{path}</source>
        <translation>Bu dosya bir Kurum Masaüstü veritabanı değil; bu yüzden açılmadı. Dosyada hiçbir değişiklik yapılmadı.

{path}</translation>
    </message>
    <message>
        <source>The profile folder cannot be written, so Kurum Masaüstü cannot open it:
{folder}
({reason})

Ask your IT department to give you write access to this folder, or start with --profile and a folder you can write to. Nothing was changed.</source>
        <translation>Profil klasörüne yazılamıyor; Kurum Masaüstü onu açamaz:
{folder}
({reason})

BT biriminizden bu klasöre yazma izni isteyin ya da --profile ile yazabildiğiniz bir klasörle başlatın. Hiçbir şey değiştirilmedi.</translation>
    </message>
    <message>
        <source>The demo is turned off on this computer by your IT department&apos;s policy.</source>
        <translation>Deneme profili bu bilgisayarda BT biriminizin politikasıyla kapatılmış.</translation>
    </message>
    <message>
        <source>This profile is already open in another window.</source>
        <translation>Bu profil zaten başka bir pencerede açık.</translation>
    </message>
    <message>
        <source>This profile is being used by another process (for example a scheduled sync). Try again shortly.</source>
        <translation>Bu profil şu anda başka bir işlem tarafından kullanılıyor (örneğin zamanlanmış bir eşitleme). Biraz sonra yeniden deneyin.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Write from a template</source>
        <translation>Şablondan yaz</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Şablon</translation>
    </message>
    <message>
        <source>Filled text</source>
        <translation>Doldurulmuş metin</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Metin:</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(isteğe bağlı)</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Templates</source>
        <translation>Şablonlar</translation>
    </message>
    <message>
        <source>Kind of templates</source>
        <translation>Şablon türü</translation>
    </message>
    <message>
        <source>Announcement templates</source>
        <translation>Duyuru şablonları</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <translation>Yanıt şablonları</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Yeni</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopyala</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Sil</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Şablon adı</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Şablon metni</translation>
    </message>
    <message>
        <source>The text; a field is written {like_this}.</source>
        <translation>Metin; alanlar {boyle_yazilir}.</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Alanlar</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Alan</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Görünen ad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Zorunlu</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>İpucu</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Örnek</translation>
    </message>
    <message>
        <source>Back to the shipped text</source>
        <translation>Hazır metne dön</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Kaydet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source> (shipped)</source>
        <translation> (hazır)</translation>
    </message>
    <message>
        <source> (changed)</source>
        <translation> (değiştirilmiş)</translation>
    </message>
    <message>
        <source>No templates yet: make one with “New”.</source>
        <translation>Henüz şablon yok: “Yeni” ile oluşturun.</translation>
    </message>
    <message>
        <source>A shipped template: it cannot be changed here. Copy it to make your own version.</source>
        <translation>Uygulamayla gelen hazır şablon: burada değiştirilemez. Kendi sürümünüz için kopyalayın.</translation>
    </message>
    <message>
        <source>A shipped template you changed; it can go back to the shipped text.</source>
        <translation>Değiştirdiğiniz hazır şablon; hazır metne geri döndürülebilir.</translation>
    </message>
    <message>
        <source>Your own template.</source>
        <translation>Kendi şablonunuz.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Kaydedildi.</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Şablona bir ad verin.</translation>
    </message>
    <message>
        <source>Write the template&apos;s text.</source>
        <translation>Şablonun metnini yazın.</translation>
    </message>
    <message>
        <source>The template could not be saved.</source>
        <translation>Şablon kaydedilemedi.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Yeni şablon</translation>
    </message>
    <message>
        <source>Text with a {field}.</source>
        <translation>{alan} içeren metin.</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (kopya)</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Şablonu sil</translation>
    </message>
    <message>
        <source>Delete the template “{name}”?</source>
        <translation>“{name}” şablonu silinsin mi?</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>Text</source>
        <translation>Metin</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarih</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Saat</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Web adresi</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Sayı</translation>
    </message>
    <message>
        <source>“{{}}” has no field name inside.</source>
        <translation>“{{}}” içinde alan adı yok.</translation>
    </message>
    <message>
        <source>A field name may hold letters, digits and “_” only, no spaces ({field}).</source>
        <translation>Alan adında yalnızca harf, rakam ve “_” olabilir, boşluk olamaz ({field}).</translation>
    </message>
    <message>
        <source>A “{{” is not closed (write “{{{{” for a brace in the text).</source>
        <translation>Bir “{{” kapatılmamış (metinde süslü parantez için “{{{{” yazın).</translation>
    </message>
    <message>
        <source>A “}}” has no opening brace (write “}}}}” for a brace in the text).</source>
        <translation>Bir “}}” için açılış parantezi yok (metinde süslü parantez için “}}}}” yazın).</translation>
    </message>
    <message>
        <source>Too many fields.</source>
        <translation>Çok fazla alan var.</translation>
    </message>
    <message>
        <source>The field {field} needs a label (what the person is asked).</source>
        <translation>{field} alanının bir etiketi olmalı (kişiye sorulacak olan).</translation>
    </message>
    <message>
        <source>The example of {field} does not fit its kind.</source>
        <translation>{field} alanının örneği türüne uymuyor.</translation>
    </message>
    <message>
        <source>The field {field} is not right.</source>
        <translation>{field} alanında bir sorun var.</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>Open Kurum Masaüstü</source>
        <extracomment>The icon or a notification was clicked: bring the window forward. Every notification said (title, body), newest last: what the person was told.</extracomment>
        <translation>Kurum Masaüstü&apos;nü aç</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>Yeni gönderi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çıkış</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n yeni mesaj</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the inbox to read and answer them.</source>
        <translation>Okuyup yanıtlamak için gelen kutusunu açın.</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n şikâyet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n abusive message(s) to hide or delete</source>
        <translation>
            <numerusform>gizlenecek ya da silinecek %n hakaret içeren mesaj</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n soru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n talep</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) could not be published</source>
        <translation>
            <numerusform>%n gönderi yayımlanamadı</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox shows why; fix it there and try again.</source>
        <translation>Nedenini giden kutusu gösteriyor; orada düzeltip yeniden deneyin.</translation>
    </message>
    <message>
        <source>Negative messages are rising quickly</source>
        <translation>Olumsuz mesajlar hızla artıyor</translation>
    </message>
    <message numerus="yes">
        <source>%n negative message(s) in the last {hours} h ({where}). Open the crisis plan.</source>
        <translation>
            <numerusform>Son {hours} saatte %n olumsuz mesaj ({where}). Kriz planını açın.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Units and contacts</source>
        <translation>Birimler ve iletişim bilgileri</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Birimler</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Birim adı</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-posta</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Anahtar sözcükler</translation>
    </message>
    <message>
        <source>asfalt, çukur, kaldırım</source>
        <translation>asfalt, çukur, kaldırım</translation>
    </message>
    <message>
        <source>Comma-separated. A message that mentions one of these words suggests this unit.</source>
        <translation>Virgülle ayırın. Bu sözcüklerden birini içeren bir mesaj için bu birim önerilir.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-posta:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>Anahtar sözcükler:</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>Yeni birim</translation>
    </message>
    <message>
        <source>Save unit</source>
        <translation>Birimi kaydet</translation>
    </message>
    <message>
        <source>Delete unit…</source>
        <translation>Birimi sil…</translation>
    </message>
    <message>
        <source>Delete the unit “{unit}”?</source>
        <translation>“{unit}” birimi silinsin mi?</translation>
    </message>
    <message>
        <source>Nobody (unassigned)</source>
        <translation>Hiçbir birim (atanmamış)</translation>
    </message>
    <message>
        <source>Messages assigned to “{unit}”: {count}. The unit can only be deleted if they move. Move them to:</source>
        <translation>“{unit}” birimine atanmış mesaj: {count}. Birim ancak bu mesajlar taşınırsa silinebilir. Şuraya taşı:</translation>
    </message>
    <message>
        <source>Please give the unit a name.</source>
        <translation>Lütfen birime bir ad verin.</translation>
    </message>
    <message>
        <source>The unit&apos;s name is too long (at most 200 characters).</source>
        <translation>Birimin adı çok uzun (en fazla 200 karakter).</translation>
    </message>
    <message>
        <source>There is already a unit with this name.</source>
        <translation>Bu adla bir birim zaten var.</translation>
    </message>
    <message>
        <source>The e-mail address does not look right (for example: fen@belediye.bel.tr).</source>
        <translation>E-posta adresi doğru görünmüyor (örnek: fen@belediye.bel.tr).</translation>
    </message>
    <message>
        <source>The phone number needs at least three digits (at most 50 characters).</source>
        <translation>Telefon numarasında en az üç rakam olmalıdır (en fazla 50 karakter).</translation>
    </message>
    <message>
        <source>The unit no longer exists.</source>
        <translation>Birim artık yok.</translation>
    </message>
    <message>
        <source>Messages are assigned to this unit; move them first.</source>
        <translation>Bu birime atanmış mesajlar var; önce onları taşıyın.</translation>
    </message>
</context>
<context>
    <name>WeekDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <extracomment>The best-time hint of an hour (None: not one of the day&apos;s good hours).</extracomment>
        <translation>
            <numerusform>+%n daha</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCrisis</name>
    <message>
        <source>negative messages</source>
        <translation>olumsuz mesajlar</translation>
    </message>
    <message>
        <source>Crisis: {where}</source>
        <translation>Kriz: {where}</translation>
    </message>
</context>
<context>
    <name>WordListDialog</name>
    <message>
        <source>Institution&apos;s words</source>
        <translation>Kurum sözlüğü</translation>
    </message>
    <message>
        <source>Accepted words</source>
        <translation>Kabul edilen sözcükler</translation>
    </message>
    <message>
        <source>A word, e.g. Yeşilbağlar</source>
        <translation>Bir sözcük, ör. Yeşilbağlar</translation>
    </message>
    <message>
        <source>Mahalle</source>
        <translation>Mahalle</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Kurum</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Diğer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ekle</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Kaldır</translation>
    </message>
    <message>
        <source>Write one word of letters (no spaces or digits).</source>
        <translation>Boşluk ve rakam içermeyen tek bir sözcük yazın.</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Token expires in %n day(s)</source>
        <translation>
            <numerusform>Anahtarın süresi %n gün içinde doluyor</numerusform>
        </translation>
    </message>
</context>
</TS>
