<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>category corrected</source>
        <translation>category corrected</translation>
    </message>
    <message>
        <source>status changed</source>
        <translation>status changed</translation>
    </message>
    <message>
        <source>reply queued</source>
        <translation>reply queued</translation>
    </message>
    <message>
        <source>reply sent</source>
        <translation>reply sent</translation>
    </message>
    <message>
        <source>reply confirmed on the platform</source>
        <translation>reply confirmed on the platform</translation>
    </message>
    <message>
        <source>reply will be retried</source>
        <translation>reply will be retried</translation>
    </message>
    <message>
        <source>reply refused by the platform</source>
        <translation>reply refused by the platform</translation>
    </message>
    <message>
        <source>reply failed</source>
        <translation>reply failed</translation>
    </message>
    <message>
        <source>reply may have been sent: check on the platform</source>
        <translation>reply may have been sent: check on the platform</translation>
    </message>
    <message>
        <source>reply marked as arrived</source>
        <translation>reply marked as arrived</translation>
    </message>
    <message>
        <source>reply to be sent again</source>
        <translation>reply to be sent again</translation>
    </message>
    <message>
        <source>reply waits for the platform&apos;s limit</source>
        <translation>reply waits for the platform&apos;s limit</translation>
    </message>
    <message>
        <source>assigned to a unit</source>
        <translation>assigned to a unit</translation>
    </message>
    <message>
        <source>internal note</source>
        <translation>internal note</translation>
    </message>
    <message>
        <source>forwarded by e-mail</source>
        <translation>forwarded by e-mail</translation>
    </message>
    <message>
        <source>exported for Beyaz Masa / CİMER</source>
        <translation>exported for Beyaz Masa / CİMER</translation>
    </message>
    <message>
        <source>hidden on the platform</source>
        <translation>hidden on the platform</translation>
    </message>
    <message>
        <source>hiding failed</source>
        <translation>hiding failed</translation>
    </message>
    <message>
        <source>deleted on the platform</source>
        <translation>deleted on the platform</translation>
    </message>
    <message>
        <source>deleting failed</source>
        <translation>deleting failed</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Kurum Masaüstü</source>
        <translation>About Kurum Masaüstü</translation>
    </message>
    <message>
        <source>Kurum Masaüstü {version}

The social media desk of a public institution: plan, write, publish and answer citizens from one window. Citizens&apos; messages and account tokens stay on this computer.

Licence: GNU GPL version 3 or later. The components it carries and their licences are listed under “Third-party notices”.</source>
        <translation>Kurum Masaüstü {version}

The social media desk of a public institution: plan, write, publish and answer citizens from one window. Citizens&apos; messages and account tokens stay on this computer.

Licence: GNU GPL version 3 or later. The components it carries and their licences are listed under “Third-party notices”.</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Third-party notices</source>
        <translation>Third-party notices</translation>
    </message>
    <message>
        <source>The notices could not be read: {reason}</source>
        <translation>The notices could not be read: {reason}</translation>
    </message>
    <message>
        <source>From: {source}</source>
        <translation>From: {source}</translation>
    </message>
    <message>
        <source>Generated from the Python packages installed with this copy.</source>
        <translation>Generated from the Python packages installed with this copy.</translation>
    </message>
</context>
<context>
    <name>AgendaView</name>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Nothing planned in these days.</source>
        <translation>Nothing planned in these days.</translation>
    </message>
</context>
<context>
    <name>AppStatusBar</name>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Secure password store</source>
        <translation>Secure password store</translation>
    </message>
    <message>
        <source>● Connection unknown</source>
        <translation>● Connection unknown</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline — posts wait in the outbox</source>
        <translation>● Offline — posts wait in the outbox</translation>
    </message>
    <message numerus="yes">
        <source>Outbox: %n scheduled</source>
        <translation>
            <numerusform>Outbox: %n scheduled</numerusform>
            <numerusform>Outbox: %n scheduled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n wait(s) for your decision</source>
        <translation>
            <numerusform>%n waits for your decision</numerusform>
            <numerusform>%n wait for your decision</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Inbox: %n new</source>
        <translation>
            <numerusform>Inbox: %n new</numerusform>
            <numerusform>Inbox: %n new</numerusform>
        </translation>
    </message>
    <message>
        <source>⚠ No secure password store</source>
        <translation>⚠ No secure password store</translation>
    </message>
    <message>
        <source>Account tokens cannot be stored safely on this computer, so channels cannot be connected. Ask IT to enable the system password store (Windows Credential Manager, or a Secret Service such as GNOME Keyring).</source>
        <translation>Account tokens cannot be stored safely on this computer, so channels cannot be connected. Ask IT to enable the system password store (Windows Credential Manager, or a Secret Service such as GNOME Keyring).</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>There is not enough free space on the chosen disk. No backup file was left behind.</source>
        <translation>There is not enough free space on the chosen disk. No backup file was left behind.</translation>
    </message>
    <message>
        <source>The backup is too large for this disk (a FAT32 USB stick takes no file over 4 GB). No backup file was left behind. Choose a disk formatted as NTFS or exFAT.</source>
        <translation>The backup is too large for this disk (a FAT32 USB stick takes no file over 4 GB). No backup file was left behind. Choose a disk formatted as NTFS or exFAT.</translation>
    </message>
    <message>
        <source>The chosen folder cannot be written to (it is read-only or you lack permission). Choose another folder, for example on a USB stick.</source>
        <translation>The chosen folder cannot be written to (it is read-only or you lack permission). Choose another folder, for example on a USB stick.</translation>
    </message>
    <message>
        <source>This profile has no database to back up yet.</source>
        <translation>This profile has no database to back up yet.</translation>
    </message>
    <message>
        <source>The database was written by a newer version of Kurum Masaüstü; it was not backed up.</source>
        <translation>The database was written by a newer version of Kurum Masaüstü; it was not backed up.</translation>
    </message>
    <message>
        <source>The profile&apos;s database is not a Kurum Masaüstü database; it was not backed up.</source>
        <translation>The profile&apos;s database is not a Kurum Masaüstü database; it was not backed up.</translation>
    </message>
    <message>
        <source>The profile&apos;s database could not be read.</source>
        <translation>The profile&apos;s database could not be read.</translation>
    </message>
    <message>
        <source>The backup could not be written. No backup file was left behind.</source>
        <translation>The backup could not be written. No backup file was left behind.</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Back up</translation>
    </message>
    <message>
        <source>Backup files (*.zip)</source>
        <translation>Backup files (*.zip)</translation>
    </message>
    <message>
        <source>Writing the backup to {name}…</source>
        <translation>Writing the backup to {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Writing the backup… {done} of {total}</source>
        <translation>Writing the backup… {done} of {total}</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>The backup was cancelled; no file was written.</translation>
    </message>
    <message>
        <source>The backup was written to {path} ({size}, {count} files). Keep it on a USB stick or a network share. Account tokens are not in it: after a restore, reconnect the channels.</source>
        <translation>The backup was written to {path} ({size}, {count} files). Keep it on a USB stick or a network share. Account tokens are not in it: after a restore, reconnect the channels.</translation>
    </message>
    <message>
        <source>Backup reminder</source>
        <translation>Backup reminder</translation>
    </message>
    <message>
        <source>No backup yet — back up now</source>
        <translation>No backup yet — back up now</translation>
    </message>
    <message>
        <source>Last backup: {when}. File → Back up… writes one .zip for a USB stick or a network share.</source>
        <translation>Last backup: {when}. File → Back up… writes one .zip for a USB stick or a network share.</translation>
    </message>
</context>
<context>
    <name>BackupHint</name>
    <message numerus="yes">
        <source>Last backup %n day(s) ago — back up now</source>
        <translation>
            <numerusform>Last backup %n day ago — back up now</numerusform>
            <numerusform>Last backup %n days ago — back up now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BestTime</name>
    <message>
        <source>Good times on {day}: {hours} (from the engagement of your {count} published posts)</source>
        <translation>Good times on {day}: {hours} (from the engagement of your {count} published posts)</translation>
    </message>
    <message>
        <source>Good times on {day}: {hours} — a general suggestion for public institutions; your own published posts are not enough yet to say better</source>
        <translation>Good times on {day}: {hours} — a general suggestion for public institutions; your own published posts are not enough yet to say better</translation>
    </message>
    <message>
        <source>Best times ({day}): {hours} — the institution&apos;s own data</source>
        <translation>Best times ({day}): {hours} — the institution&apos;s own data</translation>
    </message>
    <message>
        <source>Best times ({day}): {hours} — a general suggestion for public institutions</source>
        <translation>Best times ({day}): {hours} — a general suggestion for public institutions</translation>
    </message>
</context>
<context>
    <name>CalendarPane</name>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>Today</source>
        <extracomment>A post started in a campaign (CampaignInfo): the window fills the composer with its presets. Months ready to show (the neighbours are loaded in a worker after each month). Campaigns and goals, read once per change of the plan. Reply-time figures of a period for the goals (the window sets it; None: counting, call :meth:`refresh_goals` when ready). Counts a reply-time goal&apos;s messages of a period and scope (None while a worker counts). The days (holidays, important, religious, our own) of the shown range, hidden ones too.</extracomment>
        <translation>Today</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Go to today</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Important day without a post</source>
        <translation>Important day without a post</translation>
    </message>
    <message>
        <source>Goals of the plan</source>
        <translation>Goals of the plan</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Campaigns…</source>
        <translation>Campaigns…</translation>
    </message>
    <message>
        <source>Goals…</source>
        <translation>Goals…</translation>
    </message>
    <message>
        <source>Recurring post…</source>
        <translation>Recurring post…</translation>
    </message>
    <message>
        <source>Our own days…</source>
        <translation>Our own days…</translation>
    </message>
    <message>
        <source>Import a plan (CSV)…</source>
        <translation>Import a plan (CSV)…</translation>
    </message>
    <message>
        <source>Month calendar</source>
        <extracomment>Where imported images go (the window sets it; the library loads on first use).</extracomment>
        <translation>Month calendar</translation>
    </message>
    <message>
        <source>Week calendar</source>
        <translation>Week calendar</translation>
    </message>
    <message>
        <source>Agenda: the coming days</source>
        <translation>Agenda: the coming days</translation>
    </message>
    <message>
        <source>Posts of the selected day</source>
        <translation>Posts of the selected day</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>Earlier days</source>
        <translation>Earlier days</translation>
    </message>
    <message>
        <source>Later days</source>
        <translation>Later days</translation>
    </message>
    <message>
        <source>★ A good time to post (from the engagement of your published posts)</source>
        <translation>★ A good time to post (from the engagement of your published posts)</translation>
    </message>
    <message>
        <source>★ A good time to post (a general suggestion for public institutions)</source>
        <translation>★ A good time to post (a general suggestion for public institutions)</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Campaign</translation>
    </message>
    <message>
        <source>Outside campaigns</source>
        <translation>Outside campaigns</translation>
    </message>
    <message>
        <source>Remove this date from the series</source>
        <translation>Remove this date from the series</translation>
    </message>
    <message>
        <source>End the series after this date</source>
        <translation>End the series after this date</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Correct for this year: {name}…</source>
        <translation>Correct for this year: {name}…</translation>
    </message>
    <message>
        <source>Undo this year&apos;s correction: {name}</source>
        <translation>Undo this year&apos;s correction: {name}</translation>
    </message>
    <message>
        <source>This date has already gone out; it stays.</source>
        <translation>This date has already gone out; it stays.</translation>
    </message>
    <message numerus="yes">
        <source>Series ended: %n later post(s) removed.</source>
        <translation>
            <numerusform>Series ended: %n later post removed.</numerusform>
            <numerusform>Series ended: %n later posts removed.</numerusform>
        </translation>
    </message>
    <message>
        <source>This month: {planned} planned, {published} published</source>
        <translation>This month: {planned} planned, {published} published</translation>
    </message>
    <message>
        <source>This week: {planned} planned, {published} published</source>
        <translation>This week: {planned} planned, {published} published</translation>
    </message>
    <message>
        <source>These days: {planned} planned, {published} published</source>
        <translation>These days: {planned} planned, {published} published</translation>
    </message>
    <message>
        <source>filtered</source>
        <translation>filtered</translation>
    </message>
    <message>
        <source>No post planned for {name} ({date})</source>
        <translation>No post planned for {name} ({date})</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n more)</numerusform>
            <numerusform>(+%n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>A post cannot be moved into the past.</source>
        <translation>A post cannot be moved into the past.</translation>
    </message>
    <message>
        <source>Published posts cannot be moved.</source>
        <translation>Published posts cannot be moved.</translation>
    </message>
    <message>
        <source>Moved; deliveries already published (or held by the platform) stayed where they were.</source>
        <translation>Moved; deliveries already published (or held by the platform) stayed where they were.</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s)</source>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>nothing planned</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Campaigns</source>
        <extracomment>&quot;New post in this campaign&quot;: the saved campaign (its presets start the post).</extracomment>
        <translation>Campaigns</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>New campaign</translation>
    </message>
    <message>
        <source>Start from a seasonal preset</source>
        <translation>Start from a seasonal preset</translation>
    </message>
    <message>
        <source>Seasonal preset…</source>
        <translation>Seasonal preset…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>What should the campaign achieve?</source>
        <translation>What should the campaign achieve?</translation>
    </message>
    <message>
        <source>No template</source>
        <translation>No template</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Save campaign</translation>
    </message>
    <message>
        <source>New post in this campaign</source>
        <translation>New post in this campaign</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Campaign colour</source>
        <translation>Campaign colour</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>Give the campaign a name.</translation>
    </message>
    <message>
        <source>The campaign ends before it starts.</source>
        <translation>The campaign ends before it starts.</translation>
    </message>
</context>
<context>
    <name>ChannelManagerDialog</name>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Platform</source>
        <extracomment>Channel id → its preset, for the channels the IT policy defines.</extracomment>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Add…</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Test</translation>
    </message>
    <message>
        <source>&amp;Reconnect…</source>
        <translation>&amp;Reconnect…</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Re&amp;name…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>Re&amp;move…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>managed by IT</source>
        <translation>managed by IT</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connect…</translation>
    </message>
    <message>
        <source>No channel yet: add the institution&apos;s accounts.</source>
        <translation>No channel yet: add the institution&apos;s accounts.</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>The token is valid until %1.</source>
        <translation>The token is valid until %1.</translation>
    </message>
    <message>
        <source>%1: it cannot be renamed or removed here; its IDs are set by IT.</source>
        <translation>%1: it cannot be renamed or removed here; its IDs are set by IT.</translation>
    </message>
    <message>
        <source>Not connected yet: choose Connect… and enter its token or sign in.</source>
        <translation>Not connected yet: choose Connect… and enter its token or sign in.</translation>
    </message>
    <message>
        <source>Sandbox channel: what it publishes stays on this computer.</source>
        <translation>Sandbox channel: what it publishes stays on this computer.</translation>
    </message>
    <message>
        <source>Connected and saved.</source>
        <translation>Connected and saved.</translation>
    </message>
    <message>
        <source>The test was cancelled.</source>
        <translation>The test was cancelled.</translation>
    </message>
    <message>
        <source>The connection works: %1 (%2).</source>
        <translation>The connection works: %1 (%2).</translation>
    </message>
    <message>
        <source>Rename the channel</source>
        <translation>Rename the channel</translation>
    </message>
    <message>
        <source>Name shown in Kurum Masaüstü:</source>
        <translation>Name shown in Kurum Masaüstü:</translation>
    </message>
    <message>
        <source>Remove “%1”? Its token is deleted from the secure password store. Posts it already published stay in the history.</source>
        <translation>Remove “%1”? Its token is deleted from the secure password store. Posts it already published stay in the history.</translation>
    </message>
    <message>
        <source>Remove the channel</source>
        <translation>Remove the channel</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Withdrawing Kurum Masaüstü&apos;s access on the platform…</source>
        <translation>Withdrawing Kurum Masaüstü&apos;s access on the platform…</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Removed.</translation>
    </message>
    <message>
        <source>Removed; kept switched off for its published posts.</source>
        <translation>Removed; kept switched off for its published posts.</translation>
    </message>
    <message>
        <source>The platform could not be reached to withdraw the access: remove Kurum Masaüstü in the account&apos;s settings there (authorized apps).</source>
        <translation>The platform could not be reached to withdraw the access: remove Kurum Masaüstü in the account&apos;s settings there (authorized apps).</translation>
    </message>
