"""The identity rules of meetings/ingest/resolution.py, on names alone (no database, no model)."""

from meetings.ingest.resolution import OrganizationIndex, PersonIndex, parse_person_name


def index_of(*people):
    index = PersonIndex()
    for pk, (name, country) in enumerate(people, start=1):
        index.add(pk, name, country)
    index.commit()
    return index


def test_transliteration_variants_and_accents_give_one_name():
    assert parse_person_name("Sergei Lavrov") == parse_person_name("Sergey Lavrov")
    assert parse_person_name("Mevlut Cavusoglu") == parse_person_name("Mevlüt Çavuşoğlu") is not None
    assert parse_person_name("Dmitriy Peskov") == parse_person_name("Dmitry Peskov")


def test_patronymic_forms_and_descriptions_are_not_names():
    assert parse_person_name("Ilham Heydar oglu") is None
    assert parse_person_name("Sergey Viktorovich") is None
    assert parse_person_name("the Russian Minister") is None


def test_initial_and_surname_match_the_known_full_name_with_that_initial():
    index = index_of(("Sergey Lavrov", "RU"), ("Elmar Mammadyarov", "AZ"))
    assert index.match("S.Lavrov", "RU").pk == 1
    assert index.match("S. Lavrov").pk == 1
    assert index.match("Sergei Lavrov", "RU").pk == 1
    assert index.match("E.Mammadyarov", "AZ").pk == 2


def test_a_different_initial_or_first_name_is_another_person():
    index = index_of(("Sergey Lavrov", "RU"))
    assert index.match("A.Lavrov").pk is None
    assert not index.match("Andrei Lavrov").ambiguous


def test_countries_must_agree_when_both_are_known():
    index = index_of(("Sergey Lavrov", "RU"))
    assert index.match("Sergey Lavrov", "AZ").pk is None
    assert index.match("Sergey Lavrov", None).pk == 1


def test_aliyevs_stay_apart_and_a_bare_surname_among_them_is_ambiguous():
    index = index_of(("Ilham Aliyev", "AZ"), ("Heydar Aliyev", "AZ"), ("Mehriban Aliyeva", "AZ"))
    assert index.match("Ilham Aliyev", "AZ").pk == 1
    assert index.match("Heydar Aliyev", "AZ").pk == 2
    assert index.match("Mehriban Aliyeva", "AZ").pk == 3
    assert index.match("I.Aliyev").pk == 1
    bare = index.match("Aliyev", "AZ")
    assert bare.pk is None and bare.ambiguous and bare.candidates == [1, 2]


def test_a_failed_document_leaves_the_index_as_it_was():
    index = index_of(("Sergey Lavrov", "RU"))
    index.add(2, "Ilham Aliyev", "AZ")
    index.add_form(1, "S.Lavrov")
    index.rollback()
    assert index.match("Ilham Aliyev").pk is None
    assert 2 not in index.people


def test_organizations_match_by_name_without_the_article_and_by_acronym():
    index = OrganizationIndex()
    index.add(1, "OSCE Minsk Group")
    index.add(2, "International Eurasia Press Fund", "IEPF")
    index.add(3, "Organization for Security and Co-operation in Europe", "OSCE")
    assert index.match("the OSCE Minsk Group") == [1]
    assert index.match("IEPF") == [2]
    assert index.match("O.S.C.E.") == [3]
    assert index.match("International Eurasia Press Fund", "IEPF") == [2]
    assert index.match("Minsk Group") == []
