"""`ilotc partners`: the registry listed and filtered, one partner in full, links to the plan."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import DATA, EXAMPLES, HIMO_SEED
from ilotc.cli.main import app
from ilotc.model.queries import actions_by_partner, fold, names_partner
from ilotc.store.loading import load

EIGHT_DONORS = ["banque-mondiale", "danemark", "italie", "norvege", "pays-bas", "suede", "suisse", "pnud"]


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def records(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    code, out, _ = run(runner, "partners", *args, "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert isinstance(found, list)
    return found


def ids(runner: CliRunner, *args: str) -> list[str]:
    return [record["id"] for record in records(runner, *args)]


def flat(text: str) -> str:
    """Terminal output as one line of words, without box-drawing characters."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


def example_args(example_plan: Path, example_partners: Path) -> list[str]:
    return ["--plan", str(example_plan), "--partners", str(example_partners)]


# ---------------------------------------------------------------- filters


# The HIMO seed's sentence naming the main donors, verbatim, so the test runs on any clone;
# test_the_donor_sentence_is_the_seeds checks it against the seed where the seed is at hand.
HIMO_DONOR_SENTENCE = (
    "Les principaux donateurs sont la Banque mondiale, le Danemark, l'Italie, la Norvège, "
    "les Pays-Bas, le PNUD, la Suède et la Suisse."
)


def test_himo_donors_are_the_eight_main_donors_of_the_seed(runner: CliRunner) -> None:
    assert ids(runner, "--programme", "himo", "--role", "donor") == EIGHT_DONORS
    named = HIMO_DONOR_SENTENCE.split("Les principaux donateurs sont", 1)[1]
    for record in records(runner, "--programme", "himo", "--role", "donor"):
        assert {"programme": "himo", "role": "donor"} in record["roles"]
        assert any(mention in named for mention in record["mentions"]), record["id"]


@pytest.mark.skipif(not HIMO_SEED.exists(), reason="the seeds live in ../shared/seeds beside the clone")
def test_the_donor_sentence_is_the_seeds() -> None:
    assert HIMO_DONOR_SENTENCE in HIMO_SEED.read_text(encoding="utf-8")


def test_himo_donors_table(runner: CliRunner) -> None:
    code, out, err = run(runner, "partners", "--programme", "himo", "--role", "donor")
    assert code == 0
    text = flat(out)
    for expected in (
        "Banque mondiale Multilateral (40) himo: donor, partner banque-mondiale 8 action(s)",
        "Danemark Government (10) himo: donor, partner danemark DK 6 action(s)",
        "Programme des Nations Unies pour le développement (PNUD) Multilateral (40) himo: donor,",
    ):
        assert expected in text
    assert "gouvernements" not in text
    assert "8 of 45 partners" in err


def test_role_alone_matches_any_programme(runner: CliRunner) -> None:
    assert ids(runner, "--role", "donor") == EIGHT_DONORS
    any_programme = ids(runner, "--role", "partner")
    assert "autres-ministeres" in any_programme  # partner in himo only
    assert "cad-ocde" in any_programme  # partner in plan-ct only
    assert "oit" not in any_programme  # no role at all
    plan_ct = ids(runner, "--programme", "plan-ct", "--role", "partner")
    assert "cad-ocde" in plan_ct and "autres-ministeres" not in plan_ct
    assert set(plan_ct) < set(any_programme)


def test_programme_alone_matches_any_role_in_it(runner: CliRunner) -> None:
    himo = records(runner, "--programme", "himo")
    assert [r["id"] for r in himo][:3] == ["mandants-oit", "gouvernements", "ministeres-travail"]
    assert all(any(role["programme"] == "himo" for role in r["roles"]) for r in himo)
    assert "cad-ocde" not in {r["id"] for r in himo}
    assert ids(runner, "--programme", "HIMO", "--role", "donor") == EIGHT_DONORS


