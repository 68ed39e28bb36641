"""Fire-and-forget coroutines on the qasync loop, kept referenced until they finish.

asyncio holds only weak references to tasks; a task nobody keeps can vanish mid-way.
Exceptions still reach the loop's exception handler (the crash reporter).
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

_running: set[asyncio.Task[Any]] = set()


def spawn(coroutine: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
    task = asyncio.ensure_future(coroutine)
    _running.add(task)
    task.add_done_callback(_finished)
    return task


def _finished(task: asyncio.Task[Any]) -> None:
    _running.discard(task)
    if not task.cancelled() and task.exception() is not None:
        loop = task.get_loop()
        loop.call_exception_handler({"message": "background task failed", "exception": task.exception(), "task": task})


async def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run blocking work in a worker thread and wait for it without blocking the UI.

    Unlike ``asyncio.to_thread`` this does not need a *running* loop: qasync also steps tasks
    while Qt processes events outside ``run_forever`` (e.g. before the loop starts).
    """
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, functools.partial(function, *args))


async def pause(seconds: float) -> None:
    """``asyncio.sleep`` that also works while qasync steps the task outside ``run_forever``
    (``asyncio.sleep`` asks for a *running* loop and fails there)."""
    loop = asyncio.get_event_loop()
    future: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not future.done():
            future.set_result(None)

    loop.call_later(seconds, wake)
    await future


def alive(obj: object) -> bool:
    """False once a Qt object's C++ side is gone (a widget closed while its task was waiting)."""
    import shiboken6

    return bool(shiboken6.isValid(obj))
