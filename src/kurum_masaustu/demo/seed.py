"""A realistic month of a small municipality's social media, for ``--demo`` and training.

Seeds an empty database with the invented "Yeşilvadi Belediyesi" of ``content``: channels, units,
templates, the campaign, posts with their deliveries and posters, the inbox with our replies, and
the audit trail. Content is placed relative to ``today`` (two weeks back, three weeks ahead) and is
deterministic for a given day. Pillow is imported only when ``posters`` draws.
"""

from __future__ import annotations

import random
import re
import string
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kurum_masaustu.demo.content import (
    CAMPAIGN,
    CHANNELS,
    FAILED_DELIVERY_ERROR,
    HASHTAG_SETS,
    POST_TEMPLATES,
    REPLIES,
    REPLY_TEMPLATES,
    SITE,
    TZ,
    UNITS,
    Message,
    PostSpec,
    at,
    campaign_dates,
    important_day_posts,
    inbox_messages,
    service_posts,
)
from kurum_masaustu.demo.posters import alt_text, poster
from kurum_masaustu.domain import (
    Category,
    DeliveryState,
    HashtagSetKind,
    InboxCategory,
    Platform,
    PostKind,
    ReplyState,
)
from kurum_masaustu.media.library import MediaLibrary
from kurum_masaustu.paths import Profile
from kurum_masaustu.rules.inbox import classify
from kurum_masaustu.rules.timeutil import to_local
from kurum_masaustu.store.database import open_database
from kurum_masaustu.store.models import (
    AuditEntry,
    Campaign,
    Channel,
    Delivery,
    HashtagSet,
    InboxItem,
    Post,
    PostMedia,
    Reply,
    Template,
    Unit,
)

__all__ = ["ACTOR", "CHANNELS", "SEED", "SHORT_LIMITS", "SITE", "TZ", "seed_demo", "seed_demo_profile"]

SEED = 1532026
ACTOR = "demo"

#: Post length limits the demo respects (X counts an emoji as 2; we count conservatively).
SHORT_LIMITS = {Platform.X: 280, Platform.BLUESKY: 300}

# The month's mishaps: a delivery that failed and one handed off, as (post key, channel code), and a
# reply drafted from a template, as (message key, template key).
_FAILED = ("ihale", "LI")
_HANDED_OFF = ("yol-2", "MA")
_DRAFT_REPLY = ("m37", "yanit_tekrar")
_TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"


def seed_demo(session: Session, library: MediaLibrary, today: date) -> None:
    """Fill an empty database with the demo month around ``today``; the caller commits."""
    if session.scalar(select(Channel.id).limit(1)) is not None:
        raise ValueError("the demo goes only into a database without channels")
    rng = random.Random(f"{SEED}-{today.isoformat()}")
    connected = at(today - timedelta(days=60), "09.00")
    channels = _add_channels(session, connected)
    units, campaign = _add_reference_data(session, today)
    session.flush()
    posts = _add_posts(session, library, today, rng, channels, campaign)
    session.flush()
    items = _add_inbox(session, today, rng, channels, posts, units)
    _add_audit(session, today, connected, channels, campaign, posts, items)
    _add_planning(session, rng, campaign)
    session.flush()


