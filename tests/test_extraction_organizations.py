"""Organizations: named bodies with acronyms, kinds and countries; not countries or ministries."""

import pytest
import spacy

from meetings.extraction.organizations import find_organizations
from meetings.extraction.pipeline import DEFAULT_MODEL


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def names(text, doc=None):
    return [org["name"] for org in find_organizations(text, doc)]


def by_name(text, doc=None):
    return {org["name"]: org for org in find_organizations(text, doc)}


def test_acronym_defined_in_parentheses_gives_name_and_acronym_once():
    text = (
        "The Ambassador paid a visit to the International Eurasia Press Fund (IEPF) where he met its "
        "President. The IEPF Vice-President also attended, and IEPF will publish an interview."
    )
    assert find_organizations(text) == [
        {"name": "International Eurasia Press Fund", "acronym": "IEPF", "kind": "ngo", "country": None}
    ]


def test_acronym_before_its_long_form_in_parentheses():
    text = "He thanked Indonesia for its support to ASEAN (Association of Southeast Asian Nations)."
    orgs = find_organizations(text)
    assert [(o["name"], o["acronym"]) for o in orgs] == [("Association of Southeast Asian Nations", "ASEAN")]


def test_definition_followed_by_an_organ_gives_both_organizations():
    text = (
        "He met Organization for Security and Co-operation in Europe (OSCE) Minsk Group Co-chairs, and later "
        "the US Co-Chair of the Minsk Group and the Personal Representative of the OSCE Chairperson-in-Office."
    )
    orgs = [(o["name"], o["acronym"]) for o in find_organizations(text)]
    assert orgs == [
        ("Organization for Security and Co-operation in Europe", "OSCE"),
        ("OSCE Minsk Group", None),
    ]


def test_known_acronym_alone_counts_and_merges_with_its_full_name():
    text = "They congratulated Azerbaijan on chairing the Non-Aligned Movement and said the NAM matters."
    orgs = find_organizations(text)
    assert [(o["name"], o["acronym"], o["kind"]) for o in orgs] == [
        ("Non-Aligned Movement", "NAM", "international")
    ]


def test_acronym_inside_a_longer_name_is_not_a_second_organization():
    text = "They prepared the meeting of the CIS Council of Ministers in Samarkand."
    assert names(text) == ["CIS Council of Ministers"]


def test_the_article_and_a_shorter_form_are_one_organization():
    text = "The OSCE Minsk Group co-chairs visited Baku. The Minsk Group will meet again."
    assert names(text) == ["OSCE Minsk Group"]


def test_legislatures_and_councils_with_their_country():
    text = "He thanked the Senate of Mexico and the UN Security Council. The US Congress agreed."
    orgs = by_name(text)
    assert orgs["Senate of Mexico"]["country"] == "MX"
    assert orgs["Senate of Mexico"]["kind"] == "government"
    assert orgs["US Congress"]["country"] == "US"
    assert orgs["UN Security Council"]["kind"] == "international"


def test_customs_union_named_after_a_list_of_countries():
    text = "They discussed the Customs Union of Russia, Belarus and Kazakhstan and the Single Economic Space."
    assert names(text) == ["Customs Union of Russia, Belarus and Kazakhstan"]


@pytest.mark.parametrize(
    "text",
    [
        "The Ministry of Foreign Affairs of the Republic of Uzbekistan and the Russian Foreign Ministry agreed.",
        "The Embassy of Brazil and Brazil's General Consulate in Barcelona monitored the situation.",
        "He led a delegation of the Presidential Administration of Ukraine.",
        "The Georgian PM’s press service said so, and the White House confirmed.",
        "Foreign Minister of the Russian Federation Sergey Lavrov met the Holy See's envoy.",
        "79 Azerbaijani servicemen of the Azerbaijani Armed Forces died.",
        "The meeting took place at the Zagulba Presidential Palace in Baku.",
    ],
)
def test_executive_offices_countries_and_places_are_not_organizations(text):
    assert names(text) == []


def test_news_agency_cited_as_source():
    text = "A telephone conversation took place on September 17, Trend reports citing the Foreign Ministry."
    orgs = find_organizations(text)
    assert [(o["name"], o["kind"], o["country"]) for o in orgs] == [("Trend", "media", "AZ")]


