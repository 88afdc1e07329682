"""Pattern inference: example article (and list) URLs -> a site config's URL patterns.

Pure functions, no I/O: `yuqi site new` and the starter-set tests call them.

A pattern is searched both in absolute URLs (the spider's link extractor) and in
path+query (`SiteConfig.is_article`), so every pattern made here starts with
`PATH_ANCHOR` (an optional scheme and host, then the path) and ends with `$`:
anchored at both ends in both places.

How a path is generalized, segment by segment (URLs of the same shape -- number
of segments, extension, query keys -- are generalized together; several shapes
become an alternation):

- a segment with one value in every example stays literal (`/info/`): the crawl
  stays in the sections the examples came from;
- digit runs become `\\d+`; in a directory segment they keep their length
  (`\\d{6}` for `202504`, `\\d{4}-\\d{2}-\\d{2}` for a date), since dates do;
- letter runs that differ become a class (`[a-z]+`); segments whose token
  structure differs become one character class (`[a-z0-9-]+`);
- the last segment names the document, so even a single example is generalized:
  a multi-word slug (`mei-tuan-ru-he-2`), a random id (`bcfa5BAJpAVVTCgNSVg`),
  a hex digest or a long pinyin word become classes, while a word glued to
  digits (`laws-1893982`) keeps the word.
- query strings keep their (sorted) keys, with values generalized the same way.

When a list URL would match the article pattern, the clashing alternative gets a
negative lookahead for the list URLs' shared prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from pipeline.urls import canonical_url

PATH_ANCHOR = r"^(?:https?://[^/?#]+)?"
_TOKEN = re.compile(r"\d+|[A-Za-z]+|(?:%[0-9A-Fa-f]{2})+|[^A-Za-z0-9%]")
_EXTENSION = re.compile(r"\.(s?html?|php|aspx?|jsp)$", re.IGNORECASE)
# Last-segment stems that name a script or an index page, never a document.
_FIXED_STEMS = frozenset({"index", "default", "show", "view", "detail", "details", "list",
                          "article", "content", "page", "post", "news", "main", "home"})
_MIN_WORD_ID = 6  # a lone lower-case word this long in the last segment is a pinyin slug


@dataclass(frozen=True, slots=True)
class UrlParts:
    """One example URL split the way patterns see it (canonical form)."""

    url: str
    host: str
    segments: tuple[str, ...]  # path segments; the last one without its extension
    extension: str  # ".html", "" when none
    trailing_slash: bool
    query: tuple[tuple[str, str], ...]  # sorted (key, value) pairs

    @property
    def shape(self) -> tuple[object, ...]:
        """URLs of one shape are generalized together."""
        return (len(self.segments), self.extension.lower(), self.trailing_slash,
                tuple(k for k, _ in self.query))


def split_url(url: str) -> UrlParts:
    """Split an http(s) URL into the parts inference works on; ValueError when it is not one."""
    parts = urlsplit(canonical_url(url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    path = parts.path or "/"
    trailing = path.endswith("/") and path != "/"
    segments = [s for s in path.split("/") if s]
    extension = ""
    if segments and not trailing:
        match = _EXTENSION.search(segments[-1])
        if match:
            extension = match.group(0)
            segments[-1] = segments[-1][: match.start()]
    return UrlParts(canonical_url(url), parts.hostname.lower(), tuple(segments), extension,
                    trailing, tuple(sorted(parse_qsl(parts.query, keep_blank_values=True))))


def site_name(host: str) -> str:
    """The config name for a host: lower case, without a leading `www.` and a port."""
    host = host.lower().split(":")[0]
    return host[4:] if host.startswith("www.") else host


def path_and_query(url: str) -> str:
    """What `SiteConfig.is_article` matches: the URL's path, plus `?query` when there is one."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def matches(pattern: str, url: str) -> bool:
    """True when *pattern* matches *url* both as the spider sees it and as `is_article` does."""
    canon = canonical_url(url)
    return bool(re.search(pattern, canon)) and bool(re.search(pattern, path_and_query(canon)))


def _tokens(value: str) -> list[str]:
    return _TOKEN.findall(value)


def _kind(token: str) -> str:
    if token.isdigit():
        return "D"
    if token.isalpha() and token.isascii():
        return "L"
    if token.startswith("%"):
        return "P"
    return "S"


def _letters_class(values: Iterable[str]) -> str:
    joined = "".join(values)
    if joined.islower():
        return "[a-z]+"
    if joined.isupper():
        return "[A-Z]+"
    return "[A-Za-z]+"


