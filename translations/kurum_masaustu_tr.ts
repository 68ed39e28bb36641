<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Kurum Masaüstü</source>
        <translation>Kurum Masaüstü hakkında</translation>
    </message>
    <message>
        <source>Kurum Masaüstü {version}

The social media desk of a public institution: plan, write, publish and answer citizens from one window. Citizens' messages and account tokens stay on this computer.

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
        <translation>Bugün</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Bugüne git</translation>
    </message>
    <message>
        <source>Important day without a post</source>
        <translation>Gönderisi olmayan önemli gün</translation>
    </message>
    <message>
        <source>Month calendar</source>
        <translation>Aylık takvim</translation>
    </message>
    <message>
        <source>Posts of the selected day</source>
        <translation>Seçili günün gönderileri</translation>
    </message>
    <message>
        <source>This month: {planned} planned, {published} published</source>
        <translation>Bu ay: {planned} planlanan, {published} yayımlanan</translation>
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
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Publish time</source>
        <translation>Yayımlanma zamanı</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanallar</translation>
    </message>
    <message>
        <source>No channels yet.</source>
        <translation>Henüz kanal eklenmemiş.</translation>
    </message>
    <message>
        <source>Attached media</source>
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
    <message>
        <source>Cannot schedule for {channels}: {problem} Fix it, or remove that channel.</source>
        <translation>{channels} için zamanlanamıyor: {problem} Düzeltin ya da o kanalı çıkarın.</translation>
    </message>
    <message>
        <source>Fill in the template's fields first: {fields}</source>
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
    <name>DayDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n daha</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
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
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <source>Search messages (e.g. cop, su, istanbul)…</source>
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
        <source>Category filter</source>
        <translation>Kategori süzgeci</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Tüm kategoriler</translation>
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
        <source>Correct the category</source>
        <translation>Kategoriyi düzelt</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategori:</translation>
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
        <source>No messages match.</source>
        <translation>Eşleşen mesaj yok.</translation>
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
        <source>Why is publishing paused? (for example: crisis, national mourning)</source>
        <translation>Yayın neden duraklatılıyor? (örneğin: kriz, millî yas)</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Kriz</translation>
    </message>
    <message>
        <source>Paused by the user</source>
        <translation>Kullanıcı tarafından duraklatıldı</translation>
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
        <translation>Medya önizleme</translation>
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
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <source>%n post(s)</source>
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
        <source>Waiting for the platform's rate limit</source>
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
        <source>The platform refused the post</source>
        <translation>Platform gönderiyi reddetti</translation>
    </message>
    <message>
        <source>To be posted by hand</source>
        <translation>Elle paylaşılacak</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zaman</translation>
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
        <source>Posted by hand</source>
        <translation>Elle paylaşıldı</translation>
    </message>
    <message>
        <source>Paste the link of the post you published:</source>
        <translation>Paylaştığınız gönderinin bağlantısını yapıştırın:</translation>
    </message>
    <message>
        <source>That is not a web address. It should start with https://</source>
        <translation>Bu bir web adresi değil. https:// ile başlamalı.</translation>
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
    <name>Problems</name>
    <message>
        <source>characters (X weighting)</source>
        <extracomment>How each platform's preview card looks (border colour, background).</extracomment>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Ayarlar</translation>
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
        <source>Business hours:</source>
        <translation>Mesai saatleri:</translation>
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
        <source>Business hours must end after they start.</source>
        <translation>Mesai bitişi başlangıçtan sonra olmalı.</translation>
    </message>
    <message>
        <source>The settings could not be saved because the profile folder cannot be written ({reason}). They stay in effect until the app is closed.</source>
        <translation>Profil klasörüne yazılamadığı için ayarlar kaydedilemedi ({reason}). Uygulama kapanana kadar geçerli kalırlar.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database in this profile was written by a newer version of Kurum Masaüstü. Install the newer version to open it. The file was not changed.

{path}</source>
        <extracomment>IT policy forbids what the command line asked (``--demo`` with the sandbox off) the profile folder is read-only or not ours</extracomment>
        <translation>Bu profildeki veritabanı, Kurum Masaüstü'nün daha yeni bir sürümüyle yazılmış. Açmak için bu yeni sürümü kurun. Dosyada hiçbir değişiklik yapılmadı.

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
        <source>The demo is turned off on this computer by your IT department's policy.</source>
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
</TS>
