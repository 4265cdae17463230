"""Tables for the terminal: columns sized to the width, words wrapped whole, rows streamed.

Rich lays a table out by measuring every cell as styled segments, which costs seconds for
10,000 rows. A listing's cells are plain text with at most one style each, so this module
measures them as strings (their length is their width unless a character is wide or
combining), wraps them with one regular expression per width at spaces and after hyphens
and slashes (so a 52-character partner id or "régionales/sous-régionales" wraps at a joint),
and yields the table row by row, so the first rows can be written before the last are laid
out.

Column widths: every column gets its natural width (its longest line) when the table fits;
otherwise the text columns shrink, in proportion to the room each has to give, down to their
longest unbreakable word, and then, if need be, the other columns too. Only when even those
do not fit are words broken: first the longest words of text columns, then, on a very
narrow terminal, any.
"""

import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ilotc.output.cells import cell
from ilotc.output.text import visible

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.text import Text

    from ilotc.output.cells import Column

Paint = Callable[[str, str | None], str]
"""Wraps a piece of text in a style's terminal codes (or returns it as it is)."""

UNICODE_BOX = ("┏━┳┓", "┃┃┃", "┡━╇┩", "│││", "└─┴┘")
ASCII_BOX = ("+-++", "|||", "+=++", "|||", "+-++")

# A piece of text with nothing wider or narrower than one cell (no combining mark, no wide
# character) measures its length; anything else goes through Rich's cell widths. These
# ranges (Latin, Greek, Cyrillic, general punctuation, arrows, box drawing) are one cell each.
_NOT_SURELY_NARROW = re.compile(
    "[^\n\u0020-\u007e\u00a0-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25ff]"
)
# The smallest width a text column shrinks to when its words allow it (a readable column).
MIN_TEXT_WIDTH = 12


def narrow(text: str) -> bool:
    """True when every character of `text` takes exactly one cell."""
    # a search over a whole column takes milliseconds (max(text) would take ten times more)
    return text.isascii() or _NOT_SURELY_NARROW.search(text) is None


def width_of(text: str) -> int:
    """The cells `text` (one line) takes on a terminal."""
    if narrow(text):
        return len(text)
    from rich.cells import cell_len  # noqa: PLC0415 - lazy: Rich, rare: wide or combining characters

    return cell_len(text)


def words_of(text: str, *, joints: bool = True) -> list[str]:
    """The pieces a line may not be broken inside: split at spaces and (with `joints`) after
    hyphens and slashes."""
    return (_joints(text) if joints else text).split()


def _joints(text: str) -> str:
    """`text` with a space after each hyphen and slash, where a line may also break."""
    return text.replace("-", "- ").replace("/", "/ ")


def _wrap_wide(line: str, width: int, joints: bool) -> list[str]:
    """Wrap a line that has wide or combining characters, cell by cell."""
    from rich.cells import cell_len, chop_cells  # noqa: PLC0415 - lazy: Rich, as in width

    lines: list[str] = []
    current = ""
    for word in line.split(" "):
        pieces = _joints(word).split(" ") if joints else [word]
        for n, piece in enumerate(pieces):
            if n and not piece:
                continue
            glue = "" if n else " "  # pieces of one word join without a space
            candidate = f"{current}{glue}{piece}" if current else piece
            if cell_len(candidate) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            chopped = chop_cells(piece, width) if cell_len(piece) > width else [piece]
            lines.extend(chopped[:-1])
            current = chopped[-1]
    lines.append(current)
    return lines


def wrap(text: str, width: int, *, joints: bool = True, is_narrow: bool | None = None) -> list[str]:
    """`text` as lines of at most `width` cells, broken at spaces and (with `joints`) after
    hyphens and slashes; a word is split only when it is longer than the whole width. `is_narrow`
    says the text is known to be narrow (or not), saving the check."""
    if is_narrow is None:
        is_narrow = narrow(text)
    if is_narrow and len(text) <= width and "\n" not in text:
        return [text]
    lines: list[str] = []
    for paragraph in text.split("\n") if "\n" in text else (text,):
        if not is_narrow and not narrow(paragraph):
            lines.extend(_wrap_wide(paragraph, width, joints))
            continue
        if len(paragraph) <= width:
            lines.append(paragraph)
            continue
        found = _line_pattern(width, joints).findall(paragraph)
        lines.extend(line.rstrip(" ") for line in found)
    return lines