def _char_class(values: Iterable[str]) -> str:
    """One character class covering every value (digits, lower, upper, the rest escaped)."""
    chars = set("".join(values))
    parts = []
    if any(c.isdigit() for c in chars):
        parts.append("0-9")
    if any(c.islower() and c.isascii() for c in chars):
        parts.append("a-z")
    if any(c.isupper() and c.isascii() for c in chars):
        parts.append("A-Z")
    others = sorted(c for c in chars if not (c.isascii() and c.isalnum()))
    parts.extend(re.escape(c) if c not in "-" else r"\-" for c in others)
    return "[" + "".join(parts) + "]+"


_DATE_LENGTHS = frozenset({2, 4, 6, 8})  # dd / mmdd / yyyy, yyyymm, yyyymmdd


def _digits(values: Sequence[str], keep_length: bool) -> str:
    lengths = {len(v) for v in values}
    if keep_length and len(lengths) == 1 and (length := lengths.pop()) in _DATE_LENGTHS:
        return rf"\d{{{length}}}"
    return r"\d+"


def _single_stem(stem: str) -> str | None:
    """A class for the document-naming last segment seen once, or None to go token by token."""
    tokens = _tokens(stem)
    kinds = "".join(_kind(t) for t in tokens)
    if not stem or stem.lower() in _FIXED_STEMS:
        return None
    if re.fullmatch(r"[0-9a-f]{16,}", stem) and re.search(r"\d", stem) and re.search("[a-f]",
                                                                                      stem):
        return "[0-9a-f]+"
    if re.fullmatch(r"[A-Za-z0-9]+", stem) and "L" in kinds and (
            ("D" in kinds and len(tokens) >= 3) or (stem != stem.lower() and stem != stem.upper())):
        return "[A-Za-z0-9]+"  # a random id such as bcfa5BAJpAVVTCgNSVg or Epti1bzmzG
    words = [t for t in tokens if _kind(t) == "L"]
    if len(words) >= 2 and re.fullmatch(r"[a-z0-9]+(?:[-_][a-z0-9]+)+", stem):
        return r"[a-z0-9]+(?:[-_][a-z0-9]+)*"  # a multi-word slug
    if kinds == "L" and stem.islower() and len(stem) >= _MIN_WORD_ID:
        return "[a-z]+"  # a pinyin or random lower-case word
    if "P" in kinds:
        return "[^/?#]+"  # a percent-encoded (Chinese) title
    return None


def _segment(values: Sequence[str], last: bool, dates: bool = True) -> str:
    """The regex for one path segment seen with *values* (one per example URL).

    *dates*: digit runs of directory segments keep a date-like length (off for query values).
    """
    distinct = sorted(set(values))
    if last and len(distinct) == 1:
        single = _single_stem(distinct[0])
        if single is not None:
            return single
    if len(distinct) == 1 and not any(_kind(t) == "D" for t in _tokens(distinct[0])):
        return re.escape(distinct[0])
    if last:
        classes = {_single_stem(v) for v in distinct}
        if len(classes) == 1 and None not in classes:
            return str(classes.pop())
    token_lists = [_tokens(v) for v in values]
    kind_seqs = {tuple(_kind(t) for t in toks) for toks in token_lists}
    if len(kind_seqs) != 1:
        return _char_class(values)
    out = []
    for column in zip(*token_lists, strict=True):
        kind = _kind(column[0])
        if kind == "D":
            out.append(_digits(column, keep_length=dates and not last))
        elif len(set(column)) == 1:
            out.append(re.escape(column[0]))
        elif kind == "L":
            out.append(_letters_class(column))
        elif kind == "P":
            out.append("(?:%[0-9A-Fa-f]{2})+")
        else:
            out.append(_char_class(column).removesuffix("+"))
    return "".join(out)


def _query(group: Sequence[UrlParts]) -> str:
    if not group[0].query:
        return ""
    pairs = []
    for i, (key, _) in enumerate(group[0].query):
        values = [u.query[i][1] for u in group]
        pairs.append(f"{re.escape(key)}={_segment(values, last=False, dates=False)}")
    return r"\?" + "&".join(pairs)


def _shape_regex(group: Sequence[UrlParts]) -> str:
    """The path (and query) regex of URLs of one shape, without the anchors."""
    count = len(group[0].segments)
    segs = [_segment([u.segments[i] for u in group], last=i == count - 1) for i in range(count)]
    path = "/" + "/".join(segs)
    if group[0].trailing_slash:
        path += "/"
    return path + re.escape(group[0].extension) + _query(group)


def _groups(urls: Sequence[UrlParts]) -> list[list[UrlParts]]:
    groups: dict[tuple[object, ...], list[UrlParts]] = {}
    for u in urls:
        groups.setdefault(u.shape, []).append(u)
    return list(groups.values())


def _anchor(alternatives: Sequence[str]) -> str:
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return PATH_ANCHOR + body + "$"


