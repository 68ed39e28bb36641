"""Reading a pasted post link: the platform's id of the post, or why the link cannot be the
channel's post. Links as the platforms show them (share menus, address bars, embed codes)."""

from __future__ import annotations

import pytest

from kurum_masaustu.domain import Platform
from kurum_masaustu.rules.permalinks import ChannelIdentity, PermalinkError, host_of, understand

MASTODON = ChannelIdentity(
    Platform.MASTODON,
    "@yesilvadibld",
    {"base_url": "https://sosyal.yesilvadi.bel.tr"},
    frozenset({"sosyal.yesilvadi.bel.tr"}),
)
X = ChannelIdentity(Platform.X, "@YesilvadiBld")
BLUESKY = ChannelIdentity(Platform.BLUESKY, "yesilvadi.bel.tr")
BLUESKY_WITH_DID = ChannelIdentity(Platform.BLUESKY, "yesilvadi.bel.tr", {"did": "did:plc:ewvi7nxzyoun6zhxrhs64oiz"})
FACEBOOK = ChannelIdentity(Platform.FACEBOOK, "yesilvadibelediyesi", {"page_id": "104536172301045"})
INSTAGRAM = ChannelIdentity(Platform.INSTAGRAM, "yesilvadibelediyesi", {"ig_user_id": "17841405822304914"})
LINKEDIN = ChannelIdentity(Platform.LINKEDIN, "", {"organization_urn": "urn:li:organization:2414183"})
TELEGRAM = ChannelIdentity(Platform.TELEGRAM, "@yesilvadibld", {"chat_id": "@yesilvadibld"})
TELEGRAM_PRIVATE = ChannelIdentity(Platform.TELEGRAM, "", {"chat_id": "-1001234567890"})


def _id(link: str, channel: ChannelIdentity) -> str | None:
    return understand(link, channel).remote_id


def _refused(link: str, channel: ChannelIdentity) -> str:
    with pytest.raises(PermalinkError) as refused:
        understand(link, channel)
    return refused.value.code


# -- Mastodon ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "link",
    [
        "https://sosyal.yesilvadi.bel.tr/@yesilvadibld/113526871234567890",
        "https://sosyal.yesilvadi.bel.tr/@YesilvadiBld/113526871234567890/",
        "https://sosyal.yesilvadi.bel.tr/users/yesilvadibld/statuses/113526871234567890",
        " https://sosyal.yesilvadi.bel.tr/@yesilvadibld/113526871234567890 ",
    ],
)
def test_mastodon_links_give_the_status_id(link: str) -> None:
    found = understand(link, MASTODON)
    assert found.remote_id == "113526871234567890"
    assert found.platform is Platform.MASTODON
    assert found.note == ""
    assert found.link == link.strip()


def test_a_mastodon_post_on_another_server_or_account_is_refused() -> None:
    # The same post seen through mastodon.social has that server's id, not ours.
    assert _refused("https://mastodon.social/@yesilvadibld@sosyal.yesilvadi.bel.tr/113526871234567890", MASTODON) == (
        "other_host"
    )
    assert _refused("https://sosyal.yesilvadi.bel.tr/@baskasi/113526871234567890", MASTODON) == "other_account"
    assert _refused("https://sosyal.yesilvadi.bel.tr/@kullanici@mastodon.social/1135268", MASTODON) == "other_account"
    assert _refused("https://sosyal.yesilvadi.bel.tr/@yesilvadibld", MASTODON) == "not_a_post"
    assert _refused("https://x.com/YesilvadiBld/status/1861034219871234567", MASTODON) == "other_platform"


# -- X ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "link",
    [
        "https://x.com/YesilvadiBld/status/1861034219871234567",
        "https://x.com/yesilvadibld/status/1861034219871234567?s=46&t=Qm3xZ",
        "https://twitter.com/YesilvadiBld/status/1861034219871234567",
        "https://mobile.twitter.com/YesilvadiBld/status/1861034219871234567/photo/1",
        "https://www.x.com/YesilvadiBld/status/1861034219871234567",
    ],
)
def test_x_links_give_the_post_id(link: str) -> None:
    assert _id(link, X) == "1861034219871234567"
    assert understand(link, X).note == ""


def test_an_x_link_without_the_account_is_read_but_flagged() -> None:
    found = understand("https://x.com/i/web/status/1861034219871234567", X)
    assert (found.remote_id, found.note) == ("1861034219871234567", "unchecked")


def test_another_x_account_is_refused() -> None:
    assert _refused("https://x.com/AnkaraBB/status/1861034219871234567", X) == "other_account"
    assert _refused("https://x.com/YesilvadiBld", X) == "not_a_post"