def test_ordinary_word_that_names_an_agency_counts_only_when_cited():
    assert names("The trend is clear. Trend lines are rising.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jakarta (Indonesia Window) – President Joko Widodo received the guest.", "Indonesia Window"),
        ("Baku, December 2, AZERTAC\nPresident Ilham Aliyev has received a delegation.", "AZERTAC"),
        ("OREANDA-NEWS. May 16, 2011. Sergey Lavrov made a working visit to Kazakhstan.", "OREANDA-NEWS"),
        ("© APA | President Ilham Aliyev received the minister.", "APA"),
        (
            "In his remarks, Kishida spoke …reports Asian Lite News\n\nQuad Foreign Ministers met.",
            "Asian Lite News",
        ),
        ("Agenda.ge, 11 Sep 2014 - 14:34, Tbilisi\n\nThe Prime Minister has met the President.", "Agenda.ge"),
    ],
)
def test_media_in_datelines_credits_and_attributions(text, expected):
    orgs = find_organizations(text)
    assert any(o["name"] == expected or o["acronym"] == expected for o in orgs), orgs
    assert all(o["kind"] == "media" for o in orgs if o["name"] == expected)


def test_photo_credit_names_agencies_but_not_photographers():
    text = "A van drove into the crowd. Andreu Dalmau/Agência Lusa/EPA/All rights reserved"
    assert names(text) == ["Agência Lusa", "European Pressphoto Agency"]


def test_spelling_variants_of_one_outlet_are_merged():
    text = "logo Agência Brasil\nMaiana Diniz reports from Agência Brazil\nPublished on 17/08/2017"
    assert names(text) == ["Agência Brasil"]


def test_a_name_stops_before_the_person_who_follows_it():
    text = "He received President of the European Bank for Reconstruction and Development Odile Renaud-Basso."
    assert names(text) == ["European Bank for Reconstruction and Development"]


def test_well_known_name_is_not_extended_by_a_following_phrase():
    text = "Turkey works with the International Atomic Energy Agency on the Zaporizhzhia plant."
    assert names(text) == ["International Atomic Energy Agency"]


def test_spacy_finds_undefined_acronyms_and_media_names(nlp):
    text = (
        "Our universities, including those with the participation of MGIMO, cooperate closely. In the end, "
        "the Ambassador gave an exclusive interview to international analytical information gateway Eurasia "
        "Diary, operating under the auspices of the Fund."
    )
    found = names(text, nlp(text))
    assert "Eurasia Diary" in found
    assert any(name in ("MGIMO", "Moscow State Institute of International Relations") for name in found)


def test_empty_and_odd_input_gives_no_organizations():
    assert find_organizations("") == []
    assert find_organizations("\x00\x01 ÿþ (((( ////") == []
    assert find_organizations(None) == []


def test_treaties_goods_and_press_secretaries_are_not_organizations(nlp):
    text = (
        "Pentagon Press Secretary Pat Ryder said the ministers discussed LNG supplies, the NPT and the CEPA, "
        "and thanked Hyundai Engineering & Construction Co. for its work."
    )
    assert names(text, nlp(text)) == ["Hyundai Engineering & Construction Co."]


def test_kind_of_a_state_agency_is_government_not_media():
    text = "They praised the Korea Trade-Investment Promotion Agency (KOTRA)."
    assert find_organizations(text) == [
        {
            "name": "Korea Trade-Investment Promotion Agency",
            "acronym": "KOTRA",
            "kind": "government",
            "country": "KR",
        }
    ]


def test_a_social_platform_counts_when_cited_not_in_page_boilerplate():
    cited = find_organizations("The ministry said in a Facebook post that the talks went well.")
    assert [o["name"] for o in cited] == ["Facebook"]
    assert find_organizations("Share on: Facebook | LinkedIn\n\nThe talks went well.") == []


def test_sentences_run_together_and_numbers_are_no_organization_names():
    names = [
        o["name"]
        for o in find_organizations("He met Blinken.The Council of Europe met on 3 May 2021 . Posted in News")
    ]
    assert "Blinken.The" not in names and not any(n[0].isdigit() for n in names)
    assert [o["name"] for o in find_organizations("Azernews.Az reports that the talks went well.")] != []