def _common_prefix(values: Sequence[str]) -> str:
    prefix = values[0]
    for v in values[1:]:
        while not v.startswith(prefix):
            prefix = prefix[:-1]
    return prefix


def _exclude(alternative: str, lists: Sequence[UrlParts]) -> str:
    """*alternative* with a negative lookahead for the shared path prefix of clashing lists."""
    paths = [path_and_query(u.url) for u in lists]
    prefix = _common_prefix(paths) if len(paths) > 1 else paths[0]
    prefix = prefix if len(prefix) > 1 else paths[0]
    return f"(?!{re.escape(prefix)}){alternative}"


def url_pattern(urls: Sequence[str], avoid: Sequence[str] = ()) -> str:
    """An anchored regex matching every URL of *urls* and none of *avoid* where it can.

    Raises ValueError for an empty list or a URL that is not http(s).
    """
    if not urls:
        raise ValueError("give at least one example URL")
    parts = [split_url(u) for u in urls]
    avoid_parts = [split_url(u) for u in avoid]
    alternatives = []
    for group in _groups(parts):
        alt = _shape_regex(group)
        clash = [a for a in avoid_parts if matches(_anchor([alt]), a.url)]
        if clash:
            alt = _exclude(alt, clash)
        alternatives.append(alt)
    return _anchor(alternatives)


def section_pattern(urls: Sequence[str]) -> str | None:
    """A follow pattern for the section the articles live in (`^.../info/`), or None when
    the examples share no literal first directory (then every link of the site is followed)."""
    parts = [split_url(u) for u in urls]
    firsts = {u.segments[0] if len(u.segments) > 1 else None for u in parts}
    if len(firsts) != 1 or None in firsts:
        return None
    first = firsts.pop()
    assert first is not None
    if any(_kind(t) == "D" for t in _tokens(first)):
        return None
    return PATH_ANCHOR + "/" + re.escape(first) + "/"


@dataclass(frozen=True, slots=True)
class Inferred:
    """What `infer_site` made of the examples, and how each example fares against it."""

    name: str
    hosts: tuple[str, ...]
    article_pattern: str
    follow_patterns: tuple[str, ...]
    follow_source: str  # "list URLs", "article section" or "every link (no list URL given)"
    start_urls: tuple[str, ...]
    sitemaps: tuple[str, ...]
    article_hits: tuple[str, ...]
    article_misses: tuple[str, ...]
    list_clashes: tuple[str, ...]  # list URLs the article pattern matches (should be none)
    list_unfollowed: tuple[str, ...]  # list URLs no follow pattern matches


def _home(url: str) -> str:
    parts = urlsplit(canonical_url(url))
    return f"{parts.scheme}://{parts.netloc}/"


def infer_site(articles: Sequence[str], lists: Sequence[str] = (), name: str = "") -> Inferred:
    """Infer a site config's name, hosts, patterns and start points from example URLs.

    Every URL must be http(s) on one site (hosts equal once `www.` is dropped);
    raises ValueError naming the first one that is not.
    """
    if not articles:
        raise ValueError("give at least one example article URL")
    parts = [split_url(u) for u in [*articles, *lists]]
    sites = {site_name(p.host) for p in parts}
    if len(sites) != 1:
        odd = next(p.url for p in parts if site_name(p.host) != site_name(parts[0].host))
        raise ValueError(f"{odd}: not on the site of {parts[0].url} (one site per config)")
    article_pattern = url_pattern(articles, lists)
    if lists:
        follow: tuple[str, ...] = (url_pattern(lists),)
        follow_source = "list URLs"
    else:
        section = section_pattern(articles)
        follow = (section,) if section else ()
        follow_source = "article section" if section else "every link (no list URL given)"
    hosts = tuple(dict.fromkeys(p.host for p in parts))
    by_host: dict[str, str] = {}
    for u in articles:  # one home per host, in the scheme of its first example
        by_host.setdefault(urlsplit(_home(u)).netloc, _home(u))
    homes = tuple(by_host.values())
    return Inferred(
        name=name or sites.pop(),
        hosts=hosts,
        article_pattern=article_pattern,
        follow_patterns=follow,
        follow_source=follow_source,
        start_urls=tuple(dict.fromkeys(canonical_url(u) for u in lists)) or homes,
        sitemaps=tuple(h + "robots.txt" for h in homes),
        article_hits=tuple(u for u in articles if matches(article_pattern, u)),
        article_misses=tuple(u for u in articles if not matches(article_pattern, u)),
        list_clashes=tuple(u for u in lists if matches(article_pattern, u)),
        list_unfollowed=tuple(u for u in lists if not any(matches(f, u) for f in follow)),
    )
