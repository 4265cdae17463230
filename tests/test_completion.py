"""Shell completion reads the plans named earlier on the line, and never hands a shell data
it would run: a hostile id is not offered, a hostile description is made inert (issue 24).

Through Click's completion protocol for bash, zsh, fish and PowerShell, and, for bash, the
completion script itself run by a real bash.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ilotc.cli.completion import safe_for_shells, shown_help
from ilotc.cli.main import app

REFUSED_IDS = [
    "A.1.1$(touch${IFS}pwned)",
    "A.1.2;touch${IFS}pwned",
    "A.1.3`touch${IFS}pwned`",
    "A.1.4*",
    "A.1.5'x",
    "A.1.6|x",
    "A.1.7&x",
    "A.1.9~",
]
"""Ids with shell syntax: `validate` refuses them whatever `ids:` says, so no plan holding one
loads, and completion never sees them."""
HOSTILE_IDS = ["A.1.8,x", "A.1.10=x", "A.1.11@x", "A.1.12%x"]
"""Ids a plan may hold that completion still never offers: only letters, digits and `. _ - / :`
are handed to a shell, whatever else validation lets through."""
HOSTILE_TEXT = "Line one\nA.1.99\tinjected ::: \\$(touch pwned) `x` [bold]red[/b] 'q\" \x1b[2J"


def hostile_plan(folder: Path, ids: list[str] = HOSTILE_IDS) -> Path:
    actions = [("A.1.0", HOSTILE_TEXT), *((ident, "Hostile id.") for ident in ids)]
    body = "\n".join(
        f"      - id: {yaml_str(ident)}\n        text: {yaml_str(text)}\n        timeline: By June 2026"
        for ident, text in actions
    )
    path = folder / "hostile.yaml"
    path.write_text(
        f"format: 2\nids: free\ndocument:\n  title: Hostile\n  language: en\nparts:\n  - id: A\n"
        f"    title: A\n    actions:\n{body}\n",
        encoding="utf-8",
    )
    return path


def yaml_str(text: str) -> str:
    """A double-quoted YAML scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return '"' + escaped.replace("\x1b", "\\e") + '"'


def complete(runner: CliRunner, shell: str, words: str) -> str:
    """What ilotc answers the shell's completion function with, for `words`."""
    env = {"_ILOTC_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env |= {
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
    elif shell == "fish":
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    elif shell == "powershell":
        incomplete = "" if words.endswith(" ") else words.rsplit(maxsplit=1)[-1]
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_WORD_TO_COMPLETE": incomplete}
    else:
        env["_TYPER_COMPLETE_ARGS"] = words
    result = runner.invoke(app, [], env=env, prog_name="ilotc")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_hostile_plan_loads(runner: CliRunner, tmp_path: Path) -> None:
    """The test plan is usable: what follows is completion's doing, not a refused file."""
    result = runner.invoke(app, ["--plan", str(hostile_plan(tmp_path)), "list", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert all(ident in result.stdout for ident in HOSTILE_IDS)


def test_ids_with_shell_syntax_never_load(runner: CliRunner, tmp_path: Path) -> None:
    plan = str(hostile_plan(tmp_path, REFUSED_IDS))
    result = runner.invoke(app, ["--plan", plan, "list"])
    assert result.exit_code == 1
    for ident in REFUSED_IDS:
        assert ident in result.stderr  # each one located and named
    assert complete(runner, "bash", f"ilotc --plan {plan} show A.").strip() == ""


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "powershell"])
@pytest.mark.parametrize("before", [True, False], ids=["plan-before-command", "plan-after-command"])
def test_only_safe_ids_are_offered_from_the_plan_named_on_the_line(
    runner: CliRunner, tmp_path: Path, shell: str, before: bool
) -> None:
    plan = str(hostile_plan(tmp_path))
    words = f"ilotc --plan {plan} show A." if before else f"ilotc show --plan {plan} A."
    out = complete(runner, shell, words)
    assert "A.1.0" in out  # the plan on the line was read (the bundled plan has no A.1.0)
    for ident in HOSTILE_IDS:
        assert ident not in out
    for dangerous in ("\n" + "A.1.99", "\t" + "injected", "\x1b"):
        assert dangerous not in out, (shell, dangerous)
    # the description is one line: every line of the answer is one completion
    lines = [line for line in out.splitlines() if line]
    if shell in ("bash", "fish", "powershell"):
        assert [line.split("\t")[0].split(":::")[0] for line in lines] == ["A.1.0"]
    if shell == "powershell":
        assert all(line.count(":::") == 1 for line in lines)
    if shell == "zsh":  # evaluated: every $ and backquote of the data escaped, by one backslash
        assert re.findall(r"\\*[$`]", out) == ["\\$", "\\`", "\\`"], out


def test_bash_itself_never_runs_an_id(runner: CliRunner, tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    plan = hostile_plan(tmp_path)
    script = runner.invoke(app, [], env={"_ILOTC_COMPLETE": "source_bash"}, prog_name="ilotc").stdout
    ilotc = Path(sys.executable).with_name("ilotc")
    run = subprocess.run(
        [
            bash,
            "-c",
            script.replace(" $1 )", f" {ilotc} )")
            + f"\nCOMP_WORDS=(ilotc --plan {plan} show A.1.); COMP_CWORD=4; _ilotc_completion ilotc\n"
            + 'printf "%s\\n" "${COMPREPLY[@]}"\n'
            + 'eval "echo ${COMPREPLY[*]}"\n',  # the line as the user would run it
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[0] == "A.1.0"
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("I.1a.1", True),
        ("Pilier-1/ação:2+x", True),
        ("banque-mondiale", True),
        ("", False),
        ("-rf", False),
        ("a b", False),
        ("a$b", False),
        ("a\u200bb", False),  # an invisible character
        ("~x", False),
        ("a#b", False),
    ],
)
def test_safe_for_shells(value: str, safe: bool) -> None:
    assert safe_for_shells(value) is safe


def test_shown_help_is_one_inert_line() -> None:
    shown = shown_help(HOSTILE_TEXT)
    assert "\n" not in shown and "\t" not in shown and "\x1b" not in shown and ":::" not in shown
    assert len(shown) <= 80
    assert shown_help("[bold]x[/bold]").startswith("\\[bold]")  # Rich markup escaped for Typer