def test_type_filter_by_iati_name(runner: CliRunner) -> None:
    found = records(runner, "--type", "government")
    assert {"danemark", "gouvernements", "partenaires-multi-bilateraux"} <= {r["id"] for r in found}
    assert {(r["type"], r["type_name"]) for r in found} == {("government", "Government (10)")}
    assert ids(runner, "--type", "foundation") == ["fondations"]
    assert ids(runner, "--type", "multilateral", "--role", "donor") == ["banque-mondiale", "pnud"]


@pytest.mark.parametrize("text", ["systeme", "Système", "SYSTÈME", "sYsTeMe des nations"])
def test_search_ignores_case_and_accents(runner: CliRunner, text: str) -> None:
    found = records(runner, "--search", text)
    assert [r["id"] for r in found] == ["systeme-nations-unies"]
    assert found[0]["name"] == "Système des Nations Unies"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("norvege", ["norvege"]),  # id and accent-free name
        ("Norvège", ["norvege"]),
        ("CAD", ["cad-ocde"]),  # short name
        ("Bretton Woods", ["institutions-bretton-woods"]),
        ("principaux donateurs", ["donateurs"]),  # wording in the sources
        ("aucune organisation de ce nom", []),
    ],
)
def test_search_fields(runner: CliRunner, text: str, expected: list[str]) -> None:
    assert ids(runner, "--search", text) == expected


def test_no_filter_lists_the_whole_registry_in_file_order(runner: CliRunner) -> None:
    found = ids(runner)
    assert len(found) == 45 == len(set(found))
    assert found[0] == "oit" and found[-1] == "fonds"
    assert found.index("banque-mondiale") < found.index("pnud") < found.index("centre-turin")


# ---------------------------------------------------------------- records and formats


def test_partner_record_fields(runner: CliRunner) -> None:
    (pnud,) = records(runner, "pnud")
    assert {key: pnud[key] for key in ("id", "name", "type", "country", "iati_id")} == {
        "id": "pnud",
        "name": "Programme des Nations Unies pour le développement",
        "type": "multilateral",
        "country": None,
        "iati_id": "XM-DAC-41114",
    }
    assert pnud["short_name"] == "PNUD"
    assert pnud["type_name"] == "Multilateral (40)"
    assert pnud["group"] is False
    assert pnud["roles"] == [
        {"programme": "himo", "role": "donor"},
        {"programme": "himo", "role": "funds_technical_assistance"},
        {"programme": "himo", "role": "partner"},
        {"programme": "plan-ct", "role": "partner"},
    ]
    assert pnud["groups"] == ["systeme-nations-unies", "donateurs"]
    assert pnud["members"] == []
    assert pnud["mentions"] == ["le PNUD"]
    assert {"III.1a.1", "III.1a.2"} <= set(pnud["actions"])  # via its group, and by name
    assert "III.1b.1" not in pnud["actions"]  # Bretton Woods institutions only
    (danemark,) = records(runner, "danemark")
    assert danemark["country"] == "DK" and danemark["iati_id"] == "XM-DAC-3-1"


def test_groups_are_transitive_and_groups_list_members(runner: CliRunner) -> None:
    (ministries,) = records(runner, "ministeres-finances-planification")
    assert ministries["groups"] == ["gouvernements", "mandants-oit"]
    assert "III.1.1" in ministries["actions"]  # names it
    assert "I.2a.1" in ministries["actions"]  # names mandants-oit, two levels up
    (un,) = records(runner, "systeme-nations-unies")
    assert un["group"] is True
    assert un["members"] == ["oit", "pnud", "coordonnateur-resident"]
    (bretton_woods,) = records(runner, "institutions-bretton-woods")
    assert bretton_woods["members"] == ["banque-mondiale"]
    assert bretton_woods["actions"] == ["III.1.5", "III.1b.1", "III.1b.2", "III.1b.3", "III.1b.4"]


def test_json_is_one_array_on_stdout(runner: CliRunner) -> None:
    code, out, err = run(runner, "partners", "--role", "donor", "-f", "json")
    assert code == 0
    document = json.loads(out)
    assert [r["id"] for r in document] == EIGHT_DONORS
    assert err == ""