def _add_planning(session: Session, rng: random.Random, campaign: Campaign) -> None:
    """Goals, the town's own days, and engagement of what was published (demo data: real figures
    come from the platforms' insights)."""
    from kurum_masaustu.store.models import CustomDayRow, DeliveryMetrics, PlanGoal

    session.add_all(
        [
            PlanGoal(period="week", kind="reply_time", target=90),  # yanıt süresi, from the inbox
            PlanGoal(period="week", target=5, category=Category.ANNOUNCEMENT),
            PlanGoal(period="month", target=8, campaign_id=campaign.id),
        ]
    )
    session.add_all(
        [
            CustomDayRow(key="ozel:yesilvadi-kurtulusu", name="Yeşilvadi'nin Kurtuluşu", category="ulusal",
                         tone="kutlama", rule="fixed:09-07", day_off=False, hidden=False, theme=""),
            CustomDayRow(key="ozel:kiraz-festivali", name="Yeşilvadi Kiraz Festivali", category="yerel yönetim",
                         tone="kutlama", rule="fixed:06-20", day_off=False, hidden=False, theme=""),
        ]
    )  # fmt: skip
    published = session.scalars(select(Delivery).where(Delivery.state == DeliveryState.PUBLISHED)).all()
    for delivery in published:
        hour = to_local(delivery.published_at or delivery.scheduled_at or datetime.now(UTC)).hour
        boost = 3 if hour in (12, 20, 21) else 2 if hour in (9, 10) else 1
        session.add(
            DeliveryMetrics(
                delivery_id=delivery.id,
                reactions=rng.randint(5, 40) * boost,
                comments=rng.randint(0, 8) * boost,
                shares=rng.randint(0, 5) * boost,
            )
        )


def seed_demo_profile(profile: Profile, today: date | None = None) -> None:
    """Seed the profile's database with the demo month unless it already has channels."""
    profile.ensure()
    engine = open_database(profile.database, profile.backup_dir)
    try:
        with Session(engine) as session:
            if session.scalar(select(Channel.id).limit(1)) is None:
                seed_demo(session, MediaLibrary(profile.media_dir), today or datetime.now(TZ).date())
                session.commit()
    finally:
        engine.dispose()


# ---------------------------------------------------------------------------------------------
# Channels, units, campaign, hashtag sets, templates
# ---------------------------------------------------------------------------------------------


def _add_channels(session: Session, connected: datetime) -> dict[str, Channel]:
    """One sandboxed channel per platform, by channel code."""
    channels = {
        spec.code: Channel(
            platform=spec.platform,
            display_name=spec.name,
            handle=spec.handle,
            color=spec.color,
            settings=dict(spec.settings),
            sandbox=True,
            enabled=True,
            created_at=connected,
        )
        for spec in CHANNELS
    }
    session.add_all(channels.values())
    return channels


def _add_reference_data(session: Session, today: date) -> tuple[dict[str, Unit], Campaign]:
    """Units, the campaign, hashtag sets and templates; keeps units and templates that already exist."""
    units = {unit.name: unit for unit in session.scalars(select(Unit))}
    by_code: dict[str, Unit] = {}
    for code, spec in UNITS.items():
        if spec.name not in units:
            units[spec.name] = Unit(
                name=spec.name,
                email=f"{spec.mailbox}@{SITE}",
                phone=f"Alo 153 – dahili {spec.extension}",
                keywords=list(spec.keywords),
            )
            session.add(units[spec.name])
        by_code[code] = units[spec.name]
    starts_on, ends_on = campaign_dates(today)
    campaign = Campaign(
        name=CAMPAIGN.name,
        goal=CAMPAIGN.goal,
        starts_on=starts_on,
        ends_on=ends_on,
        hashtags=list(CAMPAIGN.hashtags),
        color=CAMPAIGN.color,
    )
    session.add(campaign)
    session.add_all([HashtagSet(name=spec.name, kind=spec.kind, tags=list(spec.tags)) for spec in HASHTAG_SETS])
    session.add(
        HashtagSet(
            name=campaign.name,
            kind=HashtagSetKind.EVENT,
            tags=list(campaign.hashtags),
            starts_on=campaign.starts_on,
            ends_on=campaign.ends_on,
        )
    )
    known = set(session.scalars(select(Template.key)))
    for purpose, templates in (("post", POST_TEMPLATES), ("reply", REPLY_TEMPLATES)):
        for key, name, body in templates:
            if key not in known:
                fields = list(dict.fromkeys(re.findall(r"\{(\w+)\}", body)))
                session.add(Template(key=key, name=name, purpose=purpose, body=body, fields=fields, built_in=True))
    return by_code, campaign


# ---------------------------------------------------------------------------------------------
# Posts and deliveries
# ---------------------------------------------------------------------------------------------


