"""Titles without the site's name; breadcrumbs are never titles."""

from cleaner.text.titles import choose_title, is_breadcrumb, strip_site_name


def test_suffix_with_site_and_date_goes():
    assert strip_site_name("Storms close schools | DW | 19.01.2020", ("dw",)) == "Storms close schools"


def test_suffix_after_guillemet_goes():
    title = "Wie Zellen altern » SciLogs - Wissenschaftsblogs"
    assert strip_site_name(title, ("scilogs",)) == "Wie Zellen altern"


def test_a_dash_inside_the_headline_stays_when_no_part_names_the_site():
    assert strip_site_name("Brexit - what happens next?", ("example",)) == "Brexit - what happens next?"


def test_breadcrumb_is_never_a_title():
    crumb = "Accueil > Actualités et humeurs > La grève continue"
    assert is_breadcrumb(crumb)
    assert choose_title(crumb, ["La grève continue"], ()) == "La grève continue"
    assert choose_title(None, [crumb], ()) is None


def test_h1_wins_over_a_rewritten_declared_title():
    assert choose_title("Best budget laptops of 2025 reviewed - Acme", ["The best budget laptops of 2025"],
                        ("acme",)) == "The best budget laptops of 2025"


def test_h1_about_something_else_loses():
    assert choose_title("Storms close schools - Acme", ["Newsletter"], ("acme",)) == "Storms close schools"


def test_an_h1_that_carries_the_site_name_loses_it():
    assert choose_title("Rail news and coverage | Acme", ["Rail news and coverage | Acme"],
                        ("acme",)) == "Rail news and coverage"