@functools.cache
def _line_pattern(width: int, joints: bool) -> "re.Pattern[str]":
    """A line of at most `width` characters: up to a space (or the end), else (with `joints`)
    up to and with a hyphen or slash, else `width` characters of a longer word. One C call
    finds every line of a cell."""
    at_space = f".{{1,{width}}}(?: +|$)"
    whole = f".{{{width}}}"
    if joints and width > 1:
        return re.compile(f"{at_space}|.{{1,{width - 1}}}[-/]|{whole}")
    return re.compile(f"{at_space}|{whole}")


class ColumnText(NamedTuple):
    """One column's cells, top to bottom: texts (control characters made visible) and
    styles, and the texts and styles shown under them (or None)."""

    texts: list[str]
    styles: list[str | None] | None
    below: list[str] | None = None
    below_styles: list[str | None] | None = None

    @classmethod
    def of(cls, records: Sequence[dict[str, Any]], column: "Column", *, styled: bool = True) -> "ColumnText":
        """The column's cells in the records (without their styles unless `styled`)."""
        texts, styles = _texts(records, column, styled)
        if column.below is None:
            return cls(texts, styles)
        return cls(texts, styles, *_texts(records, column.below, styled))

    # Widths are maxima, so each distinct text is measured once (cells repeat: a 10,000-action
    # plan has a quarter as many distinct texts and a few dozen distinct timelines).
    def joined(self) -> str:
        """Every distinct text of the column, one after the other, each on its own lines."""
        return "\n".join(set(self.texts))

    def joined_below(self) -> str:
        """Every distinct text shown under the column's texts, each on its own lines."""
        return "\n".join(set(self.below or []))


def _texts(
    records: Sequence[dict[str, Any]], column: "Column", styled: bool
) -> tuple[list[str], list[str | None] | None]:

    if column.value is None:
        values = [record.get(column.key) for record in records]
    else:
        values = [column.value(record) for record in records]
    texts = [value if type(value) is str else cell(value) for value in values]
    # one search for the whole column, over each distinct text once (cells repeat)
    if visible(everything := "\n".join(set(texts))) != everything:
        texts = [visible(text) for text in texts]
    if "\t" in everything:  # a tab has no width of its own in a table cell
        texts = [text.replace("\t", " ") for text in texts]
    if column.style is None or not styled:
        return texts, None
    style = column.style
    return texts, [style(value, record) for value, record in zip(values, records, strict=True)]


def _natural_and_smallest(text: str, is_narrow: bool, joints: bool) -> tuple[int, int]:
    """The longest line and the longest unbreakable word of a column's text (all its cells
    joined by newlines: measured at C speed when every character is narrow)."""
    if is_narrow:
        longest = max(map(len, text.split("\n")))
        words = (_joints(text) if joints else text).split()
        return longest, max(map(len, words), default=0)
    lines = text.split("\n")
    return max(map(width_of, lines)), max(
        (width_of(word) for line in lines for word in words_of(line, joints=joints)), default=0
    )


