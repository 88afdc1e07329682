"""Inline SVG charts (no scripts, no network): stance-share bars and duration histograms.

Every mark carries its figure in `data-*` attributes and a `<title>`, so a reader (or a
test) can read the number behind it without parsing geometry. Labels are escaped: they may
hold scraped text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup, escape

STANCE_COLOURS = {"affirms": "#c0392b", "conditional": "#e67e22", "denies": "#2471a3",
                  "mixed": "#7f8c8d"}

# Day buckets of the threshold histogram (reports/queries/thresholds.sql numbers them 1..9).
DAY_BUCKETS = ("≤3", "4–7", "8–15", "16–30", "31–60", "61–90", "91–180", "181–365", ">365")


def stance_bar(shares: Mapping[str, int], width: int = 320, height: int = 18,
               label: str = "") -> Markup:
    """A horizontal bar split by stance share of independent sources, each part titled.

    Why: one glance shows whether sources mostly affirm, deny or condition a topic; the
    exact counts sit in `data-sources` / `data-total` and the tooltip.
    """
    total = sum(shares.values())
    parts = []
    x = 0.0
    for stance, colour in STANCE_COLOURS.items():
        n = shares.get(stance, 0)
        if not total or not n:
            continue
        w = width * n / total
        title = escape(f"{stance}: {n} of {total} sources, {100 * n / total:.0f}%")
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}" '
            f'data-stance="{stance}" data-sources="{n}" data-total="{total}">'
            f"<title>{title}</title></rect>"
        )
        x += w
    if not total:
        parts.append(f'<rect x="0" y="0" width="{width}" height="{height}" fill="#eee"/>')
    name = escape(label or "stance shares")
    return Markup(
        f'<svg class="bar" role="img" aria-label="{name}" viewBox="0 0 {width} {height}" '
        f'width="100%" preserveAspectRatio="none" data-total="{total}" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )


def day_histogram(counts: Sequence[int], label: str, width: int = 320,
                  height: int = 120) -> Markup:
    """Columns of independent sources per day bucket (DAY_BUCKETS), labelled below.

    Why: shows at a glance whether sources agree on a duration ("called after N days")
    or spread over months.
    """
    n = len(DAY_BUCKETS)
    top = max(counts, default=0) or 1
    base = height - 30
    slot = width / n
    marks = []
    for i, (bucket, count) in enumerate(zip(DAY_BUCKETS, counts, strict=True)):
        h = (base - 14) * count / top
        x = i * slot + 3
        title = escape(f"{bucket} days: {count} sources")
        marks.append(
            f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{slot - 6:.1f}" height="{h:.1f}" '
            f'fill="#566573" data-bucket="{escape(bucket)}" data-sources="{count}">'
            f"<title>{title}</title></rect>"
        )
        if count:
            marks.append(f'<text x="{x + (slot - 6) / 2:.1f}" y="{base - h - 3:.1f}" '
                         f'text-anchor="middle" font-size="10">{count}</text>')
        marks.append(f'<text x="{x + (slot - 6) / 2:.1f}" y="{base + 12}" text-anchor="middle" '
                     f'font-size="8">{escape(bucket)}</text>')
    marks.append(f'<text x="{width / 2:.1f}" y="{height - 4}" text-anchor="middle" '
                 'font-size="9">days</text>')
    return Markup(
        f'<svg class="hist" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(marks)}</svg>'
    )


def month_columns(months: Sequence[str], shares: Mapping[str, Mapping[str, int]], label: str,
                  width: int = 320, height: int = 70) -> Markup:
    """One column per month, split by stance share of that month's sources (a small multiple).

    Why: the researcher's "how has this moved, month by month" at a glance; every part
    carries its month, stance and count in `data-*` and a tooltip. *months* is the common
    x axis of all the small multiples, so they line up.
    """
    n = max(len(months), 1)
    slot = width / n
    base = height - 12
    marks = []
    for i, month in enumerate(months):
        counts = shares.get(month, {})
        total = sum(counts.values())
        y = float(base)
        for stance, colour in STANCE_COLOURS.items():
            k = counts.get(stance, 0)
            if not total or not k:
                continue
            h = (base - 2) * k / total
            y -= h
            title = escape(f"{month}: {stance} {k} of {total} sources")
            marks.append(
                f'<rect x="{i * slot + 0.5:.1f}" y="{y:.1f}" width="{max(slot - 1, 0.5):.1f}" '
                f'height="{h:.1f}" fill="{colour}" data-month="{escape(month)}" '
                f'data-stance="{stance}" data-sources="{k}"><title>{title}</title></rect>')
    if months:
        marks.append(f'<text x="0" y="{height - 1}" font-size="9">{escape(months[0])}</text>')
        marks.append(f'<text x="{width}" y="{height - 1}" font-size="9" '
                     f'text-anchor="end">{escape(months[-1])}</text>')
    return Markup(
        f'<svg class="months" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg">{"".join(marks)}</svg>'
    )