</context>
<context>
    <name>ChannelPreview</name>
    <message numerus="yes">
        <source>%n post(s); longest: </source>
        <extracomment>Platforms that show a link given apart as a card; the others get it at the end of the text.</extracomment>
        <translation>
            <numerusform>%n post; longest: </numerusform>
            <numerusform>%n posts; longest: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChannelRows</name>
    <message>
        <source>Channels</source>
        <extracomment>&quot;Add a channel…&quot;, offered while there is none.</extracomment>
        <translation>Channels</translation>
    </message>
    <message>
        <source>No channels yet: connect the institution&apos;s accounts to choose where a post goes.</source>
        <translation>No channels yet: connect the institution&apos;s accounts to choose where a post goes.</translation>
    </message>
    <message>
        <source>Add a channel…</source>
        <translation>Add a channel…</translation>
    </message>
    <message>
        <source>Handed to the platform: it goes out at its time even with this computer off. But later edits, a pause or a mourning/crisis mode do not stop it by themselves: the app must cancel it on the platform, which it can do only while it runs and is online.</source>
        <translation>Handed to the platform: it goes out at its time even with this computer off. But later edits, a pause or a mourning/crisis mode do not stop it by themselves: the app must cancel it on the platform, which it can do only while it runs and is online.</translation>
    </message>
    <message>
        <source>Take back from the platforms</source>
        <translation>Take back from the platforms</translation>
    </message>
    <message>
        <source>Cancels the scheduled post on the platforms that hold it, so that it can be edited again.</source>
        <translation>Cancels the scheduled post on the platforms that hold it, so that it can be edited again.</translation>
    </message>
    <message>
        <source>State on {channel}</source>
        <translation>State on {channel}</translation>
    </message>
    <message>
        <source>Platform schedules it</source>
        <translation>Platform schedules it</translation>
    </message>
    <message>
        <source>Hand to {channel}&apos;s own scheduler</source>
        <translation>Hand to {channel}&apos;s own scheduler</translation>
    </message>
    <message>
        <source>to be handed to the platform</source>
        <translation>to be handed to the platform</translation>
    </message>
    <message numerus="yes">
        <source>%n part(s) out</source>
        <translation>
            <numerusform>%n part out</numerusform>
            <numerusform>%n parts out</numerusform>
        </translation>
    </message>
    <message>
        <source>open</source>
        <translation>open</translation>
    </message>
</context>
<context>
    <name>ChannelWarning</name>
    <message>
        <source>Channel warning</source>
        <translation>Channel warning</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n channel(s) must be reconnected</source>
        <translation>
            <numerusform>⚠ %n channel must be reconnected</numerusform>
            <numerusform>⚠ %n channels must be reconnected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n channel(s) awaiting connection</source>
        <translation>
            <numerusform>⚠ %n channel awaiting connection</numerusform>
            <numerusform>⚠ %n channels awaiting connection</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>⚠ A channel&apos;s token expires in %n day(s)</source>
        <translation>
            <numerusform>⚠ A channel&apos;s token expires in %n day</numerusform>
            <numerusform>⚠ A channel&apos;s token expires in %n days</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: must be reconnected</source>
        <translation>%1: must be reconnected</translation>
    </message>
    <message>
        <source>%1: awaiting connection (set up by IT)</source>
        <translation>%1: awaiting connection (set up by IT)</translation>
    </message>
    <message numerus="yes">
        <source>%1: the token expires in %n day(s).</source>
        <translation>
            <numerusform>%1: the token expires in %n day.</numerusform>
            <numerusform>%1: the token expires in %n days.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Publishing → Channels… to renew.</source>
        <translation>Open Publishing → Channels… to renew.</translation>
    </message>
    <message>
        <source>Open Publishing → Channels… to connect them.</source>
        <translation>Open Publishing → Channels… to connect them.</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <source>Page ID</source>
        <translation>Page ID</translation>
    </message>
    <message>
        <source>Instagram account ID</source>
        <translation>Instagram account ID</translation>
    </message>
    <message>
        <source>Organization URN</source>
        <translation>Organization URN</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client ID</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Bot token</translation>
    </message>
    <message>
        <source>Page access token</source>
        <translation>Page access token</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Access token</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>App password</translation>
    </message>
    <message>
        <source>Please fill in: %1</source>
        <translation>Please fill in: %1</translation>
    </message>
    <message>
        <source>The bot is not an administrator of the channel with the right to post. Add it in Telegram (channel → Administrators), then try again.</source>
        <translation>The bot is not an administrator of the channel with the right to post. Add it in Telegram (channel → Administrators), then try again.</translation>
    </message>
    <message>
        <source>Telegram does not know this channel. Write it as @channelname or as its number (-100…).</source>
        <translation>Telegram does not know this channel. Write it as @channelname or as its number (-100…).</translation>
    </message>
    <message>
        <source>This is not a server address. Write it like sosyal.belediye.bel.tr or https://mastodon.social.</source>
        <translation>This is not a server address. Write it like sosyal.belediye.bel.tr or https://mastodon.social.</translation>
    </message>
    <message>
        <source>The port must be a number between 1024 and 65535.</source>
        <translation>The port must be a number between 1024 and 65535.</translation>
    </message>
    <message>
        <source>This channel is not connected yet: choose Connect… and enter its token or sign in.</source>
        <translation>This channel is not connected yet: choose Connect… and enter its token or sign in.</translation>
    </message>
    <message>
        <source>Defined by IT management: this channel cannot be renamed or removed here.</source>
        <translation>Defined by IT management: this channel cannot be renamed or removed here.</translation>
    </message>
    <message>
        <source>This channel&apos;s token is not in the secure password store. Choose Reconnect.</source>
        <translation>This channel&apos;s token is not in the secure password store. Choose Reconnect.</translation>
    </message>
    <message>
        <source>The server could not be reached. Check the address and the internet connection (or the proxy) and try again.</source>
        <translation>The server could not be reached. Check the address and the internet connection (or the proxy) and try again.</translation>
    </message>
    <message>
        <source>There is no server of this platform at this address. Check the address.</source>
        <translation>There is no server of this platform at this address. Check the address.</translation>
    </message>
    <message>
        <source>The platform did not accept this token or password. Copy it again in full (without spaces) or create a new one.</source>
        <translation>The platform did not accept this token or password. Copy it again in full (without spaces) or create a new one.</translation>
    </message>
    <message>
        <source>You signed in as %1, but IT set this channel up for another account. Nothing was saved; sign in with the institution&apos;s account.</source>
        <translation>You signed in as %1, but IT set this channel up for another account. Nothing was saved; sign in with the institution&apos;s account.</translation>
    </message>
    <message>
        <source>This does not look like an app password (xxxx-xxxx-xxxx-xxxx). Never enter the account&apos;s main password: create an app password in Bluesky under Settings → Privacy and security → App passwords.</source>
        <translation>This does not look like an app password (xxxx-xxxx-xxxx-xxxx). Never enter the account&apos;s main password: create an app password in Bluesky under Settings → Privacy and security → App passwords.</translation>
    </message>
    <message>
        <source>The platform refused the connection: %1</source>
        <translation>The platform refused the connection: %1</translation>
    </message>
    <message>
        <source>The platform asks us to wait a little. Try again in a few minutes.</source>
        <translation>The platform asks us to wait a little. Try again in a few minutes.</translation>
    </message>
    <message>
        <source>The platform gave an answer we could not read. Try again later.</source>
        <translation>The platform gave an answer we could not read. Try again later.</translation>
    </message>
    <message>
        <source>The platform did not give an access token (%1). Start again.</source>
        <translation>The platform did not give an access token (%1). Start again.</translation>
    </message>
    <message>
        <source>The secure password store of this computer is not available, so nothing was saved. Ask IT to enable it.</source>
        <translation>The secure password store of this computer is not available, so nothing was saved. Ask IT to enable it.</translation>
    </message>
    <message>
        <source>The web browser could not be opened. Copy the address shown and open it yourself.</source>
        <translation>The web browser could not be opened. Copy the address shown and open it yourself.</translation>
    </message>
    <message>
        <source>Port %1 on this computer is used by another program, so the sign-in cannot come back to us. Close that program, or have IT register another port in the platform&apos;s app and enter it here.</source>
        <translation>Port %1 on this computer is used by another program, so the sign-in cannot come back to us. Close that program, or have IT register another port in the platform&apos;s app and enter it here.</translation>
    </message>
    <message>
        <source>No answer came from the browser in time. Nothing was saved; start again when ready.</source>
        <translation>No answer came from the browser in time. Nothing was saved; start again when ready.</translation>
    </message>
    <message>
        <source>Connecting was cancelled. Nothing was saved.</source>
        <translation>Connecting was cancelled. Nothing was saved.</translation>
    </message>
    <message>
        <source>The answer that came back does not belong to this sign-in, so it was refused. Nothing was saved; start again.</source>
        <translation>The answer that came back does not belong to this sign-in, so it was refused. Nothing was saved; start again.</translation>
    </message>
    <message>
        <source>Access was not granted on the platform&apos;s page. Nothing was saved.</source>
        <translation>Access was not granted on the platform&apos;s page. Nothing was saved.</translation>
    </message>
    <message>
        <source>The platform came back without a sign-in code. Nothing was saved; start again.</source>
        <translation>The platform came back without a sign-in code. Nothing was saved; start again.</translation>
    </message>
    <message>
        <source>Connecting failed: %1</source>
        <translation>Connecting failed: %1</translation>
    </message>
    <message>
        <source>Registering Kurum Masaüstü on the server…</source>
        <translation>Registering Kurum Masaüstü on the server…</translation>
    </message>
    <message>
        <source>Opening the sign-in page…</source>
        <translation>Opening the sign-in page…</translation>
    </message>
    <message>
        <source>Waiting for you to approve in the browser…</source>
        <translation>Waiting for you to approve in the browser…</translation>
    </message>
    <message>
        <source>Getting the access token…</source>
        <translation>Getting the access token…</translation>
    </message>
    <message>
        <source>Reading the saved credentials…</source>
        <translation>Reading the saved credentials…</translation>
    </message>
    <message>
        <source>Checking the account with the platform…</source>
        <translation>Checking the account with the platform…</translation>
    </message>
    <message>
        <source>Saving in the secure password store…</source>
        <translation>Saving in the secure password store…</translation>
    </message>
    <message>
        <source>Defined by IT management</source>
        <extracomment>A symbol per state, so the list can be read without colour. A channel never connected yet (a preset of the IT policy): nothing is broken, it waits.</extracomment>
        <translation>Defined by IT management</translation>
    </message>
    <message>
        <source>Awaiting connection</source>
        <translation>Awaiting connection</translation>
    </message>
    <message>
        <source>Token expired — reconnect</source>
        <translation>Token expired — reconnect</translation>
    </message>
    <message>
        <source>Needs reconnecting</source>
        <translation>Needs reconnecting</translation>
    </message>
    <message>
        <source>Token expires today</source>
        <translation>Token expires today</translation>
    </message>
    <message>
        <source>Removed (history kept)</source>
        <translation>Removed (history kept)</translation>
    </message>
    <message>
        <source>Posted by hand</source>
        <translation>Posted by hand</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>sandbox</source>
        <translation>sandbox</translation>
    </message>
    <message>
        <source>Choose Reconnect and sign in to your server in the browser again.</source>
        <translation>Choose Reconnect and sign in to your server in the browser again.</translation>
    </message>
    <message>
        <source>Choose Reconnect and sign in to X in the browser again.</source>
        <translation>Choose Reconnect and sign in to X in the browser again.</translation>
    </message>
    <message>
        <source>Create a new app password in Bluesky (Settings → Privacy and security → App passwords), then choose Reconnect and enter it.</source>
        <translation>Create a new app password in Bluesky (Settings → Privacy and security → App passwords), then choose Reconnect and enter it.</translation>
    </message>
    <message>
        <source>Get the bot&apos;s token from @BotFather (/token), then choose Reconnect and paste it.</source>
        <translation>Get the bot&apos;s token from @BotFather (/token), then choose Reconnect and paste it.</translation>
    </message>
    <message>
        <source>Create a new token for the Page (best: a system-user token in Meta Business Settings → System users, which does not expire), then choose Reconnect and paste it.</source>
        <translation>Create a new token for the Page (best: a system-user token in Meta Business Settings → System users, which does not expire), then choose Reconnect and paste it.</translation>
    </message>
    <message>
        <source>Create a new token in Meta Business Settings → System users (or refresh the Instagram token), then choose Reconnect and paste it.</source>
        <translation>Create a new token in Meta Business Settings → System users (or refresh the Instagram token), then choose Reconnect and paste it.</translation>
    </message>
    <message>
        <source>LinkedIn tokens last 60 days. Create a new one in the LinkedIn Developer Portal (Token generator, with the organization&apos;s admin account), then choose Reconnect and paste it.</source>
        <translation>LinkedIn tokens last 60 days. Create a new one in the LinkedIn Developer Portal (Token generator, with the organization&apos;s admin account), then choose Reconnect and paste it.</translation>
    </message>
