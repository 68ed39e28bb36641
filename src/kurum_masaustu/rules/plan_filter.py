"""Which calendar entries a view shows: filters by channel, category, campaign and state.

Pure: it reads four attributes of each entry and never touches Qt or the store. The same filter
is applied to the month, week and agenda views, so they always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from kurum_masaustu.domain import Category, DeliveryState


class Filterable(Protocol):
    @property
    def channel_id(self) -> int: ...

    @property
    def category(self) -> Category: ...

    @property
    def campaign_id(self) -> int | None: ...

    @property
    def state(self) -> DeliveryState: ...


E = TypeVar("E", bound=Filterable)

#: The campaign filter's value for "posts outside any campaign".
NO_CAMPAIGN = 0


@dataclass(frozen=True)
class PlanFilter:
    """None in a field means "any". ``campaign_id`` = :data:`NO_CAMPAIGN` keeps posts outside
    every campaign. A channel or state filter picks deliveries: a post going to two channels
    shows only its delivery on the chosen channel."""

    channel_id: int | None = None
    category: Category | None = None
    campaign_id: int | None = None
    state: DeliveryState | None = None

    @property
    def active(self) -> bool:
        return any(v is not None for v in (self.channel_id, self.category, self.campaign_id, self.state))

    def matches(self, entry: Filterable) -> bool:
        if self.channel_id is not None and entry.channel_id != self.channel_id:
            return False
        if self.category is not None and entry.category != self.category:
            return False
        if self.campaign_id is not None and (entry.campaign_id or NO_CAMPAIGN) != self.campaign_id:
            return False
        return self.state is None or entry.state == self.state

    def apply(self, entries: Iterable[E]) -> list[E]:
        return [entry for entry in entries if self.matches(entry)]
