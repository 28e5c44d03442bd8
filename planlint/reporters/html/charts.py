"""The depth chart of the HTML report: one horizontal bar per concept, as geometry for an inline SVG.

The bar's length is the concept's status (saknas 0 … uppföljd 3), and the status is also written beside the
bar in words and symbol, so that no reader depends on colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from planlint.i18n import Catalog
from planlint.reporters.html.view import ConceptView
from planlint.reporters.labels import status_word
from planlint.result import Status

T = Catalog(
    {
        "title": ("Djup per del av {whole}", "Depth per part of {whole}"),
        "desc_item": ("{name}: {status}", "{name}: {status}"),
        "desc_exempt": ("{name}: undantagen", "{name}: exempt"),
    }
)
LABEL_WIDTH = 220  # the concept names, right-aligned
STEP = 170  # one status level
LEVELS = 3
STATUS_WIDTH = 160  # the status words after the longest bar
ROW = 34
BAR = 20
TOP = 30  # the axis labels
STUB = 4  # a missing concept still gets a visible mark at zero


@dataclass(frozen=True)
class Bar:
    y: int
    width: int
    name: str
    symbol: str
    status: str  # key, for CSS
    status_word: str


@dataclass(frozen=True)
class Tick:
    x: int
    label: str


@dataclass(frozen=True)
class Chart:
    id: str
    width: int
    height: int
    bar_x: int
    full: int  # the width of a complete bar
    bar_height: int
    ticks: list[Tick]
    bars: list[Bar]
    title: str
    desc: str


def depth_chart(concepts: list[ConceptView], chart_id: str, lang: str, whole: str) -> Chart:
    """The chart of one plan; `chart_id` makes the ids of its <title> and <desc> unique in the page."""
    bars = [
        Bar(
            y=TOP + i * ROW,
            width=STEP * LEVELS if c.exempt else max(STEP * c.level, STUB),
            name=c.name,
            symbol=c.symbol,
            status=c.status,
            status_word=c.status_word,
        )
        for i, c in enumerate(concepts)
    ]
    ticks = [Tick(LABEL_WIDTH + STEP * level, status_word(Status(level), lang)) for level in range(1, LEVELS + 1)]
    desc = "; ".join(
        T("desc_exempt", lang, name=c.name) if c.exempt else T("desc_item", lang, name=c.name, status=c.status_word)
        for c in concepts
    )
    return Chart(
        id=chart_id,
        width=LABEL_WIDTH + STEP * LEVELS + STATUS_WIDTH,
        height=TOP + ROW * len(concepts),
        bar_x=LABEL_WIDTH,
        full=STEP * LEVELS,
        bar_height=BAR,
        ticks=ticks,
        bars=bars,
        title=T("title", lang, whole=whole),
        desc=desc + ".",
    )