</context>
<context>
    <name>ChecklistWidget</name>
    <message>
        <source>Where the facts come from: council decision no., notice, institution, link</source>
        <translation>Where the facts come from: council decision no., notice, institution, link</translation>
    </message>
    <message>
        <source>Source reference</source>
        <translation>Source reference</translation>
    </message>
    <message>
        <source>Institution&apos;s words…</source>
        <translation>Institution&apos;s words…</translation>
    </message>
    <message>
        <source>Mahalle, institution and people&apos;s names the spelling check accepts</source>
        <translation>Mahalle, institution and people&apos;s names the spelling check accepts</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Alt text for every image</source>
        <translation>Alt text for every image</translation>
    </message>
    <message>
        <source>Links reachable</source>
        <translation>Links reachable</translation>
    </message>
    <message>
        <source>Turkish spelling</source>
        <translation>Turkish spelling</translation>
    </message>
    <message>
        <source>Wording fits the day</source>
        <translation>Wording fits the day</translation>
    </message>
    <message>
        <source>Consent for people in photos (KVKK)</source>
        <translation>Consent for people in photos (KVKK)</translation>
    </message>
    <message>
        <source>Add to dictionary</source>
        <translation>Add to dictionary</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Not scheduled: the checklist says {items}. Fix it first.</source>
        <translation>Not scheduled: the checklist says {items}. Fix it first.</translation>
    </message>
    <message>
        <source>Override a warning</source>
        <translation>Override a warning</translation>
    </message>
    <message>
        <source>Why may the post go out like this? (kept in the audit log)</source>
        <translation>Why may the post go out like this? (kept in the audit log)</translation>
    </message>
    <message>
        <source>Overridden: {note}</source>
        <translation>Overridden: {note}</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>Override…</translation>
    </message>
    <message numerus="yes">
        <source>%n to fix before scheduling</source>
        <translation>
            <numerusform>%n to fix before scheduling</numerusform>
            <numerusform>%n to fix before scheduling</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): fix, or override with a note</source>
        <translation>
            <numerusform>%n warning: fix, or override with a note</numerusform>
            <numerusform>%n warnings: fix, or override with a note</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready to schedule as far as the checklist can tell.</source>
        <translation>Ready to schedule as far as the checklist can tell.</translation>
    </message>
    <message>
        <source>Given.</source>
        <translation>Given.</translation>
    </message>
    <message>
        <source>Announcements need a source: the decision, notice or institution the facts come from.</source>
        <translation>Announcements need a source: the decision, notice or institution the facts come from.</translation>
    </message>
    <message>
        <source>The text states figures ({values}): say where they come from.</source>
        <translation>The text states figures ({values}): say where they come from.</translation>
    </message>
    <message>
        <source>No figures or claims that need a source.</source>
        <translation>No figures or claims that need a source.</translation>
    </message>
    <message>
        <source>No images.</source>
        <translation>No images.</translation>
    </message>
    <message>
        <source>No alt text: {values}. Describe each image in the media pane.</source>
        <translation>No alt text: {values}. Describe each image in the media pane.</translation>
    </message>
    <message>
        <source>No alt text: {values}. The chosen channels show none (Telegram): say in the text what the picture shows.</source>
        <translation>No alt text: {values}. The chosen channels show none (Telegram): say in the text what the picture shows.</translation>
    </message>
    <message>
        <source>The alt text says little (a file name or one word): {values}.</source>
        <translation>The alt text says little (a file name or one word): {values}.</translation>
    </message>
    <message>
        <source>Every image is described.</source>
        <translation>Every image is described.</translation>
    </message>
    <message>
        <source>No links.</source>
        <translation>No links.</translation>
    </message>
    <message>
        <source>Not reachable: {values}</source>
        <translation>Not reachable: {values}</translation>
    </message>
    <message>
        <source>Offline, could not be checked.</source>
        <translation>Offline, could not be checked.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Every link answers.</source>
        <translation>Every link answers.</translation>
    </message>
    <message>
        <source>The spelling dictionary could not be loaded.</source>
        <translation>The spelling dictionary could not be loaded.</translation>
    </message>
    <message>
        <source>Not in the dictionary: {values}</source>
        <translation>Not in the dictionary: {values}</translation>
    </message>
    <message>
        <source>No unknown words.</source>
        <translation>No unknown words.</translation>
    </message>
    <message>
        <source>No day of mourning or commemoration.</source>
        <translation>No day of mourning or commemoration.</translation>
    </message>
    <message>
        <source>Nothing celebratory.</source>
        <translation>Nothing celebratory.</translation>
    </message>
    <message>
        <source>National mourning: celebratory wording ({values}).</source>
        <translation>National mourning: celebratory wording ({values}).</translation>
    </message>
    <message>
        <source>No photos or videos.</source>
        <translation>No photos or videos.</translation>
    </message>
    <message>
        <source>Children in {values}: record the parents&apos; written consent or blur their faces.</source>
        <translation>Children in {values}: record the parents&apos; written consent or blur their faces.</translation>
    </message>
    <message>
        <source>Say in the media pane whether recognisable people appear: {values}.</source>
        <translation>Say in the media pane whether recognisable people appear: {values}.</translation>
    </message>
    <message>
        <source>No consent recorded for the people in {values}: record it, or note the legal ground.</source>
        <translation>No consent recorded for the people in {values}: record it, or note the legal ground.</translation>
    </message>
    <message>
        <source>Consent recorded.</source>
        <translation>Consent recorded.</translation>
    </message>
    <message>
        <source>{day} is a day of commemoration: no celebratory wording or emoji ({values}).</source>
        <translation>{day} is a day of commemoration: no celebratory wording or emoji ({values}).</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Previews per channel</source>
        <translation>Previews per channel</translation>
    </message>
    <message>
        <source>Choose channels to see how the post will look.</source>
        <translation>Choose channels to see how the post will look.</translation>
    </message>
</context>
<context>
    <name>ComposerPane</name>
    <message>
        <source>Title for the calendar (optional)</source>
        <extracomment>Every channel&apos;s published posts with engagement (best-time hint), read in a worker thread each time a post is opened (the figures grow as posts are published). The campaign of the post being written (a post started in a campaign gets it). The profile&apos;s media folder (videos are probed there); set by the window.</extracomment>
        <translation>Title for the calendar (optional)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Write the post once; adjust it per channel later.</source>
        <translation>Write the post once; adjust it per channel later.</translation>
    </message>
    <message>
        <source>Post text</source>
        <translation>Post text</translation>
    </message>
    <message>
        <source>Suggested hashtags</source>
        <translation>Suggested hashtags</translation>
    </message>
    <message>
        <source>Hashtags:</source>
        <translation>Hashtags:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>Per channel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Publish time</source>
        <translation>Publish time</translation>
    </message>
    <message>
        <source>Best times to post</source>
        <translation>Best times to post</translation>
    </message>
    <message>
        <source>Attached media</source>
        <extracomment>Cancels what the platforms hold for a post: async (post_id) -&gt; (taken back, not taken back).</extracomment>
        <translation>Attached media</translation>
    </message>
    <message>
        <source>Add image or video…</source>
        <translation>Add image or video…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove the selected media</source>
        <translation>Remove the selected media</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>From a template…</source>
        <translation>From a template…</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Composer messages</source>
        <translation>Composer messages</translation>
    </message>
    <message numerus="yes">
        <source>%n channel(s) could not be taken back (offline, or the platform already published it).</source>
        <translation>
            <numerusform>%n channel could not be taken back (offline, or the platform already published it).</numerusform>
            <numerusform>%n channels could not be taken back (offline, or the platform already published it).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Taken back from %n channel(s): edit the post and schedule it again.</source>
        <translation>
            <numerusform>Taken back from %n channel: edit the post and schedule it again.</numerusform>
            <numerusform>Taken back from %n channels: edit the post and schedule it again.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Cannot schedule for {channels}: {problem} Fix it, or remove that channel.</source>
        <translation>Cannot schedule for {channels}: {problem} Fix it, or remove that channel.</translation>
    </message>
    <message>
        <source>Fill in the template&apos;s fields first: {fields}</source>
        <translation>Fill in the template&apos;s fields first: {fields}</translation>
    </message>
    <message>
        <source>Not scheduled: the election-period warning needs a note.</source>
        <translation>Not scheduled: the election-period warning needs a note.</translation>
    </message>
    <message>
        <source>Election period</source>
        <translation>Election period</translation>
    </message>
    <message>
        <source>During the election period public bodies may not publish openings, ceremonies or promotion of works ({words}). To schedule anyway, write why (it is kept in the audit log):</source>
        <translation>During the election period public bodies may not publish openings, ceremonies or promotion of works ({words}). To schedule anyway, write why (it is kept in the audit log):</translation>
    </message>
    <message>
        <source>Unsaved work from last time was restored.</source>
        <translation>Unsaved work from last time was restored.</translation>
    </message>
    <message>
        <source>National mourning: celebratory wording ({words}).</source>
        <translation>National mourning: celebratory wording ({words}).</translation>
    </message>
    <message>
        <source>{day} is a day of commemoration: celebratory wording ({words}).</source>
        <translation>{day} is a day of commemoration: celebratory wording ({words}).</translation>
    </message>
    <message>
        <source>Template field left empty: {field}</source>
        <translation>Template field left empty: {field}</translation>
    </message>
    <message>
        <source>Election period: openings, ceremonies and promotion are not allowed ({words}).</source>
        <translation>Election period: openings, ceremonies and promotion are not allowed ({words}).</translation>
    </message>
    <message>
        <source>{count} hashtags make the post hard to read (screen readers spell each one); at most 5.</source>
        <translation>{count} hashtags make the post hard to read (screen readers spell each one); at most 5.</translation>
    </message>
    <message>
        <source>{name} is not a supported image or video.</source>
        <translation>{name} is not a supported image or video.</translation>
    </message>
    <message>
        <source>Already published on some channels; those stay as they are.</source>
        <translation>Already published on some channels; those stay as they are.</translation>
    </message>
    <message>
        <source>Handed to the platform&apos;s scheduler on some channels: changes here do not reach them until you take the post back from the platforms.</source>
        <translation>Handed to the platform&apos;s scheduler on some channels: changes here do not reach them until you take the post back from the platforms.</translation>
    </message>
    <message>
        <source>The publish time is in the past. Choose a later time.</source>
        <translation>The publish time is in the past. Choose a later time.</translation>
    </message>
    <message>
        <source>Scheduled.</source>
        <translation>Scheduled.</translation>
    </message>
    <message>
        <source>Draft saved.</source>
        <translation>Draft saved.</translation>
    </message>
    <message>
        <source>The post is empty. Write some text or add an image.</source>
        <translation>The post is empty. Write some text or add an image.</translation>
    </message>
    <message>
        <source>Choose a publish time.</source>
        <translation>Choose a publish time.</translation>
    </message>
    <message>
        <source>Choose at least one channel to schedule the post.</source>
        <translation>Choose at least one channel to schedule the post.</translation>
    </message>
    <message>
        <source>The post could not be saved.</source>
        <translation>The post could not be saved.</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>Add image or video</source>
        <translation>Add image or video</translation>
    </message>
    <message>
        <source>Images and videos</source>
        <translation>Images and videos</translation>
    </message>
    <message>
        <source>{name} could not be read.</source>
        <translation>{name} could not be read.</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Add a channel</source>
        <extracomment>Platforms whose pasted token may carry an expiry the person can read in the platform&apos;s tool.</extracomment>
        <translation>Add a channel</translation>
    </message>
    <message>
        <source>Reconnect the channel</source>
        <translation>Reconnect the channel</translation>
    </message>
    <message>
        <source>Connect the channel</source>
        <translation>Connect the channel</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sandbox channel for practice (nothing reaches the internet)</source>
        <translation>Sandbox channel for practice (nothing reaches the internet)</translation>
    </message>
    <message>
        <source>Turned off by your IT department&apos;s policy.</source>
        <translation>Turned off by your IT department&apos;s policy.</translation>
    </message>
    <message>
        <source>Platform:</source>
        <translation>Platform:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>The token expires on:</source>
        <translation>The token expires on:</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Expiry date</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Sign-in address</translation>
    </message>
    <message>
        <source>If the browser did not open, open this address yourself:</source>
        <translation>If the browser did not open, open this address yourself:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Set by IT management; it cannot be changed here.</source>
        <translation>Set by IT management; it cannot be changed here.</translation>
    </message>
    <message>
        <source>e.g. Municipality (%1)</source>
        <translation>e.g. Municipality (%1)</translation>
    </message>
    <message>
        <source>IT has set this channel up: fields in grey are fixed; you only sign in or add the token.</source>
        <translation>IT has set this channel up: fields in grey are fixed; you only sign in or add the token.</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>First the address of your Mastodon server; then you sign in there.</source>
        <translation>First the address of your Mastodon server; then you sign in there.</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client ID:</translation>
    </message>
    <message>
        <source>Callback port:</source>
        <translation>Callback port:</translation>
    </message>
    <message>
        <source>From the institution&apos;s X app (type: Native App). Its callback address must be http://127.0.0.1:%1/callback — X accepts only the exact address registered there.</source>
        <translation>From the institution&apos;s X app (type: Native App). Its callback address must be http://127.0.0.1:%1/callback — X accepts only the exact address registered there.</translation>
    </message>
    <message>
        <source>You approve the access on the platform&apos;s own page; no password is typed here.</source>
        <translation>You approve the access on the platform&apos;s own page; no password is typed here.</translation>
    </message>
    <message>
        <source>Handle:</source>
        <translation>Handle:</translation>
    </message>
    <message>
        <source>App password:</source>
        <translation>App password:</translation>
    </message>
    <message>
        <source>Never enter the account&apos;s main password. Create an app password for Kurum Masaüstü in Bluesky: Settings → Privacy and security → App passwords.</source>
        <translation>Never enter the account&apos;s main password. Create an app password for Kurum Masaüstü in Bluesky: Settings → Privacy and security → App passwords.</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Channel:</translation>
    </message>
    <message>
        <source>Bot token:</source>
        <translation>Bot token:</translation>
    </message>
    <message>
        <source>The token comes from @BotFather. Add the bot to the channel as an administrator who may post.</source>
        <translation>The token comes from @BotFather. Add the bot to the channel as an administrator who may post.</translation>
    </message>
    <message>
        <source>Page ID:</source>
        <translation>Page ID:</translation>
    </message>
    <message>
        <source>Page access token:</source>
        <translation>Page access token:</translation>
    </message>
    <message>
        <source>Instagram account ID:</source>
        <translation>Instagram account ID:</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Access token:</translation>
    </message>
    <message>
        <source>Organization URN:</source>
        <translation>Organization URN:</translation>
    </message>
    <message>
        <source>A desktop app cannot keep Meta&apos;s app secret, so IT creates a long-lived token (best: a system user in Meta Business Settings) and pastes it here.</source>
        <translation>A desktop app cannot keep Meta&apos;s app secret, so IT creates a long-lived token (best: a system user in Meta Business Settings) and pastes it here.</translation>
    </message>
    <message>
        <source>The platform&apos;s token tool shows the expiry; leave it unticked if it never expires.</source>
        <translation>The platform&apos;s token tool shows the expiry; leave it unticked if it never expires.</translation>
    </message>
    <message>
        <source>Sandbox: any token works the first time; left empty, one is made up for you.</source>
        <translation>Sandbox: any token works the first time; left empty, one is made up for you.</translation>
    </message>
    <message>
        <source>Sandbox: the sign-in page is shown inside Kurum Masaüstü.</source>
        <translation>Sandbox: the sign-in page is shown inside Kurum Masaüstü.</translation>
    </message>
    <message>
        <source>Sandbox: left empty, the saved token is used again.</source>
        <translation>Sandbox: left empty, the saved token is used again.</translation>
    </message>
    <message>
        <source>A manual channel: Kurum Masaüstü prepares the text and media, you post by hand and record the link.</source>
        <translation>A manual channel: Kurum Masaüstü prepares the text and media, you post by hand and record the link.</translation>
    </message>
    <message>
        <source>Sign in with the browser…</source>
        <translation>Sign in with the browser…</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Check and save</translation>
    </message>
    <message>
        <source>Sandbox %1: allow “%2” to post as %3?</source>
        <translation>Sandbox %1: allow “%2” to post as %3?</translation>
    </message>
    <message>
        <source>Sandbox sign-in</source>
        <translation>Sandbox sign-in</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>Allow</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>Deny</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>You can close this tab and return to Kurum Masaüstü.</source>
        <translation>You can close this tab and return to Kurum Masaüstü.</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Return to Kurum Masaüstü to see why.</source>
        <translation>Return to Kurum Masaüstü to see why.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct for this year</source>
        <translation>Correct for this year</translation>
    </message>
    <message>
        <source>{name} in {year}: the change applies to this year only.</source>
        <translation>{name} in {year}: the change applies to this year only.</translation>
    </message>
    <message>
        <source>Move to another date</source>
        <translation>Move to another date</translation>
    </message>
    <message>
        <source>Hide this year</source>
        <translation>Hide this year</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>New date</translation>
    </message>
    <message numerus="yes">
        <source>Lasts %n day(s) from this date, as before.</source>
        <translation>
            <numerusform>Lasts %n day from this date, as before.</numerusform>
            <numerusform>Lasts %n days from this date, as before.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Something went wrong. Your saved work is safe; the details were written to the log file.</source>
        <translation>Something went wrong. Your saved work is safe; the details were written to the log file.</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) occurred in total.</source>
        <translation>
            <numerusform>%n error occurred in total.</numerusform>
            <numerusform>%n errors occurred in total.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CrisisBanner</name>
    <message>
        <source>Show the messages</source>
        <translation>Show the messages</translation>
    </message>
    <message>
        <source>Crisis plan…</source>
        <translation>Crisis plan…</translation>
    </message>
    <message>
        <source>Holding statements…</source>
        <translation>Holding statements…</translation>
    </message>
    <message>
        <source>Turn on crisis mode</source>
        <translation>Turn on crisis mode</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>under the post “{post}”</source>
        <translation>under the post “{post}”</translation>
    </message>
    <message>
        <source>about {unit}</source>
        <translation>about {unit}</translation>
    </message>
    <message>
        <source>across all channels</source>
        <translation>across all channels</translation>
    </message>
    <message>
        <source>Possible crisis: negative messages are piling up</source>
        <translation>Possible crisis: negative messages are piling up</translation>
    </message>
    <message>
        <source>{count} negative messages in the last {hours} h {where} — {ratio}× the usual (usually {baseline} in that time). Growth: {growth}.</source>
        <translation>{count} negative messages in the last {hours} h {where} — {ratio}× the usual (usually {baseline} in that time). Growth: {growth}.</translation>
    </message>
    <message>
        <source>Crisis mode is on</source>
        <translation>Crisis mode is on</translation>
    </message>
