"""Bylines: person names only, split between names, organisations to the publisher."""

import pytest

from cleaner.text.names import is_organisation, split_authors, trim_name


@pytest.mark.parametrize(("field", "people", "outlets"), [
    ("SPIEGEL ONLINE, Hamburg, Germany", [], ["SPIEGEL ONLINE"]),
    ("Deutsche Welle", [], ["Deutsche Welle"]),
    ("Frankfurter Allgemeine Zeitung GmbH", [], ["Frankfurter Allgemeine Zeitung GmbH"]),
    ("Heise Online", [], ["Heise Online"]),
    ("Letters", [], ["Letters"]),
    ("Jane Doe; John Roe", ["Jane Doe", "John Roe"], []),
    ("Anna Schmidt und Peter Weber", ["Anna Schmidt", "Peter Weber"], []),
    ("Marie Dupont et Jean Roux", ["Marie Dupont", "Jean Roux"], []),
    ("Ana García y Luis Pérez", ["Ana García", "Luis Pérez"], []),
    ("Jane Doe, MD, FACP", ["Jane Doe"], []),
    ("Jane Doe, Senior Editor", ["Jane Doe"], []),
    ("Author Jane Doe", ["Jane Doe"], []),
    ("Jane Doe Trending Editor", ["Jane Doe"], []),
    ("Maria da Silva", ["Maria da Silva"], []),
])
def test_split_authors(field, people, outlets):
    assert split_authors(field) == (people, outlets)


def test_a_company_name_with_and_is_not_split_into_people():
    assert split_authors("Procter and Gamble News") == ([], ["Procter and Gamble News"])


def test_site_name_is_the_publisher_unless_it_is_a_person():
    assert is_organisation("Acme", ("acme",))
    assert not is_organisation("Jane Doe", ("janedoe",))  # a personal site
    assert split_authors("Acme", ("acme",)) == ([], ["Acme"])


def test_whitespace_of_any_kind_is_one_space():
    assert split_authors("\tJane\xa0Doe  ") == (["Jane Doe"], [])


def test_trim_keeps_a_surname_that_is_a_month():
    assert trim_name("Tom May") == "Tom May"
    assert trim_name("Tom Smith May 3") == "Tom Smith"


def test_words_that_are_no_name_are_no_author():
    assert split_authors("Personal finance") == ([], [])
    assert split_authors("Jane Doe Tech Reporter") == (["Jane Doe"], [])
    assert split_authors("jsmith42") == (["jsmith42"], [])  # a user name
