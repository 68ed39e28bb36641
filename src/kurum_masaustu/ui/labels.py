"""Translated display names for the domain's enums (one place, so every pane says the same)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kurum_masaustu.domain import (
    Category,
    DeliveryState,
    InboxCategory,
    InboxKind,
    InboxStatus,
    Platform,
)


def platform_name(platform: Platform) -> str:
    names = {
        Platform.FACEBOOK: "Facebook",
        Platform.INSTAGRAM: "Instagram",
        Platform.X: "X",
        Platform.LINKEDIN: "LinkedIn",
        Platform.MASTODON: "Mastodon",
        Platform.BLUESKY: "Bluesky",
        Platform.TELEGRAM: "Telegram",
        Platform.MANUAL: QCoreApplication.translate("Labels", "Manual"),
    }
    return names[platform]


def delivery_state_name(state: DeliveryState) -> str:
    names = {
        DeliveryState.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        DeliveryState.SCHEDULED: QCoreApplication.translate("Labels", "Scheduled"),
        DeliveryState.PUBLISHING: QCoreApplication.translate("Labels", "Publishing"),
        DeliveryState.HANDED_OFF: QCoreApplication.translate("Labels", "Handed to platform"),
        DeliveryState.PUBLISHED: QCoreApplication.translate("Labels", "Published"),
        DeliveryState.FAILED: QCoreApplication.translate("Labels", "Failed"),
        DeliveryState.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
        DeliveryState.UNCERTAIN: QCoreApplication.translate("Labels", "To be checked"),
        DeliveryState.MISSED: QCoreApplication.translate("Labels", "Time passed"),
    }
    return names[state]


#: A short symbol per state, so the calendar can be read without colour.
STATE_SYMBOLS = {
    DeliveryState.DRAFT: "✎",
    DeliveryState.SCHEDULED: "◷",
    DeliveryState.PUBLISHING: "↻",
    DeliveryState.HANDED_OFF: "⇢",
    DeliveryState.PUBLISHED: "✓",
    DeliveryState.FAILED: "⚠",
    DeliveryState.CANCELLED: "✕",
    DeliveryState.UNCERTAIN: "?",
    DeliveryState.MISSED: "◴",
}


def category_name(category: Category) -> str:
    names = {
        Category.ANNOUNCEMENT: QCoreApplication.translate("Labels", "Announcement"),
        Category.SERVICE: QCoreApplication.translate("Labels", "Service information"),
        Category.EVENT: QCoreApplication.translate("Labels", "Event"),
        Category.CELEBRATION: QCoreApplication.translate("Labels", "Celebration"),
        Category.COMMEMORATION: QCoreApplication.translate("Labels", "Commemoration"),
        Category.AWARENESS: QCoreApplication.translate("Labels", "Awareness"),
        Category.CRISIS: QCoreApplication.translate("Labels", "Crisis"),
        Category.ENGAGEMENT: QCoreApplication.translate("Labels", "Engagement"),
    }
    return names[category]


def inbox_kind_name(kind: InboxKind) -> str:
    names = {
        InboxKind.COMMENT: QCoreApplication.translate("Labels", "Comment"),
        InboxKind.REPLY: QCoreApplication.translate("Labels", "Reply"),
        InboxKind.MENTION: QCoreApplication.translate("Labels", "Mention"),
        InboxKind.DIRECT_MESSAGE: QCoreApplication.translate("Labels", "Direct message"),
    }
    return names[kind]


def inbox_status_name(status: InboxStatus) -> str:
    names = {
        InboxStatus.NEW: QCoreApplication.translate("Labels", "New"),
        InboxStatus.READ: QCoreApplication.translate("Labels", "Read"),
        InboxStatus.ANSWERED: QCoreApplication.translate("Labels", "Answered"),
        InboxStatus.RESOLVED: QCoreApplication.translate("Labels", "Resolved"),
        InboxStatus.HIDDEN: QCoreApplication.translate("Labels", "Hidden"),
    }
    return names[status]


def inbox_category_name(category: InboxCategory | None) -> str:
    if category is None:
        return ""
    names = {
        InboxCategory.QUESTION: QCoreApplication.translate("Labels", "Question"),
        InboxCategory.COMPLAINT: QCoreApplication.translate("Labels", "Complaint"),
        InboxCategory.REQUEST: QCoreApplication.translate("Labels", "Request"),
        InboxCategory.PRAISE: QCoreApplication.translate("Labels", "Praise"),
        InboxCategory.SPAM: QCoreApplication.translate("Labels", "Spam"),
        InboxCategory.ABUSE: QCoreApplication.translate("Labels", "Abuse"),
        InboxCategory.OTHER: QCoreApplication.translate("Labels", "Other"),
    }
    return names[category]


def channel_label(display_name: str, platform: Platform) -> str:
    """ "Belediye (Facebook)", but just "Bluesky" when the name already says the platform."""
    name = platform_name(platform)
    return display_name if name.casefold() in display_name.casefold() else f"{display_name} ({name})"
