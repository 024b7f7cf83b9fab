"""Places: the gazetteer, toponym resolution by context, and event locations."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from whodid.geo.gazetteer import (
    Entry,
    Gazetteer,
    GazetteerError,
    canonical,
    default_gazetteer,
    load_abbreviations,
    load_admin1_points,
    load_built,
    load_countries,
    load_regions,
    normalise,
)
from whodid.geo.toponyms import find_mentions

# -- gazetteer (no model) ---------------------------------------------------------------------

_HEADER = "kind\tname\tcountry\tadmin1\tadmin2\tlat\tlon\tpopulation\tkeys"


def _small() -> Gazetteer:
    rows = [
        "country\tArnor\tARN\t\t\t10.0\t20.0\t5000000\tarnor",
        "admin1\tEriador\tARN\tEriador\t\t11.0\t21.0\t900000\teriador",
        "city\tFornost\tARN\tEriador\t\t11.5\t21.5\t40000\tfornost|norbury",
    ]
    names = ["arnor\t0", "eriador\t1", "fornost\t2", "norbury\t2"]
    gazetteer = Gazetteer()
    load_built(gazetteer, lines=[_HEADER, *rows], names=names)
    return gazetteer


def test_normalise_ignores_case_accents_dots_and_article() -> None:
    assert normalise("Culiacán") == "culiacan"
    assert normalise("the U.S.") == "us"
    assert normalise("Guinea-Bissau") == "guinea bissau"
    assert normalise("Côte d’Ivoire") == "cote divoire"


def test_small_gazetteer_lookup_and_alternate_names() -> None:
    gazetteer = _small()
    (fornost,) = gazetteer.lookup("Norbury")
    assert fornost.name == "Fornost"
    assert fornost.feature == "city"
    assert gazetteer.countries["ARN"].lat == 10.0
    assert gazetteer.region("ARN", "Eriador") is not None
    assert gazetteer.lookup("Gondor") == []


def test_begins_tells_whether_a_name_can_still_match() -> None:
    gazetteer = _small()
    load_regions(gazetteer, text="Misty Mountains\t\tregion\tARN\t\t12.0\t22.0\n")
    assert gazetteer.begins("forn") and gazetteer.begins("fornost")
    assert gazetteer.begins("misty") and gazetteer.begins("misty mountains")
    assert not gazetteer.begins("fornost gate") and not gazetteer.begins("gondor")


def test_scan_finds_the_longest_gazetteer_name_of_several_words() -> None:
    words = ["They", "moved", "to", "Rio", "de", "Janeiro", "from", "Winston", "-", "Salem", "."]
    pos = ["PRON", "VERB", "ADP", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN"]
    spaces = [True, True, True, True, True, True, True, False, False, False, False]
    starts = [True] + [False] * (len(words) - 1)
    doc = Doc(
        spacy.blank("en").vocab, words=words, spaces=spaces, pos=[*pos, "PUNCT"], sent_starts=starts
    )
    found = [(doc[m.start : m.end].text, m.source) for m in find_mentions(doc, default_gazetteer())]
    assert found == [("Rio de Janeiro", "gazetteer"), ("Winston-Salem", "gazetteer")]


def test_st_and_saint_mt_and_mount_are_one_name() -> None:
    assert canonical("st paul") == "saint paul" and canonical("mt vernon") == "mount vernon"
    assert canonical("stone mountain") == "stone mountain"
    gazetteer = _small()
    load_regions(gazetteer, text="Saint Fornost\t\tregion\tARN\t\t12.0\t22.0\n")
    assert [e.name for e in gazetteer.lookup("St. Fornost")] == ["Saint Fornost"]


def test_admin1_points_move_a_region_and_name_bad_lines() -> None:
    gazetteer = _small()
    load_admin1_points(gazetteer, text="ARN\tEriador\t15.0\t25.0\n")
    (eriador,) = gazetteer.lookup("Eriador")
    assert (eriador.lat, eriador.lon) == (15.0, 25.0)
    with pytest.raises(GazetteerError, match=r"admin1_points\.tsv:1: no first-level region"):
        load_admin1_points(gazetteer, text="ARN\tRhudaur\t15.0\t25.0\n")
    with pytest.raises(GazetteerError, match=r"admin1_points\.tsv:2: latitude"):
        load_admin1_points(gazetteer, text="ARN\tEriador\t15.0\t25.0\nARN\tEriador\t95\t2\n")


def test_bad_built_row_names_file_and_line() -> None:
    gazetteer = Gazetteer()
    bad = "city\tFornost\tARN\tEriador\t\tnorth\t21.5\t40000\tfornost"
    load_built(gazetteer, lines=[_HEADER, bad], names=["fornost\t0"])
    with pytest.raises(GazetteerError, match=r"gazetteer\.tsv\.gz:2: latitude 'north'"):
        gazetteer.lookup("Fornost")


def test_bad_name_index_is_refused() -> None:
    with pytest.raises(GazetteerError, match=r"gazetteer_names\.tsv\.gz:1"):
        load_built(Gazetteer(), lines=[_HEADER], names=["fornost\tseven"])


def test_countries_file_errors_name_file_and_line() -> None:
    gazetteer = _small()
    text = "# comment\nARN\t12.0\t22.0\tNorth Kingdom\tArnorian\nARNX\t\t\t\t\n"
    with pytest.raises(GazetteerError, match=r"countries\.tsv:3: 'ARNX' is not an ISO"):
        load_countries(gazetteer, text=text)


def test_countries_file_corrects_point_and_adds_names() -> None:
    gazetteer = _small()
    load_countries(gazetteer, text="ARN\t12.0\t22.0\tNorth Kingdom\tArnorian|Arnorians\n")
    (country,) = gazetteer.lookup("North Kingdom")
    assert (country.lat, country.lon) == (12.0, 22.0)
    assert gazetteer.lookup("Arnor")[0].lat == 12.0
    assert gazetteer.lookup("Arnorians")[0].kind == "demonym"


def test_regions_file_validates_feature_and_range() -> None:
    gazetteer = _small()
    with pytest.raises(GazetteerError, match=r"regions\.tsv:1: feature must be region or other"):
        load_regions(gazetteer, text="Misty Mountains\t\tmountain\tARN\t\t12\t22\n")
    with pytest.raises(GazetteerError, match=r"regions\.tsv:2: latitude 95\.0 is out of range"):
        load_regions(
            gazetteer, text="Old Forest\t\tregion\tARN\t\t11\t21\nFar North\t\tregion\t\t\t95\t0\n"
        )
    with pytest.raises(GazetteerError, match=r"regions\.tsv:1: expected 7 tab-separated fields"):
        load_regions(gazetteer, text="Old Forest\tregion\n")


def test_abbreviation_of_unknown_region_is_an_error() -> None:
    gazetteer = _small()
    with pytest.raises(GazetteerError, match=r"admin1_abbreviations\.tsv:1: no first-level region"):
        load_abbreviations(gazetteer, text="ARN\tRhudaur\tRh.\n")
    load_abbreviations(gazetteer, text="ARN\tEriador\tEri.\n")
    region = gazetteer.region(None, "Eri.")
    assert isinstance(region, Entry) and region.name == "Eriador"


def test_package_gazetteer_knows_countries_regions_and_demonyms() -> None:
    gazetteer = default_gazetteer()
    kinds = {(e.kind, e.country) for e in gazetteer.lookup("Georgia")}
    assert ("country", "GEO") in kinds and ("admin1", "USA") in kinds
    assert any(e.kind == "demonym" and e.country == "KEN" for e in gazetteer.lookup("Kenyan"))
    assert any(e.feature == "region" for e in gazetteer.lookup("Darfur"))
    assert any(e.feature == "region" for e in gazetteer.lookup("Donbas"))
    usa = gazetteer.countries["USA"]
    assert abs(usa.lat - 39.8) < 0.5 and abs(usa.lon + 98.6) < 0.5  # not countryinfo's (38, -97)
    assert gazetteer.region("USA", "Calif.") is not None


def test_hand_written_files_validate() -> None:
    for loader in (load_countries, load_regions, load_abbreviations, load_admin1_points):
        loader(_package_copy())


def _package_copy() -> Gazetteer:
    gazetteer = Gazetteer()
    load_built(gazetteer)
    return gazetteer