def _add_posts(
    session: Session,
    library: MediaLibrary,
    today: date,
    rng: random.Random,
    channels: dict[str, Channel],
    campaign: Campaign,
) -> dict[str, Post]:
    """The month's posts, by spec key, with their posters and a delivery per channel."""
    specs = service_posts(today, rng) + important_day_posts(
        today, today - timedelta(days=14), today + timedelta(days=21)
    )
    far = at(today + timedelta(days=365), "00.00")
    specs.sort(key=lambda spec: (spec.when or far, spec.key))
    morning = at(today, "08.00")
    posts: dict[str, Post] = {}
    telegram_serial = 1200 + rng.randrange(300)
    for spec in specs:
        written = min(spec.when or morning, morning).date() - timedelta(days=rng.randint(1, 3))
        created = at(written, f"{rng.randint(9, 16)}.{rng.randrange(60):02d}")
        kind = spec.kind or (
            PostKind.CAROUSEL if len(spec.arts) > 1 else PostKind.IMAGE if spec.arts else PostKind.TEXT
        )
        post = Post(
            title=spec.title,
            body=spec.body,
            kind=kind,
            category=spec.category,
            source_reference=spec.source,
            campaign=campaign if spec.campaign else None,
            created_at=created,
            updated_at=created,
        )
        session.add(post)
        for position, art in enumerate(spec.arts):
            data, name = poster(art)
            asset = library.import_bytes(session, data, name, alt_text=alt_text(art))
            asset.created_at = created
            post.media_links.append(PostMedia(media=asset, position=position))
        state = _delivery_state(spec, today)
        for code in spec.channels.split():
            channel = channels[code]
            delivery = Delivery(
                text_override=_text_override(spec, channel.platform),
                scheduled_at=spec.when,
                state=state,
                attempts=0,
                updated_at=created,
            )
            post.deliveries.append(delivery)  # the post is in the session: this adds the delivery too
            delivery.channel = channel
            if state is DeliveryState.PUBLISHED and spec.when is not None:
                if channel.platform is Platform.TELEGRAM:
                    telegram_serial += rng.randint(1, 4)
                _publish(delivery, channel, spec.when, rng, telegram_serial)
            if (spec.key, code) == _FAILED and spec.when is not None:
                _fail(delivery, spec.when)
            if (spec.key, code) == _HANDED_OFF and state is DeliveryState.SCHEDULED:
                delivery.state, delivery.attempts, delivery.remote_id = (
                    DeliveryState.HANDED_OFF,
                    1,
                    _digits(rng, 6),
                )
        posts[spec.key] = post
    return posts


def _delivery_state(spec: PostSpec, today: date) -> DeliveryState:
    if spec.draft or spec.when is None:
        return DeliveryState.DRAFT
    local = spec.when.astimezone(TZ)
    if local.date() < today or (local.date() == today and local.hour < 12):
        return DeliveryState.PUBLISHED
    return DeliveryState.SCHEDULED


def _text_override(spec: PostSpec, platform: Platform) -> str | None:
    """The short text on X, and on platforms whose limit the body would (nearly) exceed."""
    limit = SHORT_LIMITS.get(platform, 100_000)
    short_needed = platform is Platform.X or len(spec.body) > limit - 10
    return spec.short if spec.short and short_needed else None


def _publish(delivery: Delivery, channel: Channel, when: datetime, rng: random.Random, serial: int) -> None:
    """Published a few seconds after ``when`` (minutes, when a person posts by hand)."""
    delivery.remote_id, delivery.permalink = _remote_post(channel, rng, serial)
    delay = (
        timedelta(minutes=rng.randint(4, 25))
        if channel.platform is Platform.MANUAL
        else timedelta(seconds=rng.randint(2, 40))
    )
    delivery.published_at = delivery.updated_at = when + delay
    delivery.attempts = 1


def _fail(delivery: Delivery, when: datetime) -> None:
    delivery.state, delivery.attempts, delivery.last_error = DeliveryState.FAILED, 1, FAILED_DELIVERY_ERROR
    delivery.remote_id = delivery.permalink = delivery.published_at = None
    delivery.updated_at = when + timedelta(seconds=3)