# -- Bluesky ------------------------------------------------------------------------------------
def test_a_bluesky_link_with_a_did_gives_the_at_uri() -> None:
    link = "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz/post/3lbtqjs6xke2k"
    assert _id(link, BLUESKY_WITH_DID) == "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbtqjs6xke2k"
    assert understand(link, BLUESKY_WITH_DID).note == ""
    assert understand(link, BLUESKY).note == "unchecked"  # no DID known: the account cannot be checked
    other = "https://bsky.app/profile/did:plc:z72i7hdynmk6r22z27h6tvur/post/3lbtqjs6xke2k"
    assert _refused(other, BLUESKY_WITH_DID) == "other_account"


def test_a_bluesky_link_with_a_handle_uses_the_did_when_known_else_keeps_the_handle() -> None:
    link = "https://bsky.app/profile/yesilvadi.bel.tr/post/3lbtqjs6xke2k"
    assert _id(link, BLUESKY_WITH_DID) == "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3lbtqjs6xke2k"
    found = understand(link, BLUESKY)
    assert found.remote_id == "at://yesilvadi.bel.tr/app.bsky.feed.post/3lbtqjs6xke2k"
    assert found.note == "handle"
    assert _refused("https://bsky.app/profile/bsky.app/post/3lbtqjs6xke2k", BLUESKY) == "other_account"
    assert _refused("https://bsky.app/profile/yesilvadi.bel.tr", BLUESKY) == "not_a_post"


# -- Facebook -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "link",
    [
        "https://www.facebook.com/yesilvadibelediyesi/posts/1029384756473829",
        "https://m.facebook.com/yesilvadibelediyesi/posts/1029384756473829/",
        "https://www.facebook.com/104536172301045/posts/1029384756473829",
        "https://www.facebook.com/permalink.php?story_fbid=1029384756473829&id=104536172301045",
        "https://www.facebook.com/story.php?story_fbid=1029384756473829&id=104536172301045&mibextid=wwXIfr",
        "https://www.facebook.com/104536172301045_1029384756473829",
    ],
)
def test_facebook_links_give_the_graph_id_of_the_page_post(link: str) -> None:
    assert _id(link, FACEBOOK) == "104536172301045_1029384756473829"


def test_a_pfbid_link_keeps_the_link_without_an_id() -> None:
    link = "https://www.facebook.com/yesilvadibelediyesi/posts/pfbid02Jm8Ya7V3fEkq1sZK5PjUvJDk3GtT4w8X6b9yQLm2cNrpd4Hl"
    found = understand(link, FACEBOOK)
    assert (found.remote_id, found.note, found.link) == (None, "pfbid", link)
    query = "https://www.facebook.com/permalink.php?story_fbid=pfbid0ZxqW9r7sUvN1LkP3m&id=104536172301045"
    assert understand(query, FACEBOOK).note == "pfbid"


def test_a_facebook_video_gives_the_video_id_the_adapter_uses() -> None:
    assert _id("https://www.facebook.com/yesilvadibelediyesi/videos/1245780953326112/", FACEBOOK) == "1245780953326112"


def test_another_facebook_page_is_refused() -> None:
    assert _refused("https://www.facebook.com/ankarabuyuksehir/posts/1029384756473829", FACEBOOK) == "other_account"
    other = "https://www.facebook.com/permalink.php?story_fbid=1029384756473829&id=999999999999"
    assert _refused(other, FACEBOOK) == "other_account"
    assert _refused("https://www.facebook.com/999999999999_1029384756473829", FACEBOOK) == "other_account"
    assert _refused("https://www.facebook.com/yesilvadibelediyesi", FACEBOOK) == "not_a_post"


def test_without_the_page_id_no_graph_id_can_be_made() -> None:
    bare = ChannelIdentity(Platform.FACEBOOK, "yesilvadibelediyesi")
    found = understand("https://www.facebook.com/yesilvadibelediyesi/posts/1029384756473829", bare)
    assert (found.remote_id, found.note) == (None, "unchecked")


# -- Instagram ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "link",
    [
        "https://www.instagram.com/p/DCx7kLmN2aB/",
        "https://www.instagram.com/p/DCx7kLmN2aB/?utm_source=ig_web_copy_link&igsh=MzRlODBiNWFlZA==",
        "https://www.instagram.com/reel/DCx7kLmN2aB/",
        "https://www.instagram.com/yesilvadibelediyesi/p/DCx7kLmN2aB/",
    ],
)
def test_an_instagram_shortcode_is_not_the_media_id(link: str) -> None:
    found = understand(link, INSTAGRAM)
    assert (found.remote_id, found.note, found.platform) == (None, "shortcode", Platform.INSTAGRAM)