</context>
<context>
    <name>CrisisDialog</name>
    <message>
        <source>Crisis plan</source>
        <translation>Crisis plan</translation>
    </message>
    <message>
        <source>Crisis plan steps</source>
        <translation>Crisis plan steps</translation>
    </message>
    <message>
        <source>A new step (e.g. inform the neighbourhood muhtars)</source>
        <translation>A new step (e.g. inform the neighbourhood muhtars)</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Remove step</translation>
    </message>
    <message>
        <source>New crisis: clear the ticks</source>
        <translation>New crisis: clear the ticks</translation>
    </message>
    <message>
        <source>Tick each step as it is done; double-click a step to edit it.</source>
        <translation>Tick each step as it is done; double-click a step to edit it.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Holding statement</source>
        <translation>Holding statement</translation>
    </message>
    <message>
        <source>Statement text</source>
        <translation>Statement text</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Write as a post</source>
        <translation>Write as a post</translation>
    </message>
    <message>
        <source>Holding statements</source>
        <translation>Holding statements</translation>
    </message>
    <message>
        <source>Which crisis</source>
        <translation>Which crisis</translation>
    </message>
    <message>
        <source>Save as a file…</source>
        <translation>Save as a file…</translation>
    </message>
    <message>
        <source>A plain-text record of this crisis for the report afterwards (what was done, when, by whom).</source>
        <translation>A plain-text record of this crisis for the report afterwards (what was done, when, by whom).</translation>
    </message>
    <message>
        <source>Crisis timeline</source>
        <translation>Crisis timeline</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Contacts: {contacts}</source>
        <translation>Contacts: {contacts}</translation>
    </message>
    <message>
        <source>Current crisis (since {since})</source>
        <translation>Current crisis (since {since})</translation>
    </message>
    <message>
        <source>Earlier crisis: {since} – {until}</source>
        <translation>Earlier crisis: {since} – {until}</translation>
    </message>
    <message>
        <source>publishing paused</source>
        <translation>publishing paused</translation>
    </message>
    <message>
        <source>publishing resumed</source>
        <translation>publishing resumed</translation>
    </message>
    <message>
        <source>comment hidden</source>
        <translation>comment hidden</translation>
    </message>
    <message>
        <source>step done</source>
        <translation>step done</translation>
    </message>
    <message>
        <source>step reopened</source>
        <translation>step reopened</translation>
    </message>
    <message>
        <source>plan edited</source>
        <translation>plan edited</translation>
    </message>
    <message>
        <source>new crisis: ticks cleared</source>
        <translation>new crisis: ticks cleared</translation>
    </message>
    <message>
        <source>holding statement copied</source>
        <translation>holding statement copied</translation>
    </message>
    <message>
        <source>holding statement written as a post</source>
        <translation>holding statement written as a post</translation>
    </message>
    <message>
        <source>negative spike detected</source>
        <translation>negative spike detected</translation>
    </message>
    <message>
        <source>Save the crisis timeline</source>
        <translation>Save the crisis timeline</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>now</translation>
    </message>
    <message>
        <source>Period: {since} – {until}</source>
        <translation>Period: {since} – {until}</translation>
    </message>
    <message>
        <source>Written: {at}</source>
        <translation>Written: {at}</translation>
    </message>
    <message>
        <source>The timeline could not be saved to {path} ({reason}).</source>
        <translation>The timeline could not be saved to {path} ({reason}).</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
</context>
<context>
    <name>DayDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Days</name>
    <message>
        <source>Commemoration (no celebration, no emoji)</source>
        <translation>Commemoration (no celebration, no emoji)</translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation>Celebration</translation>
    </message>
    <message>
        <source>Religious greeting</source>
        <translation>Religious greeting</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Awareness</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>National</source>
        <translation>National</translation>
    </message>
    <message>
        <source>Religious</source>
        <translation>Religious</translation>
    </message>
    <message>
        <source>International</source>
        <translation>International</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Public holiday</translation>
    </message>
</context>
<context>
    <name>DaysDialog</name>
    <message>
        <source>Our own days</source>
        <translation>Our own days</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Start from</translation>
    </message>
    <message>
        <source>New day…</source>
        <translation>New day…</translation>
    </message>
    <message>
        <source>Local liberation day</source>
        <translation>Local liberation day</translation>
    </message>
    <message>
        <source>National mourning (milli yas)</source>
        <translation>National mourning (milli yas)</translation>
    </message>
    <message>
        <source>Local festival</source>
        <translation>Local festival</translation>
    </message>
    <message>
        <source>Extra day off</source>
        <translation>Extra day off</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Every year on</source>
        <translation>Every year on</translation>
    </message>
    <message>
        <source>Once, from</source>
        <translation>Once, from</translation>
    </message>
    <message>
        <source>Offices are closed (a day off)</source>
        <translation>Offices are closed (a day off)</translation>
    </message>
    <message>
        <source>Save day</source>
        <translation>Save day</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tone</translation>
    </message>
    <message>
        <source>These days show in the calendar like the built-in ones, remind you when nothing is planned, and set the tone checks of the composer.</source>
        <translation>These days show in the calendar like the built-in ones, remind you when nothing is planned, and set the tone checks of the composer.</translation>
    </message>
    <message>
        <source>Liberation of our city</source>
        <translation>Liberation of our city</translation>
    </message>
    <message>
        <source>National mourning</source>
        <translation>National mourning</translation>
    </message>
    <message>
        <source>Festival</source>
        <translation>Festival</translation>
    </message>
    <message>
        <source>Give the day a name.</source>
        <translation>Give the day a name.</translation>
    </message>
    <message>
        <source>The day ends before it starts.</source>
        <translation>The day ends before it starts.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Filter by channel</source>
        <translation>Filter by channel</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Filter by category</translation>
    </message>
    <message>
        <source>Filter by campaign</source>
        <translation>Filter by campaign</translation>
    </message>
    <message>
        <source>Filter by state</source>
        <translation>Filter by state</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>All campaigns</source>
        <translation>All campaigns</translation>
    </message>
    <message>
        <source>Outside campaigns</source>
        <translation>Outside campaigns</translation>
    </message>
</context>
<context>
    <name>Goals</name>
    <message>
        <source>post(s)</source>
        <extracomment>Seasonal campaigns a municipality runs every year (seed chapter 1): name, colour, start, length.</extracomment>
        <translation>posts</translation>
    </message>
    <message>
        <source>{what} in {campaign}</source>
        <translation>{what} in {campaign}</translation>
    </message>
    <message>
        <source>this week reply time: counting…</source>
        <translation>this week reply time: counting…</translation>
    </message>
    <message>
        <source>this month reply time: counting…</source>
        <translation>this month reply time: counting…</translation>
    </message>
    <message>
        <source>this week {percent}% answered in time (goal {target}%)</source>
        <translation>this week {percent}% answered in time (goal {target}%)</translation>
    </message>
    <message>
        <source>this month {percent}% answered in time (goal {target}%)</source>
        <translation>this month {percent}% answered in time (goal {target}%)</translation>
    </message>
    <message>
        <source>this week {done}/{target} {what}</source>
        <translation>this week {done}/{target} {what}</translation>
    </message>
    <message>
        <source>this month {done}/{target} {what}</source>
        <translation>this month {done}/{target} {what}</translation>
    </message>
</context>
<context>
    <name>GoalsDialog</name>
    <message>
        <source>Goals</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Kind of goal</source>
        <translation>Kind of goal</translation>
    </message>
    <message>
        <source>posts</source>
        <translation>posts</translation>
    </message>
    <message>
        <source>% of messages answered within the response target</source>
        <translation>% of messages answered within the response target</translation>
    </message>
    <message>
        <source>Reply time: the share of citizens&apos; messages answered within the response target (Settings → Inbox).</source>
        <translation>Reply time: the share of citizens&apos; messages answered within the response target (Settings → Inbox).</translation>
    </message>
    <message>
        <source>Number of posts</source>
        <translation>Number of posts</translation>
    </message>
    <message>
        <source>per week</source>
        <translation>per week</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>per month</translation>
    </message>
    <message>
        <source>any category</source>
        <translation>any category</translation>
    </message>
    <message>
        <source>any campaign</source>
        <translation>any campaign</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>any channel</translation>
    </message>
    <message>
        <source>Messages counted</source>
        <extracomment>Which messages a reply-time goal counts: all, one channel&apos;s or one unit&apos;s.</extracomment>
        <translation>Messages counted</translation>
    </message>
    <message>
        <source>all messages</source>
        <translation>all messages</translation>
    </message>
    <message>
        <source>channel: {name}</source>
        <translation>channel: {name}</translation>
    </message>
    <message>
        <source>unit: {name}</source>
        <translation>unit: {name}</translation>
    </message>
    <message>
        <source>A unit&apos;s messages are those routed to it; a channel&apos;s are those that came in on it.</source>
        <translation>A unit&apos;s messages are those routed to it; a channel&apos;s are those that came in on it.</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Add goal</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Remove goal</translation>
    </message>
    <message>
        <source>Planned and published posts count toward a goal; drafts do not. The calendar shows the progress.</source>
        <translation>Planned and published posts count toward a goal; drafts do not. The calendar shows the progress.</translation>
    </message>
    <message>
        <source>{target}% of messages answered within the response target per week</source>
        <translation>{target}% of messages answered within the response target per week</translation>
    </message>
    <message>
        <source>{target}% of messages answered within the response target per month</source>
        <translation>{target}% of messages answered within the response target per month</translation>
    </message>
    <message>
        <source>{name}: {goal}</source>
        <translation>{name}: {goal}</translation>
    </message>
    <message>
        <source>{target} {what} per week</source>
        <translation>{target} {what} per week</translation>
    </message>
    <message>
        <source>{target} {what} per month</source>
        <translation>{target} {what} per month</translation>
    </message>
</context>
<context>
    <name>HashtagLibraryDialog</name>
    <message>
        <source>Hashtag library</source>
        <translation>Hashtag library</translation>
    </message>
    <message>
        <source>Hashtag sets</source>
        <translation>Hashtag sets</translation>
    </message>
    <message>
        <source>New set…</source>
        <translation>New set…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Set name</source>
        <translation>Set name</translation>
    </message>
    <message>
        <source>Kind of set</source>
        <translation>Kind of set</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>One tag per line, or separated by spaces; “#” is optional.</source>
        <translation>One tag per line, or separated by spaces; “#” is optional.</translation>
    </message>
    <message>
        <source>Sort A–Z (Turkish)</source>
        <translation>Sort A–Z (Turkish)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Give the set a name.</source>
        <translation>Give the set a name.</translation>
    </message>
    <message>
        <source>Write at least one tag.</source>
        <translation>Write at least one tag.</translation>
    </message>
    <message>
        <source>These cannot be hashtags (a tag needs a letter and no hyphen): {tags}</source>
        <translation>These cannot be hashtags (a tag needs a letter and no hyphen): {tags}</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>The end date is before the start date.</translation>
    </message>
    <message>
        <source>This set was deleted meanwhile.</source>
        <translation>This set was deleted meanwhile.</translation>
    </message>
    <message>
        <source>The set could not be saved.</source>
        <translation>The set could not be saved.</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>New set</translation>
    </message>
    <message>
        <source>Name of the new set:</source>
        <translation>Name of the new set:</translation>
    </message>
    <message>
        <source>NewTag</source>
        <translation>NewTag</translation>
    </message>
    <message>
        <source>Rename set</source>
        <translation>Rename set</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Delete set</translation>
    </message>
    <message>
        <source>Delete the set “{name}”?</source>
        <translation>Delete the set “{name}”?</translation>
    </message>
