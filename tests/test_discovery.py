"""Discovery: `--plan DIR` finds the plans of a folder tree by their content, in path order.

The example tree `examples/portfolio/` holds three plans in subfolders, a registry for the
Americas, a plan excluded by `.ilotcignore`, a folder it ignores, a virtual environment
(`env2/pyvenv.cfg`) and a YAML file that is no plan; each test copies it and adds the
folders git cannot hold (`.git`) or that tools own (`node_modules`, `.venv`).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from ilotc.cli.main import app
from ilotc.store.discovery import discover, expand, registry_beside
from ilotc.store.sources import FileKind, sniff_kind

TREE = EXAMPLES / "portfolio"
PLAN_TEXT = (EXAMPLES / "plans" / "shared_ids" / "one.yaml").read_bytes()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "portfolio"
    shutil.copytree(TREE, root)
    for hidden in (".git", "node_modules/pkg", ".venv"):
        (root / hidden).mkdir(parents=True)
        (root / hidden / "hidden-plan.yaml").write_bytes(PLAN_TEXT)
    return root


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_folder_means_its_plans_and_those_below_it_in_path_order(tree: Path) -> None:
    found = [source.path.relative_to(tree).as_posix() for source in expand([tree])]
    assert found == ["africa/kenya/plan.yaml", "africa/regional.yaml", "americas/peru/plan.yaml"]


def test_paths_keep_the_form_the_user_gave(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree.parent)
    assert next(str(s.path) for s in expand([Path("portfolio")])) == os.path.join(
        "portfolio", "africa", "kenya", "plan.yaml"
    )


def test_a_registry_serves_its_folder_and_the_folders_below(tree: Path) -> None:
    beside = {source.path.relative_to(tree).as_posix(): source.beside for source in expand([tree])}
    assert beside == {
        "africa/kenya/plan.yaml": None,
        "africa/regional.yaml": None,
        "americas/peru/plan.yaml": tree / "americas" / "partners.yaml",
    }


def test_the_nearest_folder_with_registries_wins(tmp_path: Path) -> None:
    registries = {tmp_path: [tmp_path / "a.yaml"], tmp_path / "x": [tmp_path / "x" / "b.yaml"]}
    assert registry_beside(tmp_path / "x" / "y" / "p.yaml", tmp_path, registries) == tmp_path / "x" / "b.yaml"
    assert registry_beside(tmp_path / "z" / "p.yaml", tmp_path, registries) == tmp_path / "a.yaml"
    two = {tmp_path: [tmp_path / "a.yaml", tmp_path / "b.yaml"]}
    assert registry_beside(tmp_path / "p.yaml", tmp_path, two) is None  # ambiguous: none


def test_the_cli_uses_every_plan_found_with_its_registry(runner: CliRunner, tree: Path) -> None:
    code, out, err = run(runner, "--plan", str(tree), "list", "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert list(dict.fromkeys(record["plan"] for record in records)) == ["KEN-2025", "regional", "PER-2025"]
    assert [(r["plan"], r["id"]) for r in records if "union" in r["partners"]] == [("PER-2025", "I.1.1")]
    code, out, err = run(runner, "--plan", str(tree), "validate")
    assert (code, out) == (0, ""), err
    assert "5 files checked: 0 errors" in err  # three plans, the Americas registry, the bundled one


def test_plans_named_alike_in_two_folders_are_an_error_that_says_so(runner: CliRunner, tree: Path) -> None:
    shutil.copy(tree / "africa" / "regional.yaml", tree / "americas" / "regional.yaml")
    code, _, err = run(runner, "--plan", str(tree), "list")
    assert code == 1
    assert "two plans in use are named 'regional'" in err


def test_ignore_patterns_are_relative_to_their_own_folder(tree: Path) -> None:
    (tree / "africa" / ".ilotcignore").write_text("kenya/\n", encoding="utf-8")
    found = [source.path.relative_to(tree).as_posix() for source in expand([tree])]
    assert found == ["africa/regional.yaml", "americas/peru/plan.yaml"]


def test_negated_patterns_bring_a_file_back(tree: Path) -> None:
    (tree / ".ilotcignore").write_text("*.yaml\n!africa/regional.yaml\n", encoding="utf-8")
    assert [s.path.relative_to(tree).as_posix() for s in expand([tree])] == ["africa/regional.yaml"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_a_symlink_loop_is_walked_once(tree: Path) -> None:
    (tree / "africa" / "kenya" / "loop").symlink_to(tree / "africa", target_is_directory=True)
    (tree / "americas" / "again").symlink_to(tree / "americas" / "peru", target_is_directory=True)
    found = discover(tree.absolute())
    assert len(found.plans) == 3  # each folder once, whichever link reached it first


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links on this system")
def test_no_link_leads_out_of_the_folder_given(tree: Path, tmp_path: Path) -> None:
    """A pull request may bring a link to `/` or to someone's private plans: discovery keeps to
    the tree it was given, as `registry:` does."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "private.yaml").write_bytes(PLAN_TEXT)
    (outside / "partners.yaml").write_bytes((EXAMPLES / "valid" / "partners.yaml").read_bytes())
    (tree / "africa" / "elsewhere").symlink_to(outside, target_is_directory=True)
    (tree / "americas" / "private.yaml").symlink_to(outside / "private.yaml")
    (tree / "americas" / "peru" / "partners.yaml").symlink_to(outside / "partners.yaml")
    (tree / "root").symlink_to(Path("/"), target_is_directory=True)
    found = discover(tree)
    assert [p.relative_to(tree).as_posix() for p in found.plans] == [
        "africa/kenya/plan.yaml",
        "africa/regional.yaml",
        "americas/peru/plan.yaml",
    ]
    assert all(tree in path.parents for paths in found.registries.values() for path in paths)


def test_a_tree_with_no_plan_says_so(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ci.yml").write_text("on: push\n", encoding="utf-8")
    code, _, err = run(runner, "--plan", str(tmp_path), "list")
    assert code == 2
    assert "a folder with no plan in it" in err


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (b"format: 2\ndocument:\n  title: T\nparts: []\n", FileKind.PLAN),
        (b"# a registry\npartners:\n  - id: a\n", FileKind.PARTNERS),
        (b"name: ci\non: push\n", None),
        (b"  parts: nested, not top-level\n", None),
    ],
)
def test_a_file_is_recognised_by_its_top_level_keys(text: bytes, kind: FileKind | None) -> None:
    assert sniff_kind(text) is kind