def test_another_instagram_account_is_refused() -> None:
    assert _refused("https://www.instagram.com/ankarabb/p/DCx7kLmN2aB/", INSTAGRAM) == "other_account"
    assert _refused("https://www.instagram.com/yesilvadibelediyesi/", INSTAGRAM) == "not_a_post"


# -- LinkedIn -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("link", "urn"),
    [
        ("https://www.linkedin.com/feed/update/urn:li:share:7265432109876543210/", "urn:li:share:7265432109876543210"),
        (
            "https://www.linkedin.com/feed/update/urn:li:ugcPost:7265432109876543211",
            "urn:li:ugcPost:7265432109876543211",
        ),
        (
            "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7265432109876543210",
            "urn:li:share:7265432109876543210",
        ),
        (
            "https://www.linkedin.com/embed/feed/update/urn:li:share:7265432109876543210?collapsed=1",
            "urn:li:share:7265432109876543210",
        ),
        (
            "https://www.linkedin.com/posts/yesilvadi-belediyesi_su-kesintisi-ugcPost-7265432109876543211-aB3d",
            "urn:li:ugcPost:7265432109876543211",
        ),
    ],
)
def test_linkedin_share_and_ugc_post_links_give_the_post_urn(link: str, urn: str) -> None:
    assert _id(link, LINKEDIN) == urn


@pytest.mark.parametrize(
    "link",
    [
        "https://www.linkedin.com/feed/update/urn:li:activity:7265432109012345678/",
        "https://www.linkedin.com/posts/yesilvadi-belediyesi_su-kesintisi-activity-7265432109012345678-Xy9Z?utm_source=share",
    ],
)
def test_a_linkedin_activity_link_keeps_the_link_without_an_id(link: str) -> None:
    found = understand(link, LINKEDIN)
    assert (found.remote_id, found.note) == (None, "activity")


# -- Telegram -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "link",
    ["https://t.me/yesilvadibld/512", "https://t.me/s/yesilvadibld/512", "https://telegram.me/YesilvadiBld/512?single"],
)
def test_telegram_links_give_the_message_id(link: str) -> None:
    assert _id(link, TELEGRAM) == "512"


def test_a_private_channel_link_names_the_chat_by_number() -> None:
    assert _id("https://t.me/c/1234567890/77", TELEGRAM_PRIVATE) == "77"
    assert _refused("https://t.me/c/5555555555/77", TELEGRAM_PRIVATE) == "other_account"
    assert understand("https://t.me/c/1234567890/77", TELEGRAM).note == "unchecked"  # named by @username


def test_another_telegram_channel_is_refused() -> None:
    assert _refused("https://t.me/ankarabb/512", TELEGRAM) == "other_account"
    assert _refused("https://t.me/yesilvadibld", TELEGRAM) == "not_a_post"


# -- every platform -----------------------------------------------------------------------------
@pytest.mark.parametrize("channel", [MASTODON, X, BLUESKY, FACEBOOK, INSTAGRAM, LINKEDIN, TELEGRAM])
def test_what_is_not_a_web_address_is_refused_as_such(channel: ChannelIdentity) -> None:
    for text in ("kanalda gördüm", "", "ftp://sosyal.yesilvadi.bel.tr/@yesilvadibld/1", "https://"):
        assert _refused(text, channel) == "not_a_link"


@pytest.mark.parametrize("channel", [X, BLUESKY, FACEBOOK, INSTAGRAM, LINKEDIN, TELEGRAM])
def test_a_link_of_another_site_is_refused(channel: ChannelIdentity) -> None:
    assert _refused("https://www.yesilvadi.bel.tr/duyurular/su-kesintisi", channel) == "other_platform"


def test_a_channel_may_add_its_own_hosts() -> None:
    sandbox = ChannelIdentity(Platform.X, "belediye", {}, frozenset({"x.sandbox.invalid"}))
    assert _id("https://x.sandbox.invalid/belediye/status/42", sandbox) == "42"
    assert host_of("https://WWW.Sosyal.Example:8443/api") == "sosyal.example"
    assert host_of("") is None
    assert host_of(None) is None


def test_a_manual_channel_reads_what_it_can_and_keeps_any_link() -> None:
    manual = ChannelIdentity(Platform.MANUAL, "")
    found = understand("https://x.com/YesilvadiBld/status/1861034219871234567", manual)
    assert (found.platform, found.remote_id, found.note) == (Platform.X, "1861034219871234567", "unchecked")
    site = understand("https://nsosyal.com/yesilvadi/123", manual)
    assert (site.platform, site.remote_id, site.note) == (None, None, "unknown")
    assert understand("https://www.instagram.com/p/DCx7kLmN2aB/", manual).note == "shortcode"
    assert understand("https://x.com/YesilvadiBld", manual).note == "unknown"
    assert _refused("nsosyal gönderisi", manual) == "not_a_link"