# ---------------------------------------------------------------------------------------------
# Inbox
# ---------------------------------------------------------------------------------------------


def _add_inbox(
    session: Session,
    today: date,
    rng: random.Random,
    channels: dict[str, Channel],
    posts: dict[str, Post],
    units: dict[str, Unit],
) -> dict[str, InboxItem]:
    """The inbox of the last two weeks, by message key, with our sent replies and one draft."""
    cap = at(today, "08.45")
    items: dict[str, InboxItem] = {}
    for msg in inbox_messages(today):
        channel = channels[msg.ch]
        delivery, base, earliest = _anchor(session, msg, channel, today, posts, items)
        received = at(base + timedelta(days=msg.day), msg.hm) + timedelta(seconds=rng.randrange(60))
        if earliest is not None and received <= earliest:
            received = earliest + timedelta(minutes=rng.randint(8, 90))
        received = min(received, cap - timedelta(minutes=rng.randrange(30)))
        item = InboxItem(
            channel=channel,
            platform=channel.platform,
            remote_id=_remote_inbox(channel.platform, rng),
            author_name=msg.author,
            author_handle=msg.handle,
            text=msg.text,
            kind=msg.kind,
            parent=items[msg.parent] if msg.parent else None,
            delivery_id=delivery.id if delivery else None,
            received_at=received,
            status=msg.status,
            category=msg.category,
            negative=msg.negative,
            # The demo's categories are as a person would set them; the reasons are the rules'.
            classification_reasons=list(classify(msg.text).reasons),
            unit_id=units[msg.unit].id if msg.unit else None,
        )
        if msg.reply is not None:
            sent = min(received + timedelta(minutes=rng.randint(12, 180)), cap + timedelta(minutes=5))
            item.replies.append(
                Reply(
                    text=REPLIES.get(msg.reply, msg.reply),
                    state=ReplyState.SENT,
                    remote_id=_remote_inbox(channel.platform, rng),
                    created_at=sent - timedelta(minutes=2),
                    sent_at=sent,
                )
            )
        if msg.key == _DRAFT_REPLY[0]:
            body = next(template.body for template in REPLY_TEMPLATES if template.key == _DRAFT_REPLY[1])
            item.replies.append(Reply(text=body, state=ReplyState.DRAFT, created_at=cap))
        session.add(item)
        session.flush()  # children need the parent's id and the time it got
        items[msg.key] = item
    return items


def _anchor(
    session: Session,
    msg: Message,
    channel: Channel,
    today: date,
    posts: dict[str, Post],
    items: dict[str, InboxItem],
) -> tuple[Delivery | None, date, datetime | None]:
    """What a message answers: the delivery it hangs under, the day its ``day`` counts from, and the
    time it must come after."""
    if msg.parent is not None:
        parent = items[msg.parent]
        delivery = session.get(Delivery, parent.delivery_id) if parent.delivery_id else None
        return delivery, parent.received_at.astimezone(TZ).date(), parent.received_at
    if msg.post is not None:
        delivery = next(
            (d for d in posts[msg.post].deliveries if d.channel is channel and d.state is DeliveryState.PUBLISHED),
            None,
        )
        if delivery is not None and delivery.published_at is not None:
            return delivery, delivery.published_at.astimezone(TZ).date(), delivery.published_at
        return delivery, today, None
    return None, today, None


# ---------------------------------------------------------------------------------------------
# Audit trail
# ---------------------------------------------------------------------------------------------