</context>
<context>
    <name>Hashtags</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Event (with dates)</source>
        <translation>Event (with dates)</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a content plan (CSV)</source>
        <translation>Import a content plan (CSV)</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Columns: date, time, channels, text; optional: images, category, campaign, title (Turkish names work too). Comma or semicolon, UTF-8, as Excel saves it.</source>
        <translation>Columns: date, time, channels, text; optional: images, category, campaign, title (Turkish names work too). Comma or semicolon, UTF-8, as Excel saves it.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Content plan</source>
        <translation>Content plan</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) can be imported.</source>
        <translation>
            <numerusform>%n row can be imported.</numerusform>
            <numerusform>%n rows can be imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) have problems and will be left out; cancel to import nothing.</source>
        <translation>
            <numerusform>%n line has problems and will be left out; cancel to import nothing.</numerusform>
            <numerusform>%n lines have problems and will be left out; cancel to import nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n valid row(s)</source>
        <translation>
            <numerusform>Import %n valid row</numerusform>
            <numerusform>Import %n valid rows</numerusform>
        </translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>Import all</translation>
    </message>
    <message>
        <source>An image could not be taken ({error}); nothing was imported.</source>
        <translation>An image could not be taken ({error}); nothing was imported.</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Overdue: waiting longer than the response time in business hours</source>
        <translation>Overdue: waiting longer than the response time in business hours</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} h {m:02d} min</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <source>Search messages (e.g. cop, su, istanbul)…</source>
        <extracomment>Hides an item on its platform with a reason (the window sets it; None: no network here). Deletes a comment on its platform with a reason (the window sets it).</extracomment>
        <translation>Search messages (e.g. cop, su, istanbul)…</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>Unanswered</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negative</translation>
    </message>
    <message>
        <source>Category filter</source>
        <translation>Category filter</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>This week&apos;s messages: answered, median business time to our first reply, share within the target</source>
        <translation>This week&apos;s messages: answered, median business time to our first reply, share within the target</translation>
    </message>
    <message>
        <source>Inbox messages</source>
        <translation>Inbox messages</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Selected message</source>
        <translation>Selected message</translation>
    </message>
    <message>
        <source>Choose a message to read it here. Comments, mentions and private messages of the connected channels gather in this inbox (Publishing → Channels… to connect one).</source>
        <translation>Choose a message to read it here. Comments, mentions and private messages of the connected channels gather in this inbox (Publishing → Channels… to connect one).</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Earlier messages from this person</source>
        <translation>Earlier messages from this person</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Same person</source>
        <translation>Same person</translation>
    </message>
    <message>
        <source>Correct the category</source>
        <extracomment>The item whose conversation/history the tabs show, and which tabs are filled for it: a tab is read from the store when it is opened, not for every row passed over.</extracomment>
        <translation>Correct the category</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Reply…</translation>
    </message>
    <message>
        <source>Write a reply from a template; it is sent through the outbox</source>
        <translation>Write a reply from a template; it is sent through the outbox</translation>
    </message>
    <message>
        <source>Route…</source>
        <translation>Route…</translation>
    </message>
    <message>
        <source>Give the message to a unit: e-mail draft or Beyaz Masa / CİMER note</source>
        <translation>Give the message to a unit: e-mail draft or Beyaz Masa / CİMER note</translation>
    </message>
    <message>
        <source>Hide…</source>
        <translation>Hide…</translation>
    </message>
    <message>
        <source>Hide the comment on the platform (where it allows), with a reason</source>
        <translation>Hide the comment on the platform (where it allows), with a reason</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Delete the comment on the platform (Facebook, Instagram, Telegram), with a reason</source>
        <translation>Delete the comment on the platform (Facebook, Instagram, Telegram), with a reason</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Mark the message resolved</source>
        <translation>Mark the message resolved</translation>
    </message>
    <message>
        <source>A reply may have been sent: check on the platform.</source>
        <translation>A reply may have been sent: check on the platform.</translation>
    </message>
    <message>
        <source>It arrived</source>
        <translation>It arrived</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Channel filter</source>
        <translation>Channel filter</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <source>Type filter</source>
        <translation>Type filter</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Unit filter</source>
        <translation>Unit filter</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>Period filter</source>
        <translation>Period filter</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>This week: no messages yet</source>
        <translation>This week: no messages yet</translation>
    </message>
    <message>
        <source>This week: {answered}/{received} answered · median {median} · {share}% in time ({target})</source>
        <translation>This week: {answered}/{received} answered · median {median} · {share}% in time ({target})</translation>
    </message>
    <message>
        <source>In time: answered within {target} of business hours. Counted among the messages whose time is up (answered, or still unanswered after {target}: late); the {waiting} still within {target} are not counted yet. A reply-time goal counts the same way.</source>
        <translation>In time: answered within {target} of business hours. Counted among the messages whose time is up (answered, or still unanswered after {target}: late); the {waiting} still within {target} are not counted yet. A reply-time goal counts the same way.</translation>
    </message>
    <message>
        <source>no rule matched</source>
        <translation>no rule matched</translation>
    </message>
    <message>
        <source>(corrected by you)</source>
        <translation>(corrected by you)</translation>
    </message>
    <message>
        <source>Why: {reasons}</source>
        <translation>Why: {reasons}</translation>
    </message>
    <message>
        <source>T.C. kimlik no</source>
        <translation>T.C. kimlik no</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>phone number</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>e-mail address</source>
        <translation>e-mail address</translation>
    </message>
    <message>
        <source>Personal data in a public message ({found}): continue in a private message, and consider hiding it.</source>
        <translation>Personal data in a public message ({found}): continue in a private message, and consider hiding it.</translation>
    </message>
    <message>
        <source>Answered after {time} of business hours</source>
        <translation>Answered after {time} of business hours</translation>
    </message>
    <message>
        <source>Overdue: waiting {time} of business hours (target {target})</source>
        <translation>Overdue: waiting {time} of business hours (target {target})</translation>
    </message>
    <message>
        <source>Waiting {time} of business hours (target {target})</source>
        <translation>Waiting {time} of business hours (target {target})</translation>
    </message>
    <message>
        <source>— Our post —</source>
        <translation>— Our post —</translation>
    </message>
    <message>
        <source>(published {when})</source>
        <translation>(published {when})</translation>
    </message>
    <message>
        <source>(a post not published from this app; id {id})</source>
        <translation>(a post not published from this app; id {id})</translation>
    </message>
    <message>
        <source>— Thread —</source>
        <translation>— Thread —</translation>
    </message>
    <message>
        <source>Us</source>
        <translation>Us</translation>
    </message>
    <message>
        <source>(deleted on the platform)</source>
        <translation>(deleted on the platform)</translation>
    </message>
    <message>
        <source>(the thread is longer; only its beginning is shown)</source>
        <translation>(the thread is longer; only its beginning is shown)</translation>
    </message>
    <message>
        <source>No earlier messages from {who}.</source>
        <translation>No earlier messages from {who}.</translation>
    </message>
    <message>
        <source>Nothing done yet.</source>
        <translation>Nothing done yet.</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>No messages match.</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>The reply could not be queued: it is empty or the message is gone.</source>
        <translation>The reply could not be queued: it is empty or the message is gone.</translation>
    </message>
    <message>
        <source>Abuse or insult</source>
        <translation>Abuse or insult</translation>
    </message>
    <message>
        <source>Personal data posted publicly (KVKK)</source>
        <translation>Personal data posted publicly (KVKK)</translation>
    </message>
    <message>
        <source>Spam or advertising</source>
        <translation>Spam or advertising</translation>
    </message>
    <message>
        <source>Hide the comment</source>
        <translation>Hide the comment</translation>
    </message>
    <message>
        <source>Reason (kept in the audit log):</source>
        <translation>Reason (kept in the audit log):</translation>
    </message>
    <message>
        <source>This platform does not let us hide comments. Answer, or report it there.</source>
        <translation>This platform does not let us hide comments. Answer, or report it there.</translation>
    </message>
    <message>
        <source>The channel is not connected, so nothing was hidden.</source>
        <translation>The channel is not connected, so nothing was hidden.</translation>
    </message>
    <message>
        <source>The platform could not be reached. Try again later.</source>
        <translation>The platform could not be reached. Try again later.</translation>
    </message>
    <message>
        <source>The platform refused to hide it ({code}).</source>
        <translation>The platform refused to hide it ({code}).</translation>
    </message>
    <message>
        <source>Delete the comment</source>
        <translation>Delete the comment</translation>
    </message>
    <message>
        <source>Delete {author}&apos;s comment on {platform}? Nobody will see it there any more and this cannot be undone. The text stays here, marked deleted, with your reason.</source>
        <translation>Delete {author}&apos;s comment on {platform}? Nobody will see it there any more and this cannot be undone. The text stays here, marked deleted, with your reason.</translation>
    </message>
    <message>
        <source>This platform does not let us delete others&apos; comments. Hide it if you can, or report it there.</source>
        <translation>This platform does not let us delete others&apos; comments. Hide it if you can, or report it there.</translation>
    </message>
    <message>
        <source>A private message cannot be deleted for the person who sent it.</source>
        <translation>A private message cannot be deleted for the person who sent it.</translation>
    </message>
    <message>
        <source>The platform refused: a page may delete only comments on its own posts, and the account needs the page&apos;s admin role. Nothing was deleted.</source>
        <translation>The platform refused: a page may delete only comments on its own posts, and the account needs the page&apos;s admin role. Nothing was deleted.</translation>
    </message>
    <message>
        <source>The channel is not connected, so nothing was deleted.</source>
        <translation>The channel is not connected, so nothing was deleted.</translation>
    </message>
    <message>
        <source>The platform refused to delete it ({code}).</source>
        <translation>The platform refused to delete it ({code}).</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>sending</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>sent</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>check on the platform</source>
        <translation>check on the platform</translation>
    </message>
</context>
<context>
    <name>InboxSettings</name>
    <message>
        <source>Business hours must end after they start.</source>
        <translation>Business hours must end after they start.</translation>
    </message>
    <message>
        <source>Choose at least one working day.</source>
        <translation>Choose at least one working day.</translation>
    </message>
    <message>
        <source>The response target must be between 15 minutes and 7 days.</source>
        <translation>The response target must be between 15 minutes and 7 days.</translation>
    </message>
    <message>
        <source>The spike window must be between 15 minutes and 24 hours.</source>
        <translation>The spike window must be between 15 minutes and 24 hours.</translation>
    </message>
    <message>
        <source>A spike needs between 2 and 1000 negative messages.</source>
        <translation>A spike needs between 2 and 1000 negative messages.</translation>
    </message>
    <message>
        <source>The spike ratio must be between 1.5× and 50×.</source>
        <translation>The spike ratio must be between 1.5× and 50×.</translation>
    </message>
</context>
<context>
    <name>InboxSettingsPage</name>
    <message>
        <source>Business hours</source>
        <translation>Business hours</translation>
    </message>
    <message>
        <source>Business hours start</source>
        <translation>Business hours start</translation>
    </message>
    <message>
        <source>Business hours end</source>
        <translation>Business hours end</translation>
    </message>
    <message>
        <source>Hours:</source>
        <translation>Hours:</translation>
    </message>
    <message>
        <source>Working days:</source>
        <translation>Working days:</translation>
    </message>
    <message>
        <source>Public holidays and the afternoons of arife days and 28 Ekim are always closed.</source>
        <translation>Public holidays and the afternoons of arife days and 28 Ekim are always closed.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Response target</source>
        <translation>Response target</translation>
    </message>
    <message>
        <source>Business time within which a message should be answered; later ones are overdue.</source>
        <translation>Business time within which a message should be answered; later ones are overdue.</translation>
    </message>
    <message>
        <source>Response target:</source>
        <translation>Response target:</translation>
    </message>
    <message>
        <source>Crisis warning</source>
        <translation>Crisis warning</translation>
    </message>
    <message>
        <source>Spike window</source>
        <translation>Spike window</translation>
    </message>
    <message>
        <source>Look at the last:</source>
        <translation>Look at the last:</translation>
    </message>
    <message>
        <source>Minimum negative messages</source>
        <translation>Minimum negative messages</translation>
    </message>
    <message>
        <source>At least this many negative messages:</source>
        <translation>At least this many negative messages:</translation>
    </message>
    <message>
        <source>Spike ratio</source>
        <translation>Spike ratio</translation>
    </message>
    <message>
        <source>And this many times the usual (last 7 days):</source>
        <translation>And this many times the usual (last 7 days):</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>Tell me about new messages while the window is in the background</source>
        <translation>Tell me about new messages while the window is in the background</translation>
    </message>
    <message>
        <source>Also outside business hours</source>
        <translation>Also outside business hours</translation>
    </message>
    <message>
        <source>Tell me when a post could not be published</source>
        <translation>Tell me when a post could not be published</translation>
    </message>
    <message>
        <source>Notifications give counts and kinds only, never a citizen&apos;s words or name. A sudden rise of negative messages is told at any hour.</source>
        <translation>Notifications give counts and kinds only, never a citizen&apos;s words or name. A sudden rise of negative messages is told at any hour.</translation>
    </message>
