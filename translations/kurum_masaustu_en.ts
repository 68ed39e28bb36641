<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Kurum Masaüstü</source>
        <translation>About Kurum Masaüstü</translation>
    </message>
    <message>
        <source>Kurum Masaüstü {version}

The social media desk of a public institution: plan, write, publish and answer citizens from one window. Citizens' messages and account tokens stay on this computer.

Licence: GNU GPL version 3 or later. The components it carries and their licences are listed under “Third-party notices”.</source>
        <translation>Kurum Masaüstü {version}

The social media desk of a public institution: plan, write, publish and answer citizens from one window. Citizens' messages and account tokens stay on this computer.

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
        <translation>Today</translation>
    </message>
    <message>
        <source>Go to today</source>
        <translation>Go to today</translation>
    </message>
    <message>
        <source>Important day without a post</source>
        <translation>Important day without a post</translation>
    </message>
    <message>
        <source>Month calendar</source>
        <translation>Month calendar</translation>
    </message>
    <message>
        <source>Posts of the selected day</source>
        <translation>Posts of the selected day</translation>
    </message>
    <message>
        <source>This month: {planned} planned, {published} published</source>
        <translation>This month: {planned} planned, {published} published</translation>
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
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Publish time</source>
        <translation>Publish time</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <source>No channels yet.</source>
        <translation>No channels yet.</translation>
    </message>
    <message>
        <source>Attached media</source>
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
    <message>
        <source>Cannot schedule for {channels}: {problem} Fix it, or remove that channel.</source>
        <translation>Cannot schedule for {channels}: {problem} Fix it, or remove that channel.</translation>
    </message>
    <message>
        <source>Fill in the template's fields first: {fields}</source>
        <translation>Fill in the template's fields first: {fields}</translation>
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
    <name>InboxModel</name>
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
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>InboxPane</name>
    <message>
        <source>Search messages (e.g. cop, su, istanbul)…</source>
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
        <source>Category filter</source>
        <translation>Category filter</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
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
        <source>Correct the category</source>
        <translation>Correct the category</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
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
        <source>No messages match.</source>
        <translation>No messages match.</translation>
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
        <source>Why is publishing paused? (for example: crisis, national mourning)</source>
        <translation>Why is publishing paused? (for example: crisis, national mourning)</translation>
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
        <translation>Media preview</translation>
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
</context>
<context>
    <name>MonthModel</name>
    <message numerus="yes">
        <source>%n post(s)</source>
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
        <source>Waiting for the platform's rate limit</source>
        <translation>Waiting for the platform's rate limit</translation>
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
        <source>The platform refused the post</source>
        <translation>The platform refused the post</translation>
    </message>
    <message>
        <source>To be posted by hand</source>
        <translation>To be posted by hand</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
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
        <source>Posted by hand</source>
        <translation>Posted by hand</translation>
    </message>
    <message>
        <source>Paste the link of the post you published:</source>
        <translation>Paste the link of the post you published:</translation>
    </message>
    <message>
        <source>That is not a web address. It should start with https://</source>
        <translation>That is not a web address. It should start with https://</translation>
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
    <name>Problems</name>
    <message>
        <source>characters (X weighting)</source>
        <extracomment>How each platform's preview card looks (border colour, background).</extracomment>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
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
        <source>Business hours:</source>
        <translation>Business hours:</translation>
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
        <source>Business hours must end after they start.</source>
        <translation>Business hours must end after they start.</translation>
    </message>
    <message>
        <source>The settings could not be saved because the profile folder cannot be written ({reason}). They stay in effect until the app is closed.</source>
        <translation>The settings could not be saved because the profile folder cannot be written ({reason}). They stay in effect until the app is closed.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database in this profile was written by a newer version of Kurum Masaüstü. Install the newer version to open it. The file was not changed.

{path}</source>
        <extracomment>IT policy forbids what the command line asked (``--demo`` with the sandbox off) the profile folder is read-only or not ours</extracomment>
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
        <source>The demo is turned off on this computer by your IT department's policy.</source>
        <translation>The demo is turned off on this computer by your IT department's policy.</translation>
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
</TS>
