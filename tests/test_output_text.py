"""Escaping of untrusted text for each output kind."""

from hypothesis import given
from hypothesis import strategies as st

from ilotc.output.text import (
    annotation_message,
    annotation_property,
    calendar_text,
    csv_cell,
    html_value,
    line,
    markdown,
    no_commands,
    number,
    visible,
)

RAW_CONTROL = [chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]]


def test_visible_escapes_terminal_sequences():
    assert visible("a\x1b]52;c;aGk=\x07b") == "a\\e]52;c;aGk=\\x07b"
    assert visible("x\u202ey") == "x\\u202ey"
    assert visible("two\nlines\tok") == "two\nlines\tok"
    assert visible("name\n.yaml", multiline=False) == "name\\n.yaml"


@given(st.text())
def test_visible_never_leaves_a_raw_control_character(text):
    shown = visible(text)
    assert not any(char in shown for char in RAW_CONTROL)


def test_markdown_neutralises_structure():
    assert markdown("# heading") == "\\# heading"
    assert markdown("a | b") == "a \\| b"
    assert markdown("<script>x</script>") == "&lt;script&gt;x&lt;/script&gt;"
    assert markdown("line one\n- item") == "line one<br>\\- item"
    assert markdown("Plan d'action (2000)") == "Plan d'action (2000)"


@given(st.text())
def test_markdown_keeps_a_value_on_one_line_without_raw_html(text):
    shown = markdown(text)
    assert "\n" not in shown and "\r" not in shown
    assert "<" not in shown.replace("<br>", "")


def test_csv_cell_neutralises_formulas_unless_raw():
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("@SUM(A1)") == "'@SUM(A1)"
    assert csv_cell("-2+3") == "'-2+3"
    assert csv_cell("-2+3", raw=True) == "-2+3"
    assert csv_cell("Achevée en avril 2000") == "Achevée en avril 2000"


@given(st.text())
def test_annotations_never_break_their_line(text):
    assert "\n" not in annotation_message(text) and "\r" not in annotation_message(text)
    assert not {":", ",", "\n"} & set(annotation_property(text))


def test_csv_cell_shows_control_characters_and_keeps_line_breaks():
    assert csv_cell("\ra\x1b[2J") == "'\\ra\\e[2J"
    assert csv_cell("two\nlines") == "two\nlines"


def test_one_line_text_and_numbers_of_any_size():
    assert line("plan\n::error::x.yaml") == "plan\\n::error::x.yaml"
    assert line("caf\udce9") == "caf\\udce9"  # an undecodable byte of argv
    assert number(276) == "276"
    assert number(int("f" * 3600, 16)).startswith("0xfff")


def test_calendar_text_keeps_line_breaks_as_newlines_and_shows_other_controls():
    assert calendar_text("a\r\nb\rc\x07") == "a\nb\nc\\x07"


def test_html_values_are_escaped_on_one_source_line():
    assert str(html_value("<b>a</b>\n::error\x1b")) == "&lt;b&gt;a&lt;/b&gt;&#10;::error\\e"
    assert html_value(int("f" * 3600, 16)) == hex(int("f" * 3600, 16))
    assert html_value(True) is True


def test_annotations_show_other_control_characters_escaped():
    assert (
        annotation_property("bad\n::error::y\x1b[2J\u202e.yaml")
        == "bad%0A%3A%3Aerror%3A%3Ay\\e[2J\\u202e.yaml"
    )
    assert annotation_message("a\x07b\nc") == "a\\x07b%0Ac"


def test_no_commands_marks_each_command_form() -> None:
    assert no_commands("  ::error::x\na::b") == "  \\::error::x\na::b"
    assert no_commands("see ##[error] here") == "see ##\\[error] here"
    assert no_commands("###[x ##[y") == "###\\[x ##\\[y"
    assert no_commands("\u3000\u00a0\ufeff::error::x") == "\u3000\u00a0\ufeff\\::error::x"
    assert no_commands("a\u2028 ::e") == "a\u2028 \\::e"
    assert no_commands("word\u200b::x") == "word\u200b::x"
    assert no_commands("\x1b[31m ::warning::x") == "\x1b[31m \\::warning::x"
    assert no_commands("plain text: ok") == "plain text: ok"


def test_html_writes_a_legacy_command_with_a_character_reference() -> None:
    assert str(html_value("##[error]x")) == "&#35;#[error]x"
