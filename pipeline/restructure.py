"""Give table and ``<br>`` layouts the paragraph structure trafilatura needs.

Old CMS templates (DedeCMS and its kin) put the whole article, its headings,
related-article teasers, call-to-action boxes and fake comments in one
``<td>``, separated by ``<br>`` only. Trafilatura writes a table as one
Markdown row per ``<tr>`` and a ``<br>`` run as one paragraph, so headings
glue onto the next sentence and teasers cannot be told apart. Before
extraction, on the parsed tree:

a *layout table* (a cell holding a long ``<br>``-separated text, or a
one-cell frame around paragraphs) becomes plain ``<div>`` blocks, and the
``<br>`` lines of such a cell become one ``<p>`` each. A heading line such as
``一、...`` or a short question then stands alone, where the claim segmenter
reads it as a heading, and each teaser is its own paragraph for the teaser
rules. (Outside tables trafilatura already writes each ``<br>`` line as a line
of its own; splitting those too made it keep more furniture on real pages.)
"""

from __future__ import annotations

from typing import TypeAlias

import lxml.etree
import lxml.html

# A cell with this much text of its own, or any of these block children, is layout.
_LAYOUT_CELL_CHARS = 200
_BLOCK_TAGS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
                         "table", "blockquote", "pre", "section", "article"})
_TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_TABLE_PARTS = frozenset({"table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"})
_MIN_BREAKS = 2
_BR_CELL_CHARS = 80


def _is_element(node: object) -> bool:
    return isinstance(node, lxml.etree._Element) and isinstance(node.tag, str)


def _own_text_chars(cell: lxml.html.HtmlElement) -> int:
    """Characters of the cell's text outside nested tables."""
    total = len((cell.text or "").strip())
    for child in cell:
        if not _is_element(child):
            continue
        if child.tag != "table":
            total += len("".join(child.itertext()).strip())
        total += len((child.tail or "").strip())
    return total


def _is_layout_cell(cell: lxml.html.HtmlElement) -> bool:
    """A cell holding a text with its own structure: long, in paragraphs, headings or lines."""
    if _own_text_chars(cell) < _LAYOUT_CELL_CHARS:
        return False
    blocks = sum(1 for c in cell if _is_element(c) and c.tag in _TEXT_BLOCKS)
    return blocks >= 2 or _is_br_cell(cell)


def _is_br_cell(cell: lxml.html.HtmlElement) -> bool:
    """A cell holding a whole text as ``<br>``-separated lines (the DedeCMS body cell)."""
    breaks = sum(1 for c in cell if _is_element(c) and c.tag == "br")
    return breaks >= _MIN_BREAKS and _own_text_chars(cell) >= _BR_CELL_CHARS


def _own(table: lxml.html.HtmlElement, tags: tuple[str, ...]) -> list[lxml.html.HtmlElement]:
    return [c for c in table.iter(*tags) if next(c.iterancestors("table"), None) is table]


def is_layout_table(table: lxml.html.HtmlElement) -> bool:
    """A table used for layout, not data.

    Either a table of one cell holding blocks or long text (a frame around the
    body), or any cell holding a long ``<br>``-separated text. Other grids are
    left alone: on real portal pages trafilatura finds the content cell in
    those, and unwrapping them made it keep the page furniture (measured on
    extraction-zh).
    """
    cells = _own(table, ("td", "th"))
    if any(_is_br_cell(c) for c in cells):
        return True
    return len(cells) == 1 and _is_layout_cell(cells[0])


def unwrap_layout_tables(tree: lxml.html.HtmlElement) -> int:
    """Turn every layout table into ``<div>`` blocks; return how many tables changed."""
    changed = 0
    for table in list(tree.iter("table")):
        if not is_layout_table(table):
            continue
        for cell in _own(table, ("td", "th")):
            if _is_br_cell(cell):
                split_br_lines(cell)
        for el in [table, *table.iter(*_TABLE_PARTS)]:
            if el is table or next(el.iterancestors("table"), None) is table:
                el.tag = "div"
        changed += 1
    return changed


Part: TypeAlias = "str | lxml.html.HtmlElement"


def _split_lines(block: lxml.html.HtmlElement) -> list[list[Part]]:
    """The block's content cut at ``<br>`` (and around block children) into lines."""
    lines: list[list[Part]] = [[]]
    if block.text:
        lines[-1].append(block.text)
    for child in block:
        if not _is_element(child):
            continue
        if child.tag == "br":
            lines.append([])
        elif child.tag in _BLOCK_TAGS:
            lines.append([child])
            lines.append([])
        else:
            lines[-1].append(child)
        if child.tail:
            lines[-1].append(child.tail)
            child.tail = None
    return lines


def _line_text(line: list[Part]) -> str:
    return "".join(x if isinstance(x, str) else "".join(x.itertext()) for x in line)


def split_br_lines(block: lxml.html.HtmlElement) -> None:
    """Rewrite a ``<br>``-separated block as one ``<p>`` per non-blank line (in place)."""
    lines = _split_lines(block)
    block.text = None
    for child in list(block):
        block.remove(child)
    for line in lines:
        first = line[0] if len(line) == 1 else None
        if not isinstance(first, str) and first is not None and first.tag in _BLOCK_TAGS:
            block.append(first)
            continue
        if not _line_text(line).strip():
            continue
        p = lxml.html.Element("p")
        for part in line:
            if isinstance(part, str):
                if len(p):
                    p[-1].tail = (p[-1].tail or "") + part
                else:
                    p.text = (p.text or "") + part
            else:
                p.append(part)
        block.append(p)


def restructure(tree: lxml.html.HtmlElement) -> None:
    """Unwrap layout tables (in place)."""
    unwrap_layout_tables(tree)