</context>
<context>
    <name>KindPanel</name>
    <message>
        <source>Kind of post</source>
        <translation>Kind of post</translation>
    </message>
    <message>
        <source>Why some kinds are off</source>
        <translation>Why some kinds are off</translation>
    </message>
    <message>
        <source>https://… (shown as a link card where the platform makes one)</source>
        <translation>https://… (shown as a link card where the platform makes one)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Link card</source>
        <translation>Link card</translation>
    </message>
    <message>
        <source>Poll (the text is the question)</source>
        <translation>Poll (the text is the question)</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Add option</translation>
    </message>
    <message>
        <source>Poll duration</source>
        <translation>Poll duration</translation>
    </message>
    <message>
        <source>Several answers allowed</source>
        <translation>Several answers allowed</translation>
    </message>
    <message>
        <source>Runs for</source>
        <translation>Runs for</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Split into parts</source>
        <translation>Split into parts</translation>
    </message>
    <message>
        <source>Puts a line “---” where each part ends, for the strictest chosen platform; move or delete them freely.</source>
        <translation>Puts a line “---” where each part ends, for the strictest chosen platform; move or delete them freely.</translation>
    </message>
    <message>
        <source>New part at the cursor</source>
        <translation>New part at the cursor</translation>
    </message>
    <message>
        <source>Remove the breaks</source>
        <translation>Remove the breaks</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Option {number}</source>
        <translation>Option {number}</translation>
    </message>
    <message>
        <source>Poll option {number}</source>
        <translation>Poll option {number}</translation>
    </message>
    <message>
        <source>Choose X, Bluesky or Mastodon to post a thread.</source>
        <translation>Choose X, Bluesky or Mastodon to post a thread.</translation>
    </message>
    <message>
        <source>Parts: {counts}. A line “---” starts a new part; long parts are split at sentence ends.</source>
        <translation>Parts: {counts}. A line “---” starts a new part; long parts are split at sentence ends.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <source>Post (text, link, images, video)</source>
        <translation>Post (text, link, images, video)</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>Poll</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Story</translation>
    </message>
    <message>
        <source>Reel</source>
        <translation>Reel</translation>
    </message>
    <message>
        <source>{platform} has no polls that the app can publish.</source>
        <translation>{platform} has no polls that the app can publish.</translation>
    </message>
    <message>
        <source>{platform} has no threads; only X, Bluesky and Mastodon do.</source>
        <translation>{platform} has no threads; only X, Bluesky and Mastodon do.</translation>
    </message>
    <message>
        <source>{kind} is for Instagram only.</source>
        <translation>{kind} is for Instagram only.</translation>
    </message>
    <message>
        <source>{platform} needs an image or a video.</source>
        <translation>{platform} needs an image or a video.</translation>
    </message>
    <message>
        <source>A channel posted by hand takes ordinary posts only.</source>
        <translation>A channel posted by hand takes ordinary posts only.</translation>
    </message>
    <message>
        <source>A poll cannot carry images or video; remove them.</source>
        <translation>A poll cannot carry images or video; remove them.</translation>
    </message>
    <message>
        <source>A story needs exactly one image or video.</source>
        <translation>A story needs exactly one image or video.</translation>
    </message>
    <message>
        <source>A reel needs exactly one video.</source>
        <translation>A reel needs exactly one video.</translation>
    </message>
    <message>
        <source>A story has no caption: the text is not posted (put the words in the picture).</source>
        <translation>A story has no caption: the text is not posted (put the words in the picture).</translation>
    </message>
    <message>
        <source>The link is not a web address (it must start with https://).</source>
        <translation>The link is not a web address (it must start with https://).</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 day</translation>
    </message>
    <message>
        <source>{count} days</source>
        <translation>{count} days</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>{count} hours</source>
        <translation>{count} hours</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minute</translation>
    </message>
    <message>
        <source>{count} minutes</source>
        <translation>{count} minutes</translation>
    </message>
    <message>
        <source>A poll needs a question: write it as the post&apos;s text.</source>
        <translation>A poll needs a question: write it as the post&apos;s text.</translation>
    </message>
    <message>
        <source>A poll here needs at least {limit} options.</source>
        <translation>A poll here needs at least {limit} options.</translation>
    </message>
    <message>
        <source>At most {limit} options here.</source>
        <translation>At most {limit} options here.</translation>
    </message>
    <message>
        <source>Option “{option}” is too long: at most {limit} characters here.</source>
        <translation>Option “{option}” is too long: at most {limit} characters here.</translation>
    </message>
    <message>
        <source>Option “{option}” is given twice.</source>
        <translation>Option “{option}” is given twice.</translation>
    </message>
    <message>
        <source>The poll runs too long: at most {duration} here.</source>
        <translation>The poll runs too long: at most {duration} here.</translation>
    </message>
    <message>
        <source>The poll is too short: at least {duration} here.</source>
        <translation>The poll is too short: at least {duration} here.</translation>
    </message>
    <message>
        <source>The poll will run {duration} here (the platform&apos;s nearest duration).</source>
        <translation>The poll will run {duration} here (the platform&apos;s nearest duration).</translation>
    </message>
    <message>
        <source>The question is too long for a poll here: at most {limit} characters.</source>
        <translation>The question is too long for a poll here: at most {limit} characters.</translation>
    </message>
    <message>
        <source>Only single-choice polls here.</source>
        <translation>Only single-choice polls here.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publishing</translation>
    </message>
    <message>
        <source>Handed to platform</source>
        <translation>Handed to platform</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>To be checked</source>
        <translation>To be checked</translation>
    </message>
    <message>
        <source>Time passed</source>
        <translation>Time passed</translation>
    </message>
    <message>
        <source>Announcement</source>
        <extracomment>A short symbol per state, so the calendar can be read without colour.</extracomment>
        <translation>Announcement</translation>
    </message>
    <message>
        <source>Service information</source>
        <translation>Service information</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Celebration</source>
        <translation>Celebration</translation>
    </message>
    <message>
        <source>Commemoration</source>
        <translation>Commemoration</translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation>Awareness</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Mention</source>
        <translation>Mention</translation>
    </message>
    <message>
        <source>Direct message</source>
        <translation>Direct message</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>Praise</source>
        <translation>Praise</translation>
    </message>
    <message>
        <source>Spam</source>
        <translation>Spam</translation>
    </message>
    <message>
        <source>Abuse</source>
        <translation>Abuse</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Composer</source>
        <translation>Composer</translation>
    </message>
    <message>
        <source>Media preview</source>
        <translation>Media preview</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;New post</source>
        <translation>&amp;New post</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>&amp;Save draft</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Back up…</source>
        <translation>&amp;Back up…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Go to &amp;today</source>
        <translation>Go to &amp;today</translation>
    </message>
    <message>
        <source>&amp;Content</source>
        <translation>&amp;Content</translation>
    </message>
    <message>
        <source>&amp;Hashtag library…</source>
        <translation>&amp;Hashtag library…</translation>
    </message>
    <message>
        <source>&amp;Templates…</source>
        <translation>&amp;Templates…</translation>
    </message>
    <message>
        <source>&amp;Publishing</source>
        <translation>&amp;Publishing</translation>
    </message>
    <message>
        <source>&amp;Pause all publishing…</source>
        <translation>&amp;Pause all publishing…</translation>
    </message>
    <message>
        <source>&amp;Crisis mode…</source>
        <translation>&amp;Crisis mode…</translation>
    </message>
    <message>
        <source>National &amp;mourning…</source>
        <translation>National &amp;mourning…</translation>
    </message>
    <message>
        <source>&amp;Resume publishing</source>
        <translation>&amp;Resume publishing</translation>
    </message>
    <message>
        <source>Send &amp;due posts now</source>
        <translation>Send &amp;due posts now</translation>
    </message>
    <message>
        <source>C&amp;hannels…</source>
        <translation>C&amp;hannels…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Kurum Masaüstü</source>
        <translation>&amp;About Kurum Masaüstü</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) handed to platforms could not be taken back; cancel them on the platform.</source>
        <translation>
            <numerusform>%n post handed to platforms could not be taken back; cancel it on the platform.</numerusform>
            <numerusform>%n posts handed to platforms could not be taken back; cancel them on the platform.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) taken back from the platforms&apos; schedulers.</source>
        <translation>
            <numerusform>%n post taken back from the platforms&apos; schedulers.</numerusform>
            <numerusform>%n posts taken back from the platforms&apos; schedulers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume publishing</source>
        <translation>Resume publishing</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) became due while publishing was paused.</source>
        <translation>
            <numerusform>%n post became due while publishing was paused.</numerusform>
            <numerusform>%n posts became due while publishing was paused.</numerusform>
        </translation>
    </message>
    <message>
        <source>Publish them now, or keep them as drafts to review and reschedule?</source>
        <translation>Publish them now, or keep them as drafts to review and reschedule?</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Publish now</translation>
    </message>
    <message>
        <source>Keep as drafts</source>
        <translation>Keep as drafts</translation>
    </message>
</context>
<context>
    <name>MediaPane</name>
    <message>
        <source>Media preview</source>
        <extracomment>Platforms shown when the post has no channels chosen yet.</extracomment>
        <translation>Media preview</translation>
    </message>
    <message>
        <source>Drag the point onto the subject: every platform&apos;s crop keeps it in view.</source>
        <translation>Drag the point onto the subject: every platform&apos;s crop keeps it in view.</translation>
    </message>
    <message>
        <source>Media of the post</source>
        <translation>Media of the post</translation>
    </message>
    <message>
        <source>Media details</source>
        <translation>Media details</translation>
    </message>
    <message>
        <source>Crops per platform</source>
        <translation>Crops per platform</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Alt text</translation>
    </message>
    <message>
        <source>Describe the picture for people who cannot see it: who, what, where; any text in it.</source>
        <translation>Describe the picture for people who cannot see it: who, what, where; any text in it.</translation>
    </message>
    <message>
        <source>Metadata that will be removed</source>
        <translation>Metadata that will be removed</translation>
    </message>
    <message>
        <source>People in the picture (KVKK)</source>
        <translation>People in the picture (KVKK)</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Not answered yet</translation>
    </message>
    <message>
        <source>No recognisable people</source>
        <translation>No recognisable people</translation>
    </message>
    <message>
        <source>Recognisable people</source>
        <translation>Recognisable people</translation>
    </message>
    <message>
        <source>Consent recorded, or another legal ground</source>
        <translation>Consent recorded, or another legal ground</translation>
    </message>
    <message>
        <source>Children recognisable</source>
        <translation>Children recognisable</translation>
    </message>
    <message>
        <source>Parents&apos; written consent</source>
        <translation>Parents&apos; written consent</translation>
    </message>
    <message>
        <source>Faces blurred</source>
        <translation>Faces blurred</translation>
    </message>
    <message>
        <source>Where the consent forms are kept, or the legal ground</source>
        <translation>Where the consent forms are kept, or the legal ground</translation>
    </message>
    <message>
        <source>Consent note</source>
        <translation>Consent note</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadata</translation>
    </message>
    <message>
        <source>feed</source>
        <translation>feed</translation>
    </message>
    <message>
        <source>carousel</source>
        <translation>carousel</translation>
    </message>
    <message>
        <source>story</source>
        <translation>story</translation>
    </message>
    <message>
        <source>link card</source>
        <translation>link card</translation>
    </message>
    <message>
        <source>whole picture</source>
        <translation>whole picture</translation>
    </message>
    <message>
        <source>No media for this post.</source>
        <translation>No media for this post.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Video: {name}</source>
        <translation>Video: {name}</translation>
    </message>
    <message>
        <source>This file cannot be previewed.</source>
        <translation>This file cannot be previewed.</translation>
    </message>
    <message>
        <source>{width}×{height} px</source>
        <translation>{width}×{height} px</translation>
    </message>
    <message>
        <source>(none — add one for screen reader users)</source>
        <translation>(none — add one for screen reader users)</translation>
    </message>
    <message>
        <source>Alt text: {text}</source>
        <translation>Alt text: {text}</translation>
    </message>
    <message>
        <source>{platform}: not sent (no alt text field)</source>
        <translation>{platform}: not sent (no alt text field)</translation>
    </message>
    <message>
        <source>{platform} {count} (no stated limit)</source>
        <translation>{platform} {count} (no stated limit)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>The file&apos;s metadata could not be read.</source>
        <translation>The file&apos;s metadata could not be read.</translation>
    </message>
    <message>
        <source>Nothing: the file carries no metadata.</source>
        <translation>Nothing: the file carries no metadata.</translation>
    </message>
    <message>
        <source>Removed before publishing: {items}</source>
        <translation>Removed before publishing: {items}</translation>
    </message>
    <message>
        <source>GPS location</source>
        <translation>GPS location</translation>
    </message>
    <message>
        <source>camera model</source>
        <translation>camera model</translation>
    </message>
    <message>
        <source>lens</source>
        <translation>lens</translation>
    </message>
    <message>
        <source>device serial number</source>
        <translation>device serial number</translation>
    </message>
    <message>
        <source>date and time taken</source>
        <translation>date and time taken</translation>
    </message>
    <message>
        <source>exposure settings</source>
        <translation>exposure settings</translation>
    </message>
    <message>
        <source>owner and copyright</source>
        <translation>owner and copyright</translation>
    </message>
    <message>
        <source>descriptions and comments</source>
        <translation>descriptions and comments</translation>
    </message>
    <message>
        <source>editing software</source>
        <translation>editing software</translation>
    </message>
    <message>
        <source>maker notes</source>
        <translation>maker notes</translation>
    </message>
    <message>
        <source>embedded thumbnail</source>
        <translation>embedded thumbnail</translation>
    </message>
    <message>
        <source>orientation (applied to the picture)</source>
        <translation>orientation (applied to the picture)</translation>
    </message>
    <message>
        <source>other EXIF data</source>
        <translation>other EXIF data</translation>
    </message>
    <message>
        <source>XMP data</source>
        <translation>XMP data</translation>
    </message>
    <message>
        <source>IPTC data</source>
        <translation>IPTC data</translation>
    </message>
    <message>
        <source>colour profile (converted to sRGB)</source>
        <translation>colour profile (converted to sRGB)</translation>
    </message>
    <message>
        <source>text notes</source>
        <translation>text notes</translation>
    </message>
    <message>
        <source>depth map</source>
        <translation>depth map</translation>
    </message>
    <message>
        <source>extra frames</source>
        <translation>extra frames</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <source>%n post(s)</source>
        <extracomment>Seconds after a month is shown before its neighbours are read ahead. Deliveries in the month itself (not the neighbouring days the grid shows). Every delivery of the grid, whatever the filter (goals count the whole plan). The month&apos;s deliveries planned (scheduled or held by the platform) and published.</extracomment>
        <translation>
            <numerusform>%n post</numerusform>
            <numerusform>%n posts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The channel must be reconnected</source>
        <translation>The channel must be reconnected</translation>
    </message>
    <message>
        <source>Waiting for the platform&apos;s rate limit</source>
        <translation>Waiting for the platform&apos;s rate limit</translation>
    </message>
    <message>
        <source>Temporary problem; will retry</source>
        <translation>Temporary problem; will retry</translation>
    </message>
    <message>
        <source>Gave up after repeated failures</source>
        <translation>Gave up after repeated failures</translation>
    </message>
    <message>
        <source>Its time passed before it could be sent</source>
        <translation>Its time passed before it could be sent</translation>
    </message>
    <message>
        <source>The platform refused the post</source>
        <translation>The platform refused the post</translation>
    </message>
    <message>
        <source>The platform cannot show whether it went out: check the channel</source>
        <translation>The platform cannot show whether it went out: check the channel</translation>
    </message>
    <message>
        <source>To be posted by hand</source>
        <translation>To be posted by hand</translation>
    </message>
    <message>
        <source>publish now, or keep it as a draft?</source>
        <translation>publish now, or keep it as a draft?</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message numerus="yes">
        <source>%n minute(s) late</source>
        <translation>
            <numerusform>%n minute late</numerusform>
            <numerusform>%n minutes late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) late</source>
        <translation>
            <numerusform>%n hour late</numerusform>
            <numerusform>%n hours late</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) late</source>
        <translation>
            <numerusform>%n day late</numerusform>
            <numerusform>%n days late</numerusform>
        </translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Link or problem</source>
        <translation>Link or problem</translation>
    </message>
</context>
<context>
    <name>OutboxPane</name>
    <message>
        <source>Outbox deliveries</source>
        <translation>Outbox deliveries</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Cancel delivery</source>
        <translation>Cancel delivery</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>Open link</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copy text</translation>
    </message>
    <message>
        <source>Copy the text to post it by hand</source>
        <translation>Copy the text to post it by hand</translation>
    </message>
    <message>
        <source>Mark as posted…</source>
        <translation>Mark as posted…</translation>
    </message>
    <message>
        <source>It was published: paste link…</source>
        <translation>It was published: paste link…</translation>
    </message>
    <message>
        <source>You found the post on the channel: record its link</source>
        <translation>You found the post on the channel: record its link</translation>
    </message>
    <message>
        <source>It was not published: send again</source>
        <translation>It was not published: send again</translation>
    </message>
    <message>
        <source>The post is not on the channel: send it again now</source>
        <translation>The post is not on the channel: send it again now</translation>
    </message>
    <message>
        <source>Publish now</source>
        <translation>Publish now</translation>
    </message>
    <message>
        <source>Its time has passed: publish it late anyway</source>
        <translation>Its time has passed: publish it late anyway</translation>
    </message>
    <message>
        <source>Keep as draft</source>
        <translation>Keep as draft</translation>
    </message>
    <message>
        <source>Do not publish it; reschedule it from the calendar</source>
        <translation>Do not publish it; reschedule it from the calendar</translation>
    </message>
    <message>
        <source>Posted by hand</source>
        <translation>Posted by hand</translation>
    </message>
    <message>
        <source>Paste the link of the post you published:</source>
        <translation>Paste the link of the post you published:</translation>
    </message>
    <message>
        <source>That is not a web address. It should start with https://</source>
        <extracomment>The service&apos;s reading of a link for the delivery (raises PermalinkError).</extracomment>
        <translation>That is not a web address. It should start with https://</translation>
    </message>
    <message>
        <source>Paste the link of the post on %1:</source>
        <translation>Paste the link of the post on %1:</translation>
    </message>
    <message>
        <source>It was published</source>
        <translation>It was published</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Send this post to %1 again? Do it only if you looked and it is not on the channel.</source>
        <translation>Send this post to %1 again? Do it only if you looked and it is not on the channel.</translation>
    </message>