def test_csv(runner: CliRunner) -> None:
    code, out, _ = run(runner, "partners", "--programme", "himo", "--role", "donor", "-f", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == [
        "id",
        "name",
        "short_name",
        "type",
        "type_name",
        "group",
        "country",
        "iati_id",
        "roles",
        "groups",
        "members",
        "actions",
    ]
    assert [row[0] for row in rows[1:]] == EIGHT_DONORS
    pnud = dict(zip(rows[0], rows[-1], strict=True))
    assert pnud["type"] == "multilateral" and pnud["type_name"] == "Multilateral (40)"
    assert pnud["roles"] == "himo: donor, funds_technical_assistance, partner; plan-ct: partner"
    assert pnud["groups"] == "systeme-nations-unies; donateurs"
    assert "III.1a.2" in pnud["actions"].split("; ")


def test_markdown(runner: CliRunner) -> None:
    code, out, _ = run(runner, "partners", "--search", "bretton", "-f", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("| id | name | short_name | type | type_name | group |")
    assert lines[1].startswith("|---|---|")
    assert len(lines) == 3
    assert lines[2].startswith("| institutions-bretton-woods | Institutions de Bretton Woods |")
    assert "| III.1.5, III.1b.1, III.1b.2, III.1b.3, III.1b.4 |" in lines[2]


def test_empty_listing_exits_0(runner: CliRunner) -> None:
    code, out, err = run(runner, "partners", "--type", "academic")
    assert code == 0
    assert "0 of 45 partners" in err
    assert json.loads(run(runner, "partners", "--type", "academic", "-f", "json")[1]) == []
    assert out.count("\n") <= 4  # the table's header and borders only


# ---------------------------------------------------------------- one partner in full


def test_pnud_full_view(runner: CliRunner) -> None:
    code, out, _ = run(runner, "partners", "pnud")
    assert code == 0
    text = flat(out)
    for expected in (
        "pnud",
        "Name Programme des Nations Unies pour le développement",
        "Short name PNUD",
        "Type Multilateral (40)",
        "Group no",
        "Country (none)",
        "IATI id XM-DAC-41114",
        "Member of systeme-nations-unies (Système des Nations Unies), donateurs (Donateurs)",
        "donor — himo (Programme HIMO",
        "funds technical assistance — himo",
        "partner — plan-ct (Plan de mise en œuvre",
        "Named as « le PNUD »",
        "III.1a.1 (via systeme-nations-unies): recensement des possibilités",
        "III.1a.2: organisation de réunions de haut niveau avec le PNUD",
        "II.4.5 (via donateurs): une meilleure coordination avec les donateurs",
    ):
        assert expected in text, expected
    assert "III.1b.1" not in text
    assert "Members" not in text  # not a group


def test_group_full_view_lists_members_and_note(runner: CliRunner) -> None:
    code, out, _ = run(runner, "partners", "institutions-bretton-woods")
    assert code == 0
    text = flat(out)
    assert "Group yes" in text
    assert "Members banque-mondiale (Banque mondiale)" in text
    assert "Note The World Bank and the IMF" in text
    assert "III.1b.4: suivi du Cadre de développement intégré" in text


def test_partner_without_actions(runner: CliRunner) -> None:
    code, out, _ = run(runner, "partners", "fondations", "-f", "csv")
    assert code == 0
    assert out.splitlines()[1].startswith("fondations,Fondations,,foundation,Foundation (60),yes,")
    code, out, _ = run(runner, "partners", "pouvoirs-publics-locaux")
    assert code == 0 and "Actions (none in the plan)" in flat(out)


# ---------------------------------------------------------------- both directions agree


def test_partners_and_list_read_the_same_links_for_every_partner(runner: CliRunner) -> None:
    every = records(runner)
    assert len(every) == 45
    linked = 0
    for record in every:
        code, out, _ = run(runner, "list", "--partner", record["id"], "--format", "json")
        assert code == 0
        assert set(record["actions"]) == {action["id"] for action in json.loads(out)}, record["id"]
        linked += bool(record["actions"])
    assert linked >= 30  # most partners are named somewhere, directly or through a group


def test_partners_and_list_agree_on_the_example_files(
    runner: CliRunner, example_plan: Path, example_partners: Path
) -> None:
    files = example_args(example_plan, example_partners)
    every = records(runner, *files)
    assert {r["id"]: r["actions"] for r in every} == {
        "systeme-nations-unies": ["III.1a.1"],
        "pnud": ["I.1a.3", "III.1a.1"],
        "suisse": [],
    }
    for record in every:
        _, out, _ = run(runner, "list", "--partner", record["id"], "-f", "json", *files)
        assert set(record["actions"]) == {action["id"] for action in json.loads(out)}
    assert ids(runner, "--role", "donor", *files) == ["pnud", "suisse"]


def test_precomputed_links_equal_actions_naming() -> None:
    data = load(DATA / "plan.yaml", DATA / "partners.yaml")
    by_partner = actions_by_partner(data.plan, data.registry)
    assert set(by_partner) == data.registry.ids
    for partner_id, found in by_partner.items():
        naming = [action.id for action in data.plan if names_partner(action, partner_id, data.registry)]
        assert found == naming, partner_id
    assert by_partner["banque-mondiale"][-5:] == ["III.1.5", "III.1b.1", "III.1b.2", "III.1b.3", "III.1b.4"]


def test_every_part_iii_organisation_named_links_to_a_registered_partner(runner: CliRunner) -> None:
    data = load(DATA / "plan.yaml", DATA / "partners.yaml")
    registry = data.registry
    listed = {record["id"]: set(record["actions"]) for record in records(runner)}
    checked = 0
    for action in data.plan:
        if action.part != "III":
            continue
        assert set(action.partners) <= registry.ids, action.id
        for partner_id in action.partners:
            assert action.id in listed[partner_id], (action.id, partner_id)
        text = fold(action.text)
        for partner in registry:
            if partner.id == "oit":  # the ILO itself runs the plan; "l'OIT" is everywhere
                continue
            if any(fold(mention) in text for mention in partner.mentions):
                checked += 1
                # named directly, or through a member of it (the OECD through its DAC)
                linking = [named for named in action.partners if partner.id in registry.with_groups([named])]
                assert linking, (action.id, partner.id)
    assert checked >= 20  # 21 (action, organisation) pairs in the bundled plan, from III.1.1 to III.1e.4


# ---------------------------------------------------------------- bad usage


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody"], "no partner 'nobody' in the registry; 'ilotc partners' lists the ids"),
        (["PNUD"], "no partner 'PNUD' in the registry; did you mean pnud?"),
        (["CAD"], "did you mean cad-ocde?"),
        (["Norvège"], "did you mean norvege?"),
        ([""], "no partner '' in the registry; 'ilotc partners' lists the ids"),
        (
            ["--programme", "xyz"],
            "--programme 'xyz' is not a programme of the registry: expected one of himo, plan-ct",
        ),
        (
            ["--role", "boss"],
            "'boss' is not one of 'donor', 'funds_technical_assistance', 'funds_investment'",
        ),
        (["--type", "ngo"], "'ngo' is not one of 'government', 'other_public_sector', 'international_ngo'"),
        (["pnud", "--role", "donor"], "an ID cannot be combined with --role"),
        (["--format", "xml"], "'xml' is not one of 'table', 'json', 'csv', 'markdown'"),
        (["pnud", "suisse"], "unexpected extra argument"),
    ],
)
def test_bad_usage_exits_2(runner: CliRunner, args: list[str], message: str) -> None:
    code, out, err = run(runner, "partners", *args)
    assert code == 2
    assert out == ""
    assert message in " ".join(err.split())


def test_broken_registry_exits_1(runner: CliRunner) -> None:
    code, out, err = run(
        runner, "partners", "--partners", str(EXAMPLES / "invalid" / "partners_references.yaml")
    )
    assert code == 1
    assert out == ""
    assert "partners_references.yaml:" in err and "problems in the data" in err


def test_help(runner: CliRunner) -> None:
    _, out, _ = run(runner, "--help")
    assert "partners" in out
    code, out, _ = run(runner, "partners", "--help")
    assert code == 0
    assert "Usage: ilotc partners [OPTIONS] [ID]" in out
    assert "ilotc partners --programme himo --role donor" in " ".join(out.split())
