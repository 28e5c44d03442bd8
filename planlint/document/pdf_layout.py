"""Page layout of a PDF: running headers, footers and page numbers dropped, lines put in reading order."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Protocol, TypeVar

MARGIN_BAND = 0.12  # share of the page height, at the top and at the bottom, where headers and footers stand
MARGIN_LINES = 3  # only this many lines nearest the top, and the bottom, of a page can be headers or footers
BAND_STEP = 4.0  # points: lines this close vertically count as standing at the same height
MIN_REPEAT_SHARE = 0.25  # a running header or footer stands on at least this share of the pages (and on two)
PAGE_NUMBER = re.compile(r"(?:sida|page|s\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:av|of|/)\s*\d{1,4})?", re.IGNORECASE)
MIN_GUTTER = 6.0  # points: the narrowest blank strip between two columns
MAX_SPANNING_SHARE = 0.25  # at most this share of a page's lines may cross the gap between its columns
MIN_COLUMN_LINES = 3


class Box(Protocol):
    page: int
    left: float
    right: float
    top: float
    bottom: float


def drop_running_lines(pages: list[list], heights: list[float]) -> list[list]:
    """Drop lines in the top or bottom band that repeat on other pages (digits may vary) or are page numbers."""
    keys = [_margin_keys(lines, height) for lines, height in zip(pages, heights)]
    counts = Counter(key for page_keys in keys for key in set(page_keys.values()))
    repeated = {key for key, count in counts.items() if count >= max(2, MIN_REPEAT_SHARE * len(pages))}
    kept = []
    for lines, page_keys in zip(pages, keys):
        kept.append([line for line in lines if not _running(line, page_keys, repeated)])
    return kept


def _running(line, page_keys: dict, repeated: set) -> bool:
    key = page_keys.get(id(line))
    return key is not None and (key in repeated or bool(PAGE_NUMBER.fullmatch(line.text.strip())))


def _margin_keys(lines: list, height: float) -> dict[int, tuple[str, int]]:
    """For the outermost lines of a page that stand in its margin bands: what makes them the same on other pages."""
    by_height = sorted(lines, key=lambda line: -line.top)
    outermost = by_height[:MARGIN_LINES] + by_height[MARGIN_LINES:][-MARGIN_LINES:]
    return {
        id(line): (re.sub(r"\d+", "#", " ".join(line.text.lower().split())), round(line.middle / BAND_STEP))
        for line in outermost
        if line.bottom <= height * MARGIN_BAND or line.top >= height * (1 - MARGIN_BAND)
    }


B = TypeVar("B", bound=Box)


def reading_order(items: list[B]) -> list[B]:
    """Sort a page's lines and tables top to bottom, reading two columns left column first."""
    items = sorted(items, key=lambda item: -item.top)
    gutter = _gutter(items)
    if gutter is None:
        return items
    ordered: list[B] = []
    run: list[B] = []
    for item in items:
        if item.left < gutter < item.right:
            ordered += _columns(run, gutter) + [item]
            run = []
        else:
            run.append(item)
    return ordered + _columns(run, gutter)


def _columns(run: list[B], gutter: float) -> list[B]:
    """A run of items that stand in columns: the left column, then the right one."""
    return [item for item in run if item.right <= gutter] + [item for item in run if item.left >= gutter]


def _gutter(items: Sequence[Box]) -> float | None:
    """The x of a blank strip in the middle of the page that separates two columns of lines, if there is one."""
    if len(items) < 2 * MIN_COLUMN_LINES:
        return None
    low = min(item.left for item in items)
    high = max(item.right for item in items)
    best = _least_covered(items, low + 0.3 * (high - low), low + 0.7 * (high - low))
    if best is None:
        return None
    covered, gutter = best
    left = sum(1 for item in items if item.right <= gutter)
    right = sum(1 for item in items if item.left >= gutter)
    if covered > MAX_SPANNING_SHARE * len(items) or min(left, right) < MIN_COLUMN_LINES:
        return None
    return gutter


def _least_covered(items: Sequence[Box], start: float, stop: float) -> tuple[int, float] | None:
    """The strip between start and stop, at least MIN_GUTTER wide, that the fewest items cross: (count, middle x)."""
    events = sorted([(item.left, 1) for item in items] + [(item.right, -1) for item in items])
    best = None
    covered = 0
    previous = events[0][0]
    for x, change in events:
        low, high = max(previous, start), min(x, stop)
        if high - low >= MIN_GUTTER and (best is None or covered < best[0]):
            best = (covered, (low + high) / 2)
        covered += change
        previous = x
    return best
