"""Inline SVG charts (no scripts, no network): stacked stance-share bars."""

from __future__ import annotations

from markupsafe import Markup, escape

STANCE_COLOURS = {"affirms": "#c0392b", "conditional": "#e67e22", "denies": "#2471a3"}


def stance_bar(shares: dict[str, int], width: int = 320, height: int = 18) -> Markup:
    """A horizontal bar split by stance share of independent sources, with a text title."""
    total = sum(shares.values())
    parts = []
    x = 0.0
    for stance, colour in STANCE_COLOURS.items():
        n = shares.get(stance, 0)
        if not total or not n:
            continue
        w = width * n / total
        label = escape(f"{stance}: {n} of {total} sources")
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}">'
            f"<title>{label}</title></rect>"
        )
        x += w
    return Markup(
        f'<svg class="bar" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>'
    )
