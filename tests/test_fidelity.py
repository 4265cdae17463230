"""The bundled data says what the seeds say: counts, verbatim text, every organisation."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from conftest import DATA, HIMO_SEED, PLAN_SEED

seeds_present = pytest.mark.skipif(
    not PLAN_SEED.exists(), reason="the seeds live in ../shared/seeds beside the clone"
)


def _plan() -> dict:
    return yaml.safe_load((DATA / "plan.yaml").read_text(encoding="utf-8"))


def _partners() -> dict:
    return yaml.safe_load((DATA / "partners.yaml").read_text(encoding="utf-8"))


def _actions(plan: dict) -> list[tuple[str, dict]]:
    found = []
    for part in plan["parts"]:
        for section in part["sections"]:
            for action in section["actions"]:
                found.append((part["id"], action))
            for group in section["groups"]:
                for action in group["actions"]:
                    found.append((part["id"], action))
            for issue in section["issues"]:
                for action in issue["actions"]:
                    found.append((part["id"], action))
    return found


def _seed_text() -> str:
    # Non-breaking spaces stand as they are in the seed.
    return PLAN_SEED.read_text(encoding="utf-8")


def test_per_part_counts() -> None:
    counts = Counter(part for part, _ in _actions(_plan()))
    assert counts == {"I": 24, "II": 28, "III": 26}


def test_ids_are_unique_and_follow_the_numbering() -> None:
    ids = [action["id"] for _, action in _actions(_plan())]
    assert len(ids) == len(set(ids)) == 78
    assert ids[:5] == ["I.1a.1", "I.1a.2", "I.1a.3", "I.1a.4", "I.1b.1"]
    assert {"I.4b.1", "II.4.6", "III.1c.3", "III.1e.4"} <= set(ids)


@seeds_present
def test_every_action_text_and_timeline_is_verbatim() -> None:
    seed = _seed_text()
    for _, action in _actions(_plan()):
        assert action["text"] in seed, action["id"]
        if action["timeline"] is not None:
            assert action["timeline"] in seed, action["id"]


@seeds_present
def test_titles_and_contexts_are_verbatim() -> None:
    seed = _seed_text()
    plan = _plan()
    for part in plan["parts"]:
        assert part["title"] in seed
        for section in part["sections"]:
            assert section["title"] in seed
            for piece in (section["context"] or "").split("\n\n"):
                assert piece in seed
            for issue in section["issues"]:
                assert issue["title"] in seed
                for piece in (issue["context"] or "").split("\n\n"):
                    assert piece in seed
    for paragraph in plan["document"]["paragraphs"]:
        assert paragraph["text"].split("\n\n")[0] in seed


def test_typos_are_kept() -> None:
    text = (DATA / "plan.yaml").read_text(encoding="utf-8")
    for typo in ("actvités", "plus grante attention", "coopératoin"):
        assert typo in text


def test_timelines_shared_and_missing_as_the_seed_gives_them() -> None:
    actions = {action["id"]: action for _, action in _actions(_plan())}
    study = (
        "La planification de l'étude devrait démarrer en janvier 2000 et se terminer à la fin de l'année 2000"
    )
    assert [actions[f"II.1.{n}"]["timeline"] for n in (1, 2, 3)] == [study] * 3
    first_group = "Les actvités en rapport avec ces initiatives commenceront en janvier 2000"
    assert [actions[f"II.4.{n}"]["timeline"] for n in range(1, 6)] == [first_group] * 5
    assert [actions[f"II.4.{n}"]["timeline"] for n in range(6, 10)] == [None] * 4
    assert [actions[f"I.3b.{n}"]["timeline"] for n in (1, 2, 3)] == [
        "Sur une base régulière",
        "D'ici septembre 2000",
        "D'ici mars 2000",
    ]


def test_document_metadata() -> None:
    document = _plan()["document"]
    assert document["symbol"] == "GB.276/TC/2"
    assert document["session"] == 276
    assert document["meeting"] == "1999-11"
    assert document["date"] == "1999-09-28"
    assert document["last_modified"] == "2000-01-26"
    assert [p["number"] for p in document["paragraphs"]] == list(range(1, 10))


def test_himo_main_donors_are_exactly_the_eight() -> None:
    donors = {
        partner["id"]
        for partner in _partners()["partners"]
        for role in partner.get("roles", [])
        if role == {"programme": "himo", "role": "donor"}
    }
    assert donors == {
        "banque-mondiale",
        "danemark",
        "italie",
        "norvege",
        "pays-bas",
        "pnud",
        "suede",
        "suisse",
    }


@seeds_present
def test_every_partner_mention_is_in_a_seed() -> None:
    seeds = _seed_text() + HIMO_SEED.read_text(encoding="utf-8")
    for partner in _partners()["partners"]:
        assert partner["mentions"], partner["id"]
        for mention in partner["mentions"]:
            assert mention in seeds, (partner["id"], mention)


@seeds_present
@pytest.mark.parametrize(
    "wording",
    [
        "Banque mondiale",
        "Danemark",
        "Italie",
        "Norvège",
        "Pays-Bas",
        "PNUD",
        "Suède",
        "Suisse",
        "Centre de Turin",
        "ministères des Finances et de la Planification",
        "Comité d'aide au développement de l'OCDE",
        "organisations régionales",
        "institutions de Bretton Woods",
        "banques régionales de développement",
        "système des Nations Unies",
        "Coordonnateur résident",
        "Commission européenne",
        "Parlement européen",
        "Conseil économique et social",
        "Prince of Wales Business Forum",
        "secteur privé",
        "fondations",
        "ministères du travail",
        "pouvoirs publics locaux",
        "associations de travailleurs du secteur informel",
        "comités de développement locaux",
        "agences des bailleurs de fonds",
        "banques de développement",
    ],
)
def test_every_organisation_named_in_the_seeds_is_registered(wording: str) -> None:
    mentions = " | ".join(m for p in _partners()["partners"] for m in p["mentions"] + [p["name"]])
    assert wording.casefold() in mentions.casefold()


def test_norway_is_a_string_country() -> None:
    norway = next(p for p in _partners()["partners"] if p["id"] == "norvege")
    assert norway["country"] == "NO"
