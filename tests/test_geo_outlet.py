"""The outlet's home place: a known outlet's table row, or a US town read out of its name."""

from __future__ import annotations

import pytest

from whodid.geo.gazetteer import GazetteerError, default_gazetteer
from whodid.geo.outlet import Home, load_outlets, outlet_home, outlet_table, place_in_name


def _home(url: str | None, source: str | None = None) -> tuple[str, str | None, bool] | None:
    home = outlet_home(url, source, default_gazetteer())
    return (home.place.name, home.place.admin1, home.local) if home else None


def test_known_outlets_by_domain_sub_domain_and_name() -> None:
    assert _home("https://www.seattletimes.com/seattle-news/x") == ("Seattle", "Washington", True)
    assert _home("http://blogs.seattletimes.com/y") == ("Seattle", "Washington", True)
    assert _home(None, "The Seattle Times") == ("Seattle", "Washington", True)
    assert _home("https://www.nytimes.com/2024/01/01/world/x.html")[2] is False  # type: ignore[index]


def test_a_us_town_read_out_of_a_domain_or_an_outlet_name() -> None:
    assert _home("http://www.springdalegazette.com/a") == ("Springdale", "Arkansas", True)
    assert _home("pressofatlanticcity.com") == ("Atlantic City", "New Jersey", True)
    assert _home(None, "The Sunnyvale Sun") == ("Sunnyvale", "California", True)
    assert _home("https://newportnewsdaily.com/b") == ("Newport News", "Virginia", True)
    # a town with a title's initials after it: "Post-Intelligencer"
    assert _home("https://www.spokanepi.com/c") == ("Spokane", "Washington", True)


def test_no_home_from_words_alone_or_unknown_foreign_domains() -> None:
    assert _home("https://www.dailyheraldtribune.com/x") is None
    assert _home("https://www.example.com.eg/x") is None
    assert _home(None, "Reuters") is None
    assert _home(None, None) is None


def test_a_name_of_several_towns_settles_on_the_supported_state() -> None:
    words = outlet_table().words
    towns = place_in_name("athensdailynews", default_gazetteer(), words)
    assert len(towns) > 2 and towns[0].population >= towns[1].population
    home = Home(towns, local=True).settle({("USA", "Texas"): 3, ("USA", "Ohio"): 1})
    assert home.place.admin1 == "Texas"


def test_a_country_domain_gives_its_town_or_at_least_its_country() -> None:
    assert _home("https://www.oxfordandbanburytimes.co.uk/a") == ("Oxford", "England", True)
    assert _home("https://www.example.co.uk/x") == ("United Kingdom", None, False)
    assert _home("https://news.example.ca/x") == ("Canada", None, False)


def test_outlet_files_are_validated() -> None:
    gazetteer = default_gazetteer()
    bad_scope = "Gondor Herald\tgondorherald.com\tSeattle\tWashington\tUSA\tplanetary\n"
    with pytest.raises(GazetteerError, match=r"outlets\.tsv:1: scope"):
        load_outlets(gazetteer, text=bad_scope, words_text="news\n")
    no_town = "Gondor Herald\tgondorherald.com\tMinas Tirith\t\tUSA\tlocal\n"
    with pytest.raises(GazetteerError, match=r"outlets\.tsv:1: no town"):
        load_outlets(gazetteer, text=no_town, words_text="news\n")
    with pytest.raises(GazetteerError, match=r"outlet_words\.tsv:2:"):
        load_outlets(gazetteer, text="", words_text="news\nDaily Star\n")
    with pytest.raises(GazetteerError, match=r"country_domains\.tsv:1:"):
        load_outlets(gazetteer, text="", words_text="news\n", domains_text="co.uk\tGBR\n")