</context>
<context>
    <name>OverrideEditor</name>
    <message>
        <source>Channels</source>
        <extracomment>Checks one channel&apos;s text (the composer&apos;s check with the post&apos;s kind, media and link).</extracomment>
        <translation>Channels</translation>
    </message>
    <message>
        <source>This channel&apos;s text</source>
        <translation>This channel&apos;s text</translation>
    </message>
    <message>
        <source>Write a text for this channel</source>
        <translation>Write a text for this channel</translation>
    </message>
    <message>
        <source>Back to the main text</source>
        <translation>Back to the main text</translation>
    </message>
    <message>
        <source>Choose channels first; then each can get a text of its own.</source>
        <translation>Choose channels first; then each can get a text of its own.</translation>
    </message>
    <message>
        <source>This channel gets its own text (changes to the main text do not reach it).</source>
        <translation>This channel gets its own text (changes to the main text do not reach it).</translation>
    </message>
    <message>
        <source>This channel gets the main text.</source>
        <translation>This channel gets the main text.</translation>
    </message>
</context>
<context>
    <name>PauseBanner</name>
    <message>
        <source>Resume publishing</source>
        <translation>Resume publishing</translation>
    </message>
    <message>
        <source>All publishing is paused: {reason}</source>
        <translation>All publishing is paused: {reason}</translation>
    </message>
    <message>
        <source>(until {until})</source>
        <translation>(until {until})</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <source>Crisis mode</source>
        <translation>Crisis mode</translation>
    </message>
    <message>
        <source>National mourning</source>
        <translation>National mourning</translation>
    </message>
    <message>
        <source>Pause all publishing</source>
        <translation>Pause all publishing</translation>
    </message>
    <message>
        <source>Crisis</source>
        <translation>Crisis</translation>
    </message>
    <message>
        <source>Paused by the user</source>
        <translation>Paused by the user</translation>
    </message>
    <message>
        <source>Every scheduled post stops at once and nothing is published until the pause ends. Resuming by hand, you review what fell due meanwhile; at an automatic end it goes out as planned.</source>
        <translation>Every scheduled post stops at once and nothing is published until the pause ends. Resuming by hand, you review what fell due meanwhile; at an automatic end it goes out as planned.</translation>
    </message>
    <message>
        <source>End the pause automatically at</source>
        <translation>End the pause automatically at</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Pause publishing</source>
        <translation>Pause publishing</translation>
    </message>
    <message>
        <source>The end of the pause must be in the future.</source>
        <translation>The end of the pause must be in the future.</translation>
    </message>
</context>
<context>
    <name>PermalinkDialog</name>
    <message>
        <source>Link of the post</source>
        <translation>Link of the post</translation>
    </message>
    <message>
        <source>What the app understood</source>
        <translation>What the app understood</translation>
    </message>
    <message>
        <source>Paste the link of the post.</source>
        <translation>Paste the link of the post.</translation>
    </message>
</context>
<context>
    <name>Permalinks</name>
    <message>
        <source>This is not a link to %1: it points to %2.</source>
        <translation>This is not a link to %1: it points to %2.</translation>
    </message>
    <message>
        <source>This post is on %1, not on the channel&apos;s own server.</source>
        <translation>This post is on %1, not on the channel&apos;s own server.</translation>
    </message>
    <message>
        <source>This post belongs to another account (%1), not to this channel.</source>
        <translation>This post belongs to another account (%1), not to this channel.</translation>
    </message>
    <message>
        <source>This %1 address is not a link to a post.</source>
        <translation>This %1 address is not a link to a post.</translation>
    </message>
    <message>
        <source>The link is kept, but the app cannot delete this post or read its figures.</source>
        <translation>The link is kept, but the app cannot delete this post or read its figures.</translation>
    </message>
    <message>
        <source>This Facebook link (pfbid…) hides the post&apos;s id.</source>
        <translation>This Facebook link (pfbid…) hides the post&apos;s id.</translation>
    </message>
    <message>
        <source>Instagram links name a post by a short code, not by the id the app needs.</source>
        <translation>Instagram links name a post by a short code, not by the id the app needs.</translation>
    </message>
    <message>
        <source>This LinkedIn link names the activity, not the post; the link in the post&apos;s “Embed this post” code (…urn:li:share… or …urn:li:ugcPost…) gives its id.</source>
        <translation>This LinkedIn link names the activity, not the post; the link in the post&apos;s “Embed this post” code (…urn:li:share… or …urn:li:ugcPost…) gives its id.</translation>
    </message>
    <message>
        <source>The Page&apos;s id is not known here, so the post&apos;s id cannot be made.</source>
        <translation>The Page&apos;s id is not known here, so the post&apos;s id cannot be made.</translation>
    </message>
    <message>
        <source>No post id could be read from it.</source>
        <translation>No post id could be read from it.</translation>
    </message>
    <message>
        <source>Understood: %1 post %2.</source>
        <translation>Understood: %1 post %2.</translation>
    </message>
    <message>
        <source>The link names the account by its handle: the app asks Bluesky for the account&apos;s permanent id (DID) at its next publishing run and keeps the post under it.</source>
        <translation>The link names the account by its handle: the app asks Bluesky for the account&apos;s permanent id (DID) at its next publishing run and keeps the post under it.</translation>
    </message>
    <message>
        <source>The link does not name the account: make sure it is this channel&apos;s post.</source>
        <translation>The link does not name the account: make sure it is this channel&apos;s post.</translation>
    </message>
</context>
<context>
    <name>PlanImport</name>
    <message>
        <source>The file is empty.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <source>A needed column is missing: {value} (date, time, channels, text).</source>
        <translation>A needed column is missing: {value} (date, time, channels, text).</translation>
    </message>
    <message>
        <source>At most {value} rows; the rest was not read.</source>
        <translation>At most {value} rows; the rest was not read.</translation>
    </message>
    <message>
        <source>Date not understood: &apos;{value}&apos; (e.g. 01.12.2026).</source>
        <translation>Date not understood: &apos;{value}&apos; (e.g. 01.12.2026).</translation>
    </message>
    <message>
        <source>Time not understood: &apos;{value}&apos; (e.g. 09:30).</source>
        <translation>Time not understood: &apos;{value}&apos; (e.g. 09:30).</translation>
    </message>
    <message>
        <source>No channel given.</source>
        <translation>No channel given.</translation>
    </message>
    <message>
        <source>No such channel: &apos;{value}&apos;.</source>
        <translation>No such channel: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>The text is empty.</translation>
    </message>
    <message>
        <source>No such category: &apos;{value}&apos;.</source>
        <translation>No such category: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>No such campaign: &apos;{value}&apos;.</source>
        <translation>No such campaign: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Already past: {value}.</source>
        <translation>Already past: {value}.</translation>
    </message>
    <message>
        <source>No post rows after the header.</source>
        <translation>No post rows after the header.</translation>
    </message>
    <message>
        <source>This line cannot be read as CSV ({value}).</source>
        <translation>This line cannot be read as CSV ({value}).</translation>
    </message>
    <message>
        <source>Image not found: &apos;{value}&apos;.</source>
        <translation>Image not found: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The file is too big (at most {value} MB).</source>
        <translation>The file is too big (at most {value} MB).</translation>
    </message>
    <message>
        <source>The file cannot be read ({value}).</source>
        <translation>The file cannot be read ({value}).</translation>
    </message>
    <message>
        <source>The file is not UTF-8. In Excel, save it as &quot;CSV UTF-8 (comma delimited)&quot;.</source>
        <translation>The file is not UTF-8. In Excel, save it as &quot;CSV UTF-8 (comma delimited)&quot;.</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>channels</source>
        <translation>channels</translation>
    </message>
    <message>
        <source>text</source>
        <translation>text</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>characters (X weighting)</source>
        <extracomment>How each platform&apos;s preview card looks (border colour, background).</extracomment>
        <translation>characters (X weighting)</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>characters</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>The post is empty.</source>
        <translation>The post is empty.</translation>
    </message>
    <message>
        <source>Too long: {count} of {limit} {unit}.</source>
        <translation>Too long: {count} of {limit} {unit}.</translation>
    </message>
    <message>
        <source>Too many hashtags: {count} (at most {limit}).</source>
        <translation>Too many hashtags: {count} (at most {limit}).</translation>
    </message>
    <message>
        <source>Too many mentions: {count} (at most {limit}).</source>
        <translation>Too many mentions: {count} (at most {limit}).</translation>
    </message>
    <message>
        <source>This platform needs an image or a video.</source>
        <translation>This platform needs an image or a video.</translation>
    </message>
    <message>
        <source>{tag} is not a hashtag: it needs at least one letter.</source>
        <translation>{tag} is not a hashtag: it needs at least one letter.</translation>
    </message>
    <message>
        <source>{tag}: the hyphen ends the hashtag; write it as one word.</source>
        <translation>{tag}: the hyphen ends the hashtag; write it as one word.</translation>
    </message>
    <message>
        <source>{tag} is too long to be a hashtag here.</source>
        <translation>{tag} is too long to be a hashtag here.</translation>
    </message>
    <message>
        <source>{tag} will not work as a hashtag.</source>
        <translation>{tag} will not work as a hashtag.</translation>
    </message>
    <message>
        <source>The text contains a character that cannot be sent ({char}); it was probably pasted.</source>
        <translation>The text contains a character that cannot be sent ({char}); it was probably pasted.</translation>
    </message>
    <message>
        <source>The text contains an invisible character ({char}); it was probably pasted.</source>
        <translation>The text contains an invisible character ({char}); it was probably pasted.</translation>
    </message>
</context>
<context>
    <name>RecurrenceDialog</name>
    <message>
        <source>Recurring post</source>
        <translation>Recurring post</translation>
    </message>
    <message>
        <source>Title in the calendar (optional)</source>
        <translation>Title in the calendar (optional)</translation>
    </message>
    <message>
        <source>The text of every occurrence (each can be edited later)</source>
        <translation>The text of every occurrence (each can be edited later)</translation>
    </message>
    <message>
        <source>Every week on</source>
        <translation>Every week on</translation>
    </message>
    <message>
        <source>Every month on day</source>
        <translation>Every month on day</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>Day of the month</translation>
    </message>
    <message>
        <source>Skip public holidays and our days off</source>
        <translation>Skip public holidays and our days off</translation>
    </message>
    <message>
        <source>Schedule them (otherwise they are saved as drafts)</source>
        <translation>Schedule them (otherwise they are saved as drafts)</translation>
    </message>
    <message>
        <source>Dates of the series</source>
        <translation>Dates of the series</translation>
    </message>
    <message>
        <source>at</source>
        <translation>at</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>From – until</source>
        <translation>From – until</translation>
    </message>
    <message>
        <source>Create posts</source>
        <translation>Create posts</translation>
    </message>
    <message>
        <source>The series ends before it starts.</source>
        <translation>The series ends before it starts.</translation>
    </message>
    <message>
        <source>These dates give no post: every date falls on a holiday or outside the period.</source>
        <translation>These dates give no post: every date falls on a holiday or outside the period.</translation>
    </message>
    <message>
        <source>That is more than two years of posts; choose an earlier end date.</source>
        <translation>That is more than two years of posts; choose an earlier end date.</translation>
    </message>
    <message>
        <source>Choose a weekday.</source>
        <translation>Choose a weekday.</translation>
    </message>
    <message>
        <source>Choose a day of the month.</source>
        <translation>Choose a day of the month.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Choose at least one channel.</translation>
    </message>
    <message>
        <source>The first post of the series would be in the past; start later.</source>
        <translation>The first post of the series would be in the past; start later.</translation>
    </message>
    <message>
        <source>No dates</source>
        <translation>No dates</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) will be made</source>
        <translation>
            <numerusform>%n post will be made</numerusform>
            <numerusform>%n posts will be made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n date(s) skipped</source>
        <translation>
            <numerusform>%n date skipped</numerusform>
            <numerusform>%n dates skipped</numerusform>
        </translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>skipped</translation>
    </message>
    <message>
        <source>Write the text of the post.</source>
        <translation>Write the text of the post.</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>Defensive</source>
        <translation>Defensive</translation>
    </message>
    <message>
        <source>Dismissive</source>
        <translation>Dismissive</translation>
    </message>
    <message>
        <source>Aggressive</source>
        <translation>Aggressive</translation>
    </message>
    <message>
        <source>Shouting</source>
        <translation>Shouting</translation>
    </message>
    <message>
        <source>Exclamation marks</source>
        <translation>Exclamation marks</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Personal data</translation>
    </message>
    <message>
        <source>Reply to the citizen</source>
        <translation>Reply to the citizen</translation>
    </message>
    <message>
        <source>The citizen&apos;s message</source>
        <translation>The citizen&apos;s message</translation>
    </message>
    <message>
        <source>Reply template</source>
        <translation>Reply template</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(no template)</translation>
    </message>
    <message>
        <source>Use this template</source>
        <translation>Use this template</translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation>Reply text</translation>
    </message>
    <message>
        <source>Write the reply, or start from a template above.</source>
        <translation>Write the reply, or start from a template above.</translation>
    </message>
    <message>
        <source>Send (queue)</source>
        <translation>Send (queue)</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Message:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Template:</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>Reply:</translation>
    </message>
    <message>
        <source>Tone check: no problems found.</source>
        <translation>Tone check: no problems found.</translation>
    </message>
    <message>
        <source>Tone check — {kind}: “{excerpt}”. {hint}</source>
        <translation>Tone check — {kind}: “{excerpt}”. {hint}</translation>
    </message>
    <message>
        <source>The reply is empty.</source>
        <translation>The reply is empty.</translation>
    </message>
    <message>
        <source>The reply still has a field in braces {…} to fill in.</source>
        <translation>The reply still has a field in braces {…} to fill in.</translation>
    </message>
    <message numerus="yes">
        <source>The tone check found %n problem(s). Send the reply anyway?</source>
        <translation>
            <numerusform>The tone check found %n problem. Send the reply anyway?</numerusform>
            <numerusform>The tone check found %n problems. Send the reply anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Route to a unit — {reference}</source>
        <translation>Route to a unit — {reference}</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>{unit} (suggested)</source>
        <translation>{unit} (suggested)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Internal note</translation>
    </message>
    <message>
        <source>Edit units…</source>
        <translation>Edit units…</translation>
    </message>
    <message>
        <source>Names, e-mail addresses, phones and keywords of the units</source>
        <translation>Names, e-mail addresses, phones and keywords of the units</translation>
    </message>
    <message>
        <source>Internal note (stays in the app; also sent to the unit)</source>
        <translation>Internal note (stays in the app; also sent to the unit)</translation>
    </message>
    <message>
        <source>What the unit receives</source>
        <translation>What the unit receives</translation>
    </message>
    <message>
        <source>Personal data (T.C. kimlik no, phone, IBAN, e-mail) is taken out; the name stays here.</source>
        <translation>Personal data (T.C. kimlik no, phone, IBAN, e-mail) is taken out; the name stays here.</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>E-mail draft…</source>
        <translation>E-mail draft…</translation>
    </message>
    <message>
        <source>Beyaz Masa / CİMER file…</source>
        <translation>Beyaz Masa / CİMER file…</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>E-mail to the unit (preview):</source>
        <translation>E-mail to the unit (preview):</translation>
    </message>
    <message>
        <source>No units yet.</source>
        <translation>No units yet.</translation>
    </message>
    <message>
        <source>no e-mail address</source>
        <translation>no e-mail address</translation>
    </message>
    <message>
        <source>No e-mail program opened. The text is below; copy it into your e-mail.</source>
        <translation>No e-mail program opened. The text is below; copy it into your e-mail.</translation>
    </message>
    <message>
        <source>Save the Beyaz Masa / CİMER note</source>
        <translation>Save the Beyaz Masa / CİMER note</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <source>The unit has no e-mail address. Add one in the unit&apos;s contacts.</source>
        <translation>The unit has no e-mail address. Add one in the unit&apos;s contacts.</translation>
    </message>
    <message>
        <source>The message is no longer in the inbox.</source>
        <translation>The message is no longer in the inbox.</translation>
    </message>
    <message>
        <source>The unit no longer exists.</source>
        <translation>The unit no longer exists.</translation>
    </message>
    <message>
        <source>The file could not be written: {detail}</source>
        <translation>The file could not be written: {detail}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Institution name:</source>
        <translation>Institution name:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Province:</translation>
    </message>
    <message>
        <source>District:</source>
        <translation>District:</translation>
    </message>
    <message>
        <source>(managed by policy)</source>
        <translation>(managed by policy)</translation>
    </message>
    <message>
        <source>Set by: {source}</source>
        <translation>Set by: {source}</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Publishing</translation>
    </message>
    <message>
        <source>Ask me for each post</source>
        <translation>Ask me for each post</translation>
    </message>
    <message>
        <source>Publish them late</source>
        <translation>Publish them late</translation>
    </message>
    <message>
        <source>Do not publish them; keep them as drafts</source>
        <translation>Do not publish them; keep them as drafts</translation>
    </message>
    <message>
        <source>Posts that would go out late</source>
        <translation>Posts that would go out late</translation>
    </message>
    <message>
        <source>A post that could not go out at its time (the app was closed or offline, the channel had to be reconnected, publishing was paused, the platform held it) and would now go out more than 15 minutes late (plus the interval of a scheduled sync IT set up).</source>
        <translation>A post that could not go out at its time (the app was closed or offline, the channel had to be reconnected, publishing was paused, the platform held it) and would now go out more than 15 minutes late (plus the interval of a scheduled sync IT set up).</translation>
    </message>
    <message>
        <source>Missed posts:</source>
        <translation>Missed posts:</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Last backup</translation>
    </message>
    <message>
        <source>Last backup:</source>
        <translation>Last backup:</translation>
    </message>
    <message>
        <source>File → Back up… writes the plan, posts, media, inbox history and audit log to one .zip file. Account tokens are never in it.</source>
        <translation>File → Back up… writes the plan, posts, media, inbox history and audit log to one .zip file. Account tokens are never in it.</translation>
    </message>
    <message>
        <source>Managed by your IT department</source>
        <translation>Managed by your IT department</translation>
    </message>
    <message>
        <source>No setting is managed by policy on this computer.</source>
        <translation>No setting is managed by policy on this computer.</translation>
    </message>
    <message>
        <source>Policy entries that were ignored</source>
        <translation>Policy entries that were ignored</translation>
    </message>
    <message>
        <source>These entries of the IT policy could not be applied; the app runs without them. Tell your IT department:</source>
        <translation>These entries of the IT policy could not be applied; the app runs without them. Tell your IT department:</translation>
    </message>
    <message>
        <source>Ignored policy entries</source>
        <translation>Ignored policy entries</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Demo and sandbox:</source>
        <translation>Demo and sandbox:</translation>
    </message>
    <message>
        <source>turned off</source>
        <translation>turned off</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>allowed</translation>
    </message>
    <message>
        <source>Allowed platforms:</source>
        <translation>Allowed platforms:</translation>
    </message>
    <message>
        <source>Platform app ids:</source>
        <translation>Platform app ids:</translation>
    </message>
    <message>
        <source>They are in Publishing → Channels…, where each one is connected.</source>
        <translation>They are in Publishing → Channels…, where each one is connected.</translation>
    </message>
    <message>
        <source>Preset channels:</source>
        <translation>Preset channels:</translation>
    </message>
    <message>
        <source>Scheduled sync:</source>
        <translation>Scheduled sync:</translation>
    </message>
    <message>
        <source>every {minutes} minutes, also while the window is closed</source>
        <translation>every {minutes} minutes, also while the window is closed</translation>
    </message>
    <message>
        <source>The settings could not be saved because the profile folder cannot be written ({reason}). They stay in effect until the app is closed.</source>
        <translation>The settings could not be saved because the profile folder cannot be written ({reason}). They stay in effect until the app is closed.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database in this profile could not be updated for this version of Kurum Masaüstü. The update was undone, so the file is as it was; a copy taken before is in the profile&apos;s backups folder. Please send the log file to IT.