def test_month_abbreviations_in_capitals_are_no_acronyms():
    found = find_organizations("Posted On: 24 MAR 2026 8:48PM by PIB Delhi")
    assert all(o["name"] != "MAR" for o in found)


def test_an_agency_in_parentheses_after_a_dateline_with_city_country_and_day():
    text = "OSLO, Norway, Mar 3 (NTBX) - The minister met his Danish counterpart Erik Lund.\n"
    assert "NTBX" in names(text)


def test_a_wire_signing_off_after_a_dash_is_a_medium():
    text = "The minister met his Danish counterpart Erik Lund.\n\nHe left for Rome on Friday. — Korrpress\n"
    assert "Korrpress" in names(text)
    text = "The ministers met on Friday.\n\n///zNews, 9 May 2024\n"
    assert "zNews" in names(text)


def test_an_outlet_on_a_line_with_source_is_a_medium():
    text = "The ministers met on Friday.\n\nKora News Source\n"
    assert "Kora News" in names(text)


def test_a_web_address_under_a_government_domain_is_the_outlets_name():
    text = "The ministers met on Friday.\n\n- KoraNews.gov.kx\n"
    assert "KoraNews.gov.kx" in names(text)


def test_a_foreign_ministrys_acronym_and_a_presidential_secretariat_are_executive_offices():
    text = (
        "DFA chief Ana Soto met Tomas Berg, Director of the Kora Institute, at the Presidential Secretariat. "
        "The MFA said the Kora Institute will open an office.\n"
    )
    assert names(text) == ["Kora Institute"]


def test_a_well_known_name_with_a_plus_opening_a_longer_name_is_part_of_it():
    text = "The ministers attended a meeting of the OPEC+ Monitoring Committee in Vienna.\n"
    assert "OPEC+ Monitoring Committee" in names(text)


def test_a_name_after_the_word_company_is_an_organization(nlp):
    text = "The minister met the chairman of the Chilean company KORA MINING Tomas Berg in Santiago.\n"
    assert "KORA MINING" in names(text, nlp(text))


def test_a_group_named_with_a_plus_is_not_the_body_it_extends():
    text = "Kora joined OPEC years ago and now also works within OPEC+.\n"
    assert names(text) == ["Organization of the Petroleum Exporting Countries", "OPEC+"]


def test_a_social_network_named_as_a_place_to_read_or_watch_counts():
    text = "Follow Kora News on Telegram.\nWatch on Youtube\nIn a post on X, the minister thanked him.\n"
    assert {"Telegram", "Youtube", "X"} <= set(names(text))
    assert names("Send X a telegram; Telegram lines were busy.") == []


def test_editors_initials_after_the_end_of_a_wire_story_are_no_media():
    text = "The ministers met in Lima on Friday.\n\n(END) ABC/DEF/GHI\n"
    assert names(text) == []


def test_a_wire_signing_off_with_slashes_after_the_last_sentence_is_a_medium():
    text = "The ministers met on Friday and agreed to meet again. ///zNews, 9 May 2024\n"
    assert names(text) == ["zNews"]


def test_a_dash_between_two_names_separates_them(nlp):
    text = "(MENAFN- Kora News Agency) The ministers met in Lima on Friday.\n"
    found = names(text, nlp(text))
    assert "Kora News Agency" in found
    assert not any("- " in name for name in found)


def test_treaties_plans_and_areas_defined_with_an_acronym_are_no_organizations():
    text = (
        "They signed the Joint Plan of Action (JPOA) and welcomed the Kora Free Trade Area (KFTA) "
        "and the Union of Kora Ports (UKP). The JPOA runs until 2030."
    )
    assert names(text) == ["Union of Kora Ports"]


def test_an_acronym_of_the_name_in_another_language_is_the_names_acronym():
    text = "He met the head of the Andean Community (CAN) in Lima. CAN turns fifty this year."
    assert [(o["name"], o["acronym"]) for o in find_organizations(text)] == [("Andean Community", "CAN")]


def test_an_organ_named_before_its_defined_parent_does_not_take_the_parents_acronym():
    text = "He attended the Council of Ministers of the Union of Kora Ports (UKP). The UKP met later."
    found = [(o["name"], o["acronym"]) for o in find_organizations(text)]
    assert ("Council of Ministers of the Union of Kora Ports", None) in found