def _add_audit(
    session: Session,
    today: date,
    connected: datetime,
    channels: dict[str, Channel],
    campaign: Campaign,
    posts: dict[str, Post],
    items: dict[str, InboxItem],
) -> None:
    failed = next(d for d in posts[_FAILED[0]].deliveries if d.state is DeliveryState.FAILED)
    first_reply = next(reply for item in items.values() for reply in item.replies if reply.sent_at)
    spam = next(item for item in items.values() if item.category is InboxCategory.SPAM)
    audit = [
        AuditEntry(
            at=connected + timedelta(minutes=i),
            actor=ACTOR,
            action="channel.connected",
            entity="channel",
            entity_id=channel.id,
            detail={"platform": channel.platform.value, "sandbox": True},
        )
        for i, channel in enumerate(channels.values())
    ]
    audit += [
        AuditEntry(
            at=at(campaign.starts_on, "09.00"),
            actor=ACTOR,
            action="campaign.created",
            entity="campaign",
            entity_id=campaign.id,
            detail={"name": campaign.name},
        ),
        AuditEntry(
            at=failed.updated_at,
            actor=ACTOR,
            action="delivery.failed",
            entity="delivery",
            entity_id=failed.id,
            detail={"error": FAILED_DELIVERY_ERROR},
        ),
        AuditEntry(
            at=first_reply.sent_at,
            actor=ACTOR,
            action="reply.sent",
            entity="reply",
            entity_id=first_reply.id,
            detail={},
        ),
        AuditEntry(
            at=spam.received_at + timedelta(minutes=40),
            actor=ACTOR,
            action="inbox.hidden",
            entity="inbox_item",
            entity_id=spam.id,
            detail={"reason": "spam"},
        ),
        AuditEntry(
            at=at(today, "08.50"),
            actor=ACTOR,
            action="demo.seeded",
            entity="profile",
            detail={"today": today.isoformat()},
        ),
    ]
    session.add_all(audit)


# ---------------------------------------------------------------------------------------------
# Platform-shaped remote ids
# ---------------------------------------------------------------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return str(rng.randrange(10 ** (n - 1), 10**n))


def _chars(rng: random.Random, alphabet: str, n: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _remote_post(channel: Channel, rng: random.Random, serial: int) -> tuple[str, str]:
    """A platform-shaped remote id and permalink for a published post."""
    handle = channel.handle.lstrip("@")
    match channel.platform:
        case Platform.FACEBOOK:
            post_id = _digits(rng, 16)
            return (
                f"{channel.settings['page_id']}_{post_id}",
                f"https://www.facebook.com/{handle}/posts/{post_id}",
            )
        case Platform.INSTAGRAM:
            code = _chars(rng, string.ascii_letters + string.digits + "_-", 11)
            return f"179{_digits(rng, 14)}", f"https://www.instagram.com/p/{code}/"
        case Platform.X:
            tweet = _digits(rng, 19)
            return tweet, f"https://x.com/{handle}/status/{tweet}"
        case Platform.LINKEDIN:
            urn = f"urn:li:share:{_digits(rng, 19)}"
            return urn, f"https://www.linkedin.com/feed/update/{urn}/"
        case Platform.MASTODON:
            status = _digits(rng, 18)
            return status, f"{channel.settings['instance_url']}/@{handle.split('@')[0]}/{status}"
        case Platform.BLUESKY:
            rkey = _chars(rng, _TID_ALPHABET, 13)
            return (
                f"at://{channel.settings['did']}/app.bsky.feed.post/{rkey}",
                f"https://bsky.app/profile/{handle}/post/{rkey}",
            )
        case Platform.TELEGRAM:
            return str(serial), f"https://t.me/{handle}/{serial}"
        case _:
            note = _digits(rng, 12)
            return note, f"{channel.settings['url']}/{note}"


def _remote_inbox(platform: Platform, rng: random.Random) -> str:
    match platform:
        case Platform.FACEBOOK:
            return f"{_digits(rng, 15)}_{_digits(rng, 15)}"
        case Platform.INSTAGRAM:
            return f"180{_digits(rng, 14)}"
        case Platform.BLUESKY:
            did = _chars(rng, _TID_ALPHABET, 24)
            return f"at://did:plc:{did}/app.bsky.feed.post/{_chars(rng, _TID_ALPHABET, 13)}"
        case Platform.TELEGRAM:
            return _digits(rng, 6)
        case _:
            return _digits(rng, 18)