{path}</source>
        <translation>The database in this profile could not be updated for this version of Kurum Masaüstü. The update was undone, so the file is as it was; a copy taken before is in the profile&apos;s backups folder. Please send the log file to IT.

{path}</translation>
    </message>
    <message>
        <source>The database in this profile was written by a newer version of Kurum Masaüstü. Install the newer version to open it. The file was not changed.

{path}</source>
        <translation>The database in this profile was written by a newer version of Kurum Masaüstü. Install the newer version to open it. The file was not changed.

{path}</translation>
    </message>
    <message>
        <source>This file is not a Kurum Masaüstü database, so it was not opened. The file was not changed.

{path}</source>
        <translation>This file is not a Kurum Masaüstü database, so it was not opened. The file was not changed.

{path}</translation>
    </message>
    <message>
        <source>The profile folder cannot be written, so Kurum Masaüstü cannot open it:
{folder}
({reason})

Ask your IT department to give you write access to this folder, or start with --profile and a folder you can write to. Nothing was changed.</source>
        <translation>The profile folder cannot be written, so Kurum Masaüstü cannot open it:
{folder}
({reason})

Ask your IT department to give you write access to this folder, or start with --profile and a folder you can write to. Nothing was changed.</translation>
    </message>
    <message>
        <source>The demo is turned off on this computer by your IT department&apos;s policy.</source>
        <translation>The demo is turned off on this computer by your IT department&apos;s policy.</translation>
    </message>
    <message>
        <source>This profile is already open in another window.</source>
        <translation>This profile is already open in another window.</translation>
    </message>
    <message>
        <source>This profile is being used by another process (for example a scheduled sync). Try again shortly.</source>
        <translation>This profile is being used by another process (for example a scheduled sync). Try again shortly.</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>Write from a template</source>
        <translation>Write from a template</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Filled text</source>
        <translation>Filled text</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>(optional)</source>
        <translation>(optional)</translation>
    </message>
</context>
<context>
    <name>TemplateEditorDialog</name>
    <message>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Kind of templates</source>
        <translation>Kind of templates</translation>
    </message>
    <message>
        <source>Announcement templates</source>
        <translation>Announcement templates</translation>
    </message>
    <message>
        <source>Reply templates</source>
        <translation>Reply templates</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Template name</translation>
    </message>
    <message>
        <source>Template text</source>
        <translation>Template text</translation>
    </message>
    <message>
        <source>The text; a field is written {like_this}.</source>
        <translation>The text; a field is written {like_this}.</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>Hint</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>Back to the shipped text</source>
        <translation>Back to the shipped text</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source> (shipped)</source>
        <translation> (shipped)</translation>
    </message>
    <message>
        <source> (changed)</source>
        <translation> (changed)</translation>
    </message>
    <message>
        <source>No templates yet: make one with “New”.</source>
        <translation>No templates yet: make one with “New”.</translation>
    </message>
    <message>
        <source>A shipped template: it cannot be changed here. Copy it to make your own version.</source>
        <translation>A shipped template: it cannot be changed here. Copy it to make your own version.</translation>
    </message>
    <message>
        <source>A shipped template you changed; it can go back to the shipped text.</source>
        <translation>A shipped template you changed; it can go back to the shipped text.</translation>
    </message>
    <message>
        <source>Your own template.</source>
        <translation>Your own template.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>Give the template a name.</translation>
    </message>
    <message>
        <source>Write the template&apos;s text.</source>
        <translation>Write the template&apos;s text.</translation>
    </message>
    <message>
        <source>The template could not be saved.</source>
        <translation>The template could not be saved.</translation>
    </message>
    <message>
        <source>New template</source>
        <translation>New template</translation>
    </message>
    <message>
        <source>Text with a {field}.</source>
        <translation>Text with a {field}.</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (copy)</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Delete template</translation>
    </message>
    <message>
        <source>Delete the template “{name}”?</source>
        <translation>Delete the template “{name}”?</translation>
    </message>
</context>
<context>
    <name>Templates</name>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Web address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>List</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>“{{}}” has no field name inside.</source>
        <translation>“{{}}” has no field name inside.</translation>
    </message>
    <message>
        <source>A field name may hold letters, digits and “_” only, no spaces ({field}).</source>
        <translation>A field name may hold letters, digits and “_” only, no spaces ({field}).</translation>
    </message>
    <message>
        <source>A “{{” is not closed (write “{{{{” for a brace in the text).</source>
        <translation>A “{{” is not closed (write “{{{{” for a brace in the text).</translation>
    </message>
    <message>
        <source>A “}}” has no opening brace (write “}}}}” for a brace in the text).</source>
        <translation>A “}}” has no opening brace (write “}}}}” for a brace in the text).</translation>
    </message>
    <message>
        <source>Too many fields.</source>
        <translation>Too many fields.</translation>
    </message>
    <message>
        <source>The field {field} needs a label (what the person is asked).</source>
        <translation>The field {field} needs a label (what the person is asked).</translation>
    </message>
    <message>
        <source>The example of {field} does not fit its kind.</source>
        <translation>The example of {field} does not fit its kind.</translation>
    </message>
    <message>
        <source>The field {field} is not right.</source>
        <translation>The field {field} is not right.</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>Open Kurum Masaüstü</source>
        <extracomment>The icon or a notification was clicked: bring the window forward. Every notification said (title, body), newest last: what the person was told.</extracomment>
        <translation>Open Kurum Masaüstü</translation>
    </message>
    <message>
        <source>New post</source>
        <translation>New post</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message numerus="yes">
        <source>%n new message(s)</source>
        <translation>
            <numerusform>%n new message</numerusform>
            <numerusform>%n new messages</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the inbox to read and answer them.</source>
        <translation>Open the inbox to read and answer them.</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n abusive message(s) to hide or delete</source>
        <translation>
            <numerusform>%n abusive message to hide or delete</numerusform>
            <numerusform>%n abusive messages to hide or delete</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s)</source>
        <translation>
            <numerusform>%n question</numerusform>
            <numerusform>%n questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n request</numerusform>
            <numerusform>%n requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) could not be published</source>
        <translation>
            <numerusform>%n post could not be published</numerusform>
            <numerusform>%n posts could not be published</numerusform>
        </translation>
    </message>
    <message>
        <source>The outbox shows why; fix it there and try again.</source>
        <translation>The outbox shows why; fix it there and try again.</translation>
    </message>
    <message>
        <source>Negative messages are rising quickly</source>
        <translation>Negative messages are rising quickly</translation>
    </message>
    <message numerus="yes">
        <source>%n negative message(s) in the last {hours} h ({where}). Open the crisis plan.</source>
        <translation>
            <numerusform>%n negative message in the last {hours} h ({where}). Open the crisis plan.</numerusform>
            <numerusform>%n negative messages in the last {hours} h ({where}). Open the crisis plan.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnitsDialog</name>
    <message>
        <source>Units and contacts</source>
        <translation>Units and contacts</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>asfalt, çukur, kaldırım</source>
        <translation>asfalt, çukur, kaldırım</translation>
    </message>
    <message>
        <source>Comma-separated. A message that mentions one of these words suggests this unit.</source>
        <translation>Comma-separated. A message that mentions one of these words suggests this unit.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Keywords:</source>
        <translation>Keywords:</translation>
    </message>
    <message>
        <source>New unit</source>
        <translation>New unit</translation>
    </message>
    <message>
        <source>Save unit</source>
        <translation>Save unit</translation>
    </message>
    <message>
        <source>Delete unit…</source>
        <translation>Delete unit…</translation>
    </message>
    <message>
        <source>Delete the unit “{unit}”?</source>
        <translation>Delete the unit “{unit}”?</translation>
    </message>
    <message>
        <source>Nobody (unassigned)</source>
        <translation>Nobody (unassigned)</translation>
    </message>
    <message>
        <source>Messages assigned to “{unit}”: {count}. The unit can only be deleted if they move. Move them to:</source>
        <translation>Messages assigned to “{unit}”: {count}. The unit can only be deleted if they move. Move them to:</translation>
    </message>
    <message>
        <source>Please give the unit a name.</source>
        <translation>Please give the unit a name.</translation>
    </message>
    <message>
        <source>The unit&apos;s name is too long (at most 200 characters).</source>
        <translation>The unit&apos;s name is too long (at most 200 characters).</translation>
    </message>
    <message>
        <source>There is already a unit with this name.</source>
        <translation>There is already a unit with this name.</translation>
    </message>
    <message>
        <source>The e-mail address does not look right (for example: fen@belediye.bel.tr).</source>
        <translation>The e-mail address does not look right (for example: fen@belediye.bel.tr).</translation>
    </message>
    <message>
        <source>The phone number needs at least three digits (at most 50 characters).</source>
        <translation>The phone number needs at least three digits (at most 50 characters).</translation>
    </message>
    <message>
        <source>The unit no longer exists.</source>
        <translation>The unit no longer exists.</translation>
    </message>
    <message>
        <source>Messages are assigned to this unit; move them first.</source>
        <translation>Messages are assigned to this unit; move them first.</translation>
    </message>
</context>
<context>
    <name>WeekDelegate</name>
    <message numerus="yes">
        <source>+%n more</source>
        <extracomment>The best-time hint of an hour (None: not one of the day&apos;s good hours).</extracomment>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowCrisis</name>
    <message>
        <source>negative messages</source>
        <translation>negative messages</translation>
    </message>
    <message>
        <source>Crisis: {where}</source>
        <translation>Crisis: {where}</translation>
    </message>
</context>
<context>
    <name>WordListDialog</name>
    <message>
        <source>Institution&apos;s words</source>
        <translation>Institution&apos;s words</translation>
    </message>
    <message>
        <source>Accepted words</source>
        <translation>Accepted words</translation>
    </message>
    <message>
        <source>A word, e.g. Yeşilbağlar</source>
        <translation>A word, e.g. Yeşilbağlar</translation>
    </message>
    <message>
        <source>Mahalle</source>
        <translation>Mahalle</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Write one word of letters (no spaces or digits).</source>
        <translation>Write one word of letters (no spaces or digits).</translation>
    </message>
</context>
<context>
    <name>_Plurals</name>
    <message numerus="yes">
        <source>Token expires in %n day(s)</source>
        <translation>
            <numerusform>Token expires in %n day</numerusform>
            <numerusform>Token expires in %n days</numerusform>
        </translation>
    </message>
</context>
</TS>