def test_a_demonym_does_not_end_a_name_as_a_country_does():
    assert names("They met the Union of South American Nations in Quito.") == [
        "Union of South American Nations"
    ]


def test_a_name_said_both_ways_round_is_one_organization_named_as_first_written():
    text = "They met before the Kora League Council session. The Council of the Kora League then opened."
    assert names(text) == ["Kora League Council"]


def test_legislatures_by_their_own_names_are_organizations():
    text = (
        "The Speaker of the Lok Sabha met the Chairman of the Halk Maslahaty of Turkmenistan. "
        "Both had addressed the Storting."
    )
    assert names(text) == ["Lok Sabha", "Halk Maslahaty of Turkmenistan", "Storting"]


def test_a_school_or_college_is_an_organization():
    text = "He opened the Kora Maarif School and visited the National Defence College of Kora."
    assert names(text) == ["Kora Maarif School", "National Defence College of Kora"]


def test_a_news_service_is_a_medium():
    text = "The ambassador told Kora International News Service that the talks went well."
    assert find_organizations(text) == [
        {"name": "Kora International News Service", "acronym": None, "kind": "media", "country": None}
    ]


def test_an_abbreviated_head_word_makes_a_name_and_matches_the_full_one():
    text = "He met the President of the Kora Comm'n on Ports. The Kora Commission on Ports agreed."
    assert names(text) == ["Kora Comm'n on Ports"]


def test_a_well_known_body_joined_by_a_hyphen_to_another_party_counts():
    text = "They discussed ASEAN-EU relations and NATO-Mexico ties, not the Kora-Lima road."
    assert names(text) == [
        "Association of Southeast Asian Nations",
        "European Union",
        "North Atlantic Treaty Organization",
    ]


def test_the_texts_own_form_of_a_name_beats_the_data_files():
    text = "He attended the SE Europe Cooperation Process (SEECP) summit. SEECP members agreed."
    assert [(o["name"], o["acronym"]) for o in find_organizations(text)] == [
        ("SE Europe Cooperation Process", "SEECP")
    ]


def test_well_known_media_bodies_and_companies_are_found_by_name():
    text = "Voice of America and Radio Free Europe/Radio Liberty reported that Equinor met the Paris Club."
    assert names(text) == [
        "Voice of America",
        "Radio Free Europe/Radio Liberty",
        "Equinor",
        "Paris Club",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met in Lima.\nPhoto credit: Kora Times.\n", "Kora Times"),
        ("The ministers met in Lima.\n© 2024 Lima Daily. All rights reserved.\n", "Lima Daily"),
        (
            "The ministers met in Lima.\nCopyright 2021-2024 KoraNews.kx. All rights reserved.\n",
            "KoraNews.kx",
        ),
        ("He said in an interview with Kora TV that the talks went well.\n", "Kora TV"),
    ],
)
def test_media_in_photo_credits_copyright_lines_and_interviews(text, expected):
    assert names(text) == [expected]


def test_newspaper_words_of_other_languages_make_media_names():
    text = "The talks went well, according to Kora Zeitung and the Lima Inquirer.\n"
    assert names(text) == ["Kora Zeitung"]
    assert names("The talks went well, the Lima Inquirer reported.\n") == ["Lima Inquirer"]


def test_titles_by_initials_time_zones_and_ministries_by_acronym_are_no_organizations(nlp):
    text = "UNSG Ana Soto and DPM Tomas Berg met at 10:00 CET. The PMO and the MoD said the SRSG agreed.\n"
    found = names(text, nlp(text))
    assert not {"UNSG", "DPM", "CET", "PMO", "MoD", "SRSG"} & set(found)


def test_the_commonwealth_by_its_head_word_but_not_a_state_named_commonwealth_of():
    text = "He handles relations with the Commonwealth. The Commonwealth of Kora voted."
    assert names(text) == ["Commonwealth"]


def test_a_demonym_before_party_alone_is_no_name():
    assert names("The Kora Minister said the Vietnamese Party, State and people agree.") == []


def test_possessives_of_people_women_and_children_and_plurals_continue_a_name():
    text = "He met leaders of the Lao People's Revolutionary Party and the Workers' Party of Kora."
    assert names(text) == ["Lao People's Revolutionary Party", "Workers' Party of Kora"]