def column_widths(
    headers: Sequence[str], cells: Sequence[ColumnText], columns: "Sequence[Column]", room: int
) -> tuple[list[int], list[bool], bool]:
    """Each column's width so that the columns share `room` cells (see the module's doc),
    whether each column's text is all narrow, and whether every word stays whole."""
    natural, smallest, headed, bare, narrowness = [], [], [], [], []
    for header, column_text, column in zip(headers, cells, columns, strict=True):
        text = header + "\n" + column_text.joined()
        under = column_text.joined_below()
        is_narrow = narrow(text) and narrow(under)
        longest, word = _natural_and_smallest(text, is_narrow, not column.whole)
        if column.below is not None:
            longest_below, word_below = _natural_and_smallest(under, is_narrow, not column.below.whole)
            longest, word = max(longest, longest_below), max(word, word_below)
        header_word = max(map(width_of, header.split()), default=0)
        least = min(longest, max(word, header_word, MIN_TEXT_WIDTH if column.wrap else 1))
        bare.append(min(longest, max(word, header_word)))
        natural.append(longest)
        smallest.append(least)
        headed.append(max(least, min(longest, width_of(header))))
        narrowness.append(is_narrow)
    if sum(natural) <= room:
        return natural, narrowness, True
    pairs = list(zip(smallest, natural, columns, strict=True))
    choices = (
        # text columns give first, their headers on one line; ids, dates and numbers keep their width
        [
            max(least, head) if column.wrap else high
            for (least, high, column), head in zip(pairs, headed, strict=True)
        ],
        headed,  # then every column, down to its header's width
        smallest,  # then down to the longest word, headers wrapped
        bare,  # then text columns narrower than is comfortable, still without breaking a word
        # then words break: first the long words of text columns, down to a readable width
        [min(least, MIN_TEXT_WIDTH) if column.wrap else least for least, _, column in pairs],
    )
    for number, floors in enumerate(choices):
        if sum(floors) <= room:
            return _shrink(natural, floors, room), narrowness, number < len(choices) - 1
    return _shrink(natural, [1] * len(natural), room), narrowness, False  # a very narrow terminal