def test_a_credit_naming_two_agencies_in_capitals_is_no_headline():
    text = "The ministers shook hands in Lima. — AFP/EPA Photo LIMA — The talks began on Monday."
    assert names(text) == ["Agence France-Presse", "European Pressphoto Agency"]


def test_a_one_word_name_opening_an_executive_offices_name_is_not_counted():
    text = "From: Foreign, Commonwealth & Development Office. The Foreign and Commonwealth Office agreed."
    assert names(text) == []


def test_a_treaty_named_with_and_is_still_a_treaty_but_a_group_initiative_is_a_body():
    text = (
        "They signed the Trade and Transit Agreement (TTA) at the Kora Disarmament Initiative (KDI) meeting."
    )
    assert names(text) == ["Kora Disarmament Initiative"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lima, March 3, KNA -- The ministers met on Friday.\n", "KNA"),
        ("The ministers shook hands. (KNA Photo/Ana Soto)\n", "KNA"),
        ("The ministers met.\nThis article first appeared on Kora Times.\n", "Kora Times"),
        ("The ministers met.\nCourtesy: KNA\n", "KNA"),
    ],
)
def test_agencies_after_a_dated_dateline_in_photo_credits_and_republishing_notes(text, expected):
    assert names(text) == [expected]


def test_a_weekday_after_a_dateline_is_no_agency():
    assert names("Lima, March 3, Monday — The ministers met.\n") == []


def test_social_networks_listed_after_on_and_an_account_on_one_count():
    text = "Follow Kora News on Facebook, Instagram and YouTube. The ministry's X account posted it."
    assert names(text) == ["Kora News", "Facebook", "Instagram", "YouTube", "X"]


def test_a_body_before_a_title_in_initials_is_no_headline_in_capitals():
    text = "EU HR/VP Ana Soto met NATO SG Tomas Berg. WHO WILL PAY FOR IT?"
    assert names(text) == ["European Union", "North Atlantic Treaty Organization"]


def test_an_acronym_of_a_longer_name_around_an_organ_is_not_the_organs():
    text = "He met the Presidency of the Council of Ministers (PCM) in Lima."
    assert [(o["name"], o["acronym"]) for o in find_organizations(text)] == [("Council of Ministers", None)]


def test_an_events_edition_by_acronym_and_number_is_no_organization():
    from meetings.extraction.organizations import _is_edition

    assert _is_edition("KSC2023") and _is_edition("COP28") and _is_edition("EXPO-2025")
    assert not _is_edition("G20") and not _is_edition("KSC")


def test_a_page_title_ending_with_the_outlets_name_names_a_medium():
    text = (
        "Ministers meet in Lima | Kora Herald\n\nThe ministers met on Friday. Prices rose - Prime Minister\n"
    )
    assert names(text) == ["Kora Herald"]


def test_a_longer_name_ending_in_a_defined_one_takes_its_acronym_but_an_organ_does_not():
    text = (
        "They thanked the U.S. International Development Finance Corporation (DFC) and the "
        "Council of Ministers of the Union of Kora Ports (UKP)."
    )
    assert [(o["name"], o["acronym"]) for o in find_organizations(text)] == [
        ("U.S. International Development Finance Corporation", "DFC"),
        ("Council of Ministers of the Union of Kora Ports", None),
    ]


def test_aid_and_goods_defined_with_an_acronym_are_no_organizations():
    text = "She thanked Kora for its Official Development Assistance (ODA) and its Kora Trade Agency (KTA)."
    assert names(text) == ["Kora Trade Agency"]


def test_a_byline_names_the_writers_outlet_but_not_a_place_or_a_title():
    assert names("By Staff Reporter | The Kora Herald\nThe ministers met.\n") == ["Kora Herald"]
    assert names("By Ana Soto, KNA\nThe ministers met.\n") == ["KNA"]
    assert names("By Ama Mensah | Accra\nBy Tomas Berg, Senior Correspondent\nThe ministers met.\n") == []


def test_the_outlets_own_name_in_its_footer_and_a_cue_right_after_a_cited_name():
    text = "The ministers met.\nSubscribe to the Lima Daily. Follow Kora News on Telegram.\n"
    assert names(text) == ["Lima Daily", "Kora News", "Telegram"]