def _shrink(widths: list[int], floors: list[int], room: int) -> list[int]:
    """`widths` reduced towards `floors`, each in proportion to what it can give, to fit `room`."""
    excess = sum(widths) - room
    slack = [width - floor for width, floor in zip(widths, floors, strict=True)]
    total = sum(slack)
    if excess <= 0 or total <= 0:
        return widths
    excess = min(excess, total)
    cuts = [excess * give // total for give in slack]
    left = excess - sum(cuts)
    for n in sorted(range(len(widths)), key=lambda k: slack[k] - cuts[k], reverse=True):
        if left == 0:
            break
        if slack[n] > cuts[n]:
            cuts[n] += 1
            left -= 1
    return [width - cut for width, cut in zip(widths, cuts, strict=True)]


def plain(text: str, _style: str | None) -> str:
    """No terminal codes: text as it is."""
    return text


class TextTable(NamedTuple):
    """A listing as a table for the terminal, laid out when its lines are asked for."""

    records: Sequence[dict[str, Any]]
    columns: "Sequence[Column]"
    title: str | None = None

    def lines(self, width: int, paint: Paint = plain, *, ascii_only: bool = False) -> Iterator[str]:
        """The table's lines (with their newlines) for a terminal `width` cells wide; the lines
        of a row come as one string."""
        top, head, rule, body, bottom = ASCII_BOX if ascii_only else UNICODE_BOX
        columns = list(self.columns)
        while True:  # leave optional columns out, last first, rather than break words
            headers = [visible(column.title) for column in columns]
            cells = [ColumnText.of(self.records, column, styled=paint is not plain) for column in columns]
            room = max(len(columns), width - 3 * len(columns) - 1)
            widths, narrowness, whole_words = column_widths(headers, cells, columns, room)
            optional = [n for n, column in enumerate(columns) if column.optional]
            if whole_words or not optional:
                break
            del columns[optional[-1]]
        if self.title:
            yield (
                paint(visible(self.title).center(sum(widths) + 3 * len(widths) + 1).rstrip(), "italic") + "\n"
            )
        yield top[0] + top[2].join(top[1] * (w + 2) for w in widths) + top[3] + "\n"
        header_cells = [wrap(header, w) for header, w in zip(headers, widths, strict=True)]
        header_styles: list[list[str | None]] = [["bold"] * len(c) for c in header_cells]
        yield from _row_lines(header_cells, header_styles, widths, narrowness, head, paint)
        yield rule[0] + rule[2].join(rule[1] * (w + 2) for w in widths) + rule[3] + "\n"
        blocks = [
            _padded_cells(column_text, w, column, is_narrow, paint)
            for column_text, w, column, is_narrow in zip(cells, widths, columns, narrowness, strict=True)
        ]
        left, inner, right = f"{body[0]} ", f" {body[1]} ", f" {body[2]}\n"
        between = right + left  # the end of a row's line and the start of its next
        blanks = [[" " * w] for w in widths]
        # each row's height, and below each row's lines joined, by C loops (map), not per line
        heights = map(max, itertools.repeat(0), *[map(len, block) for block in blocks])  # 0: max of one
        for row, height in zip(zip(*blocks, strict=True), heights, strict=True):
            full = [lines + blank * (height - len(lines)) for lines, blank in zip(row, blanks, strict=True)]
            # a row's lines at once: one string per row, not per line, to the writer
            yield left + between.join(map(inner.join, zip(*full, strict=True))) + right
        yield bottom[0] + bottom[2].join(bottom[1] * (w + 2) for w in widths) + bottom[3] + "\n"

    def text(self, width: int) -> str:
        """The whole table as plain text."""
        return "".join(self.lines(width))

    def __rich_console__(self, console: "Console", options: "ConsoleOptions") -> "Iterator[Text]":
        """The table inside a Rich document (the terminal report), as wide as Rich allows."""
        from rich.text import Text  # noqa: PLC0415 - lazy: Rich, only when a console renders it

        for line in self.lines(options.max_width, ascii_only=options.ascii_only):
            yield Text(line.rstrip("\n"), no_wrap=True, overflow="ignore")


def _row_lines(
    cells: list[list[str]],
    styles: list[list[str | None]],
    widths: list[int],
    narrowness: list[bool],
    box: str,
    paint: Paint,
) -> Iterator[str]:
    left, inner, right = f"{box[0]} ", f" {box[1]} ", f" {box[2]}\n"
    height = max(map(len, cells))
    columns = []
    for lines, painted, w, is_narrow in zip(cells, styles, widths, narrowness, strict=True):
        if is_narrow and (paint is plain or not any(painted)):
            padded = [line.ljust(w) for line in lines]
        else:
            padded = [
                (paint(line, style) if style else line) + " " * (w - width_of(line))
                for line, style in zip(lines, painted, strict=True)
            ]
        if len(padded) < height:
            padded += [" " * w] * (height - len(padded))
        columns.append(padded)
    for parts in zip(*columns, strict=True):
        yield left + inner.join(parts) + right


def _padded_cells(
    cells: ColumnText, width: int, column: "Column", is_narrow: bool, paint: Paint
) -> list[list[str]]:
    """Each row's lines of one column, wrapped, painted and padded to `width` (a column at a
    time, so the work per row is a few list operations)."""
    above = _padded_texts(cells.texts, cells.styles, width, not column.whole, is_narrow, paint)
    if cells.below is None:
        return above
    joints = column.below is not None and not column.below.whole
    below = _padded_texts(cells.below, cells.below_styles, width, joints, is_narrow, paint)
    return list(map(operator.add, above, below))


def _padded_texts(
    texts: list[str], styles: list[str | None] | None, width: int, joints: bool, is_narrow: bool, paint: Paint
) -> list[list[str]]:
    """Each text's lines, wrapped, painted and padded to `width`."""
    narrow_hint = True if is_narrow else None
    # Cells repeat (a 10,000-action plan has a quarter as many distinct texts and a few dozen
    # distinct timelines, readings and statuses), so each distinct one is laid out once; rows
    # share its list of lines, which nothing changes afterwards.
    done: dict[tuple[str, str | None], list[str]] = {}
    rows = []
    for key in zip(texts, styles or [None] * len(texts), strict=True):
        text, style = key
        if is_narrow and style is None and len(text) <= width and "\n" not in text:
            rows.append([text.ljust(width)])  # most cells (ids, statuses): one line, nothing to wrap or paint
            continue
        lines = done.get(key)
        if lines is None:
            wrapped = wrap(text, width, joints=joints, is_narrow=narrow_hint)
            lines = done[key] = _paint(wrapped, style, width, is_narrow, paint)
        rows.append(lines)
    return rows


def _paint(lines: list[str], style: str | None, width: int, is_narrow: bool, paint: Paint) -> list[str]:
    """A cell's lines padded to `width`, each wrapped in its style's codes where it has one."""
    if is_narrow and (style is None or paint is plain):
        return [line.ljust(width) for line in lines]
    if style is None or paint is plain:
        return [line + " " * (width - width_of(line)) for line in lines]
    return [paint(line, style) + " " * (width - width_of(line)) for line in lines]
