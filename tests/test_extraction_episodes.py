"""Several encounters told one after another are separate meetings; planned ones are none."""

from extraction_helpers import by_name, only_meeting


def test_one_host_listing_counterparts_of_several_countries_met_each_separately(extractor):
    text = (
        "2021-05-04\n\n"
        "Foreign Minister Tomas Berg exchanged views with Foreign Minister of Chile, Ana Soto, "
        "Kenya's Foreign Minister, Peter Otieno and Foreign Minister of Fiji, Laila Naidu.\n"
    )
    meetings = extractor.extract(text, "list.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [
        ["Ana Soto", "Tomas Berg"],
        ["Peter Otieno", "Tomas Berg"],
        ["Laila Naidu", "Tomas Berg"],
    ]


def test_a_list_after_a_plural_title_is_met_together(extractor):
    text = (
        "2021-05-04\n\n"
        "Foreign Minister Tomas Berg met with Co-chairs Ana Soto (Chile), Peter Otieno (Kenya) and "
        "Laila Naidu (Fiji) in Geneva.\n"
    )
    meeting = only_meeting(extractor.extract(text, "cochairs.txt"))
    assert sorted(by_name(meeting)) == ["Ana Soto", "Laila Naidu", "Peter Otieno", "Tomas Berg"]


def test_a_trilateral_meeting_is_one_meeting(extractor):
    text = (
        "2021-05-04\n\n"
        "Foreign Minister Tomas Berg held a trilateral meeting with Foreign Minister of Chile Ana Soto "
        "and Foreign Minister of Kenya Peter Otieno.\n"
    )
    meeting = only_meeting(extractor.extract(text, "tri.txt"))
    assert len(meeting["participants"]) == 3


def test_also_met_with_a_new_counterpart_is_another_meeting_with_the_same_host(extractor):
    text = (
        "2022-09-20\n\n"
        "Minister Ida Holm met with Brazilian Foreign Minister Carlos Lima on Tuesday.\n\n"
        "On the sidelines she also held talks with her Japanese counterpart Ken Mori.\n"
    )
    meetings = extractor.extract(text, "also.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [["Carlos Lima", "Ida Holm"], ["Ida Holm", "Ken Mori"]]


def test_a_name_inside_what_is_welcomed_is_no_counterpart(extractor):
    text = (
        "2022-09-20\n\n"
        "President Ida Holm received Prime Minister Carlos Lima of Brazil.\n\n"
        "President Holm welcomed the progress of the talks between Minister Ken Mori and Minister Ana Soto.\n"
    )
    meeting = only_meeting(extractor.extract(text, "welcome.txt"))
    assert sorted(by_name(meeting)) == ["Carlos Lima", "Ida Holm"]


def test_an_upcoming_visit_is_no_meeting(extractor):
    text = (
        "2022-09-20\n\n"
        "President Ida Holm spoke by phone with Prime Minister Carlos Lima of Brazil.\n\n"
        "The President welcomed the upcoming visit by Foreign Minister Ken Mori of Japan next week.\n"
    )
    meeting = only_meeting(extractor.extract(text, "upcoming.txt"))
    assert sorted(by_name(meeting)) == ["Carlos Lima", "Ida Holm"]


def test_planned_meetings_are_told_as_still_to_come(extractor):
    from meetings.extraction.planning import planned

    nlp = extractor.nlp
    assert planned(next(nlp("The minister is due to hold talks with Ken Mori.").sents))
    assert planned(next(nlp("Ken Mori will meet the minister on Friday.").sents))
    assert planned(next(nlp("They discussed an upcoming visit of Ken Mori.").sents))
    assert not planned(next(nlp("Ken Mori met the minister on Friday.").sents))


def test_a_host_named_only_by_title_in_the_meeting_sentence_is_a_participant(extractor):
    text = (
        "Secretary-General Pia Lund\n\nGeneva, 21 May 2012\n\n"
        "The Secretary-General met today with H.E. Mr. Omar Haddad, President of Jordan.\n"
    )
    meeting = only_meeting(extractor.extract(text, "title.txt"))
    assert sorted(by_name(meeting)) == ["Omar Haddad", "Pia Lund"]


def test_a_second_visitor_calling_on_the_same_host_is_a_meeting_of_its_own(extractor):
    text = (
        "2021-05-04\n\n"
        "Chilean Ambassador Ana Soto has met President Tomas Berg.\n\n"
        "The Kenyan High Commissioner, Peter Otieno, also called on President Tomas Berg.\n"
    )
    meetings = extractor.extract(text, "visitors.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [
        ["Ana Soto", "Tomas Berg"],
        ["Peter Otieno", "Tomas Berg"],
    ]


def test_meetings_with_several_people_before_a_journey_are_met_one_by_one_and_told_again_once(extractor):
    text = (
        "2018-07-24\n\n"
        "Foreign Secretary Tom Hale will travel to Ottawa later today, following two days of meetings in "
        "Washington with Vice President Ann Lee, Secretary of State Bob Marsh and Senator Carl Dunn.\n\n"
        "Hale said he was delighted to meet Vice President Ann Lee and Secretary Bob Marsh.\n"
    )
    meetings = extractor.extract(text, "journey.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [
        ["Ann Lee", "Tom Hale"],
        ["Bob Marsh", "Tom Hale"],
        ["Carl Dunn", "Tom Hale"],
    ]
    assert {by_name(m)["Tom Hale"]["country"] for m in meetings} != {"US"}


def test_a_later_encounter_told_as_yesterdays_takes_that_day(extractor):
    text = (
        "2021-05-04\n\n"
        "Chilean Ambassador Ana Soto has met President Tomas Berg.\n\n"
        "The Kenyan High Commissioner, Peter Otieno, also called on President Tomas Berg yesterday.\n"
    )
    meetings = extractor.extract(text, "yesterday.txt")["meetings"]
    assert [m["date"] for m in meetings] == ["2021-05-04", "2021-05-03"]


def test_a_list_of_counterparts_one_of_a_country_not_recognised_is_still_met_one_by_one(extractor):
    text = (
        "2021-05-04\n\n"
        "Foreign Minister Tomas Berg exchanged views with Foreign Minister of Chile, Ana Soto, "
        "Kenya's Foreign Minister, Peter Otieno and Foreign Minister of Freedonia, Laila Naidu.\n"
    )
    meetings = extractor.extract(text, "oddcountry.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [
        ["Ana Soto", "Tomas Berg"],
        ["Peter Otieno", "Tomas Berg"],
        ["Laila Naidu", "Tomas Berg"],
    ]


def test_two_coordinated_subjects_discussing_met_each_other(extractor):
    text = (
        "2022-09-20\n\n"
        "President Ida Holm received Prime Minister Carlos Lima of Brazil on Monday.\n\n"
        "Later, Foreign Minister Ken Mori and the Chilean Ambassador, Ana Soto, discussed trade.\n"
    )
    meetings = extractor.extract(text, "coordinated.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [["Carlos Lima", "Ida Holm"], ["Ana Soto", "Ken Mori"]]


def test_during_a_conversation_with_someone_tells_another_encounter_of_the_host(extractor):
    text = (
        "2023-12-14\n\n"
        "Minister Ida Holm talked with Foreign Secretary Carlos Lima of Brazil on Thursday.\n\n"
        "During her conversation with Japan's Foreign Minister Ken Mori, Minister Holm stressed trade.\n"
    )
    meetings = extractor.extract(text, "during.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [["Carlos Lima", "Ida Holm"], ["Ida Holm", "Ken Mori"]]


def test_a_meeting_still_ahead_told_by_its_noun_is_no_encounter(extractor):
    from meetings.extraction.encounter_parse import encounter_told_by_noun

    sent = next(extractor.nlp("Ahead of his meeting with Ken Mori, the minister spoke to reporters.").sents)
    assert not any(encounter_told_by_noun(t) for t in sent)
    sent = next(extractor.nlp("During his meeting with Ken Mori, the minister stressed trade.").sents)
    assert any(encounter_told_by_noun(t) for t in sent)


def test_a_minister_accompanying_an_upcoming_visit_is_not_present(extractor):
    text = (
        "2022-09-20\n\n"
        "President Ida Holm spoke by phone with Prime Minister Carlos Lima of Brazil.\n\n"
        "The President welcomed the upcoming visit by Foreign Minister Ken Mori and an accompanying "
        "delegation next week.\n"
    )
    meeting = only_meeting(extractor.extract(text, "accompanying.txt"))
    assert sorted(by_name(meeting)) == ["Carlos Lima", "Ida Holm"]


def test_a_name_closing_a_long_titled_object_after_a_comma_is_met(extractor):
    text = (
        "2021-08-24\n\n"
        "Minister Ida Holm received in audience the Ambassador of Japan, Ken Mori, on Tuesday.\n\n"
        "Holm also received in audience the Minister Delegate to the Chilean Minister of External "
        "Relations in charge of Relations with the Commonwealth, Carlos Lima.\n"
    )
    meetings = extractor.extract(text, "longtitle.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [["Ida Holm", "Ken Mori"], ["Carlos Lima", "Ida Holm"]]


def test_presenting_a_letter_of_credence_is_meeting_the_head_of_state(extractor):
    text = (
        "2021-04-15\n\n"
        "President Ida Holm on Wednesday welcomed new ambassadors from nine countries in Oslo.\n\n"
        "Presenting his letter of credence to President Holm, Chilean Ambassador Carlos Lima said he "
        "would strengthen relations.\n"
    )
    meeting = only_meeting(extractor.extract(text, "credence.txt"))
    assert sorted(by_name(meeting)) == ["Carlos Lima", "Ida Holm"]


def test_two_subjects_discussing_in_a_named_city_met_each_other(extractor):
    text = (
        "2019-09-11\n\n"
        "Energy Minister Ida Holm met OPEC Secretary General Ken Mori in Abu Dhabi on Wednesday.\n\n"
        "Norwegian Energy Minister Ida Holm and his Russian counterpart Carlos Lima discussed in Abu Dhabi "
        "prospects of cooperation between the two countries in the energy sector, Polar News reports "
        "referring to the Energy Ministry of Norway.\n"
    )
    meetings = extractor.extract(text, "twosubjects.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [["Ida Holm", "Ken Mori"], ["Carlos Lima", "Ida Holm"]]


def test_a_host_named_only_by_title_joins_the_two_guests_met_jointly(extractor):
    text = (
        "Geneva\n\n17 September 2023\n\n"
        "Readout of the Secretary-General's meeting with Mr. Carlos Lima, President of the Council "
        "and Mr. Ken Mori, High Representative of the Union\n\n"
        "Pia Lund, Secretary-General\n\n"
        "The Secretary-General met jointly with the President of the Council, Mr. Carlos Lima, and the "
        "High Representative of the Union, Mr. Ken Mori.\n"
    )
    meeting = only_meeting(extractor.extract(text, "jointly.txt"))
    assert sorted(by_name(meeting)) == ["Carlos Lima", "Ken Mori", "Pia Lund"]


def test_a_planned_meeting_told_first_is_not_the_main_meeting(extractor):
    text = (
        "2022-09-20\n\n"
        "President Ida Holm has no plans to meet Prime Minister Carlos Soto of Brazil, who is in Oslo.\n\n"
        "Soto held talks with Foreign Minister Ken Mori on Monday.\n"
    )
    meeting = only_meeting(extractor.extract(text, "noplans.txt"))
    assert sorted(by_name(meeting)) == ["Carlos Soto", "Ken Mori"]


def test_relations_evaluated_with_someone_are_an_encounter_with_them(extractor):
    text = (
        "2022-09-20\n\n"
        "President Ida Holm received Prime Minister Carlos Soto of Brazil on Monday.\n\n"
        "Then, Minister Ken Mori evaluated bilateral relations with Foreign Minister Ana Ruiz of Chile.\n"
    )
    meetings = extractor.extract(text, "evaluated.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [["Carlos Soto", "Ida Holm"], ["Ana Ruiz", "Ken Mori"]]


def test_a_first_meeting_the_parse_reads_no_encounter_in_stays_its_own_before_the_next(extractor):
    text = (
        "2019-02-08\n\n"
        "A meeting between Foreign Minister Ana Ruiz and Secretary General Tomas Berg took place on Friday.\n\n"
        "Later, Berg met with Trade Minister Carlos Soto, with whom he reviewed trade.\n\n"
        "Berg also met with Chief Justice Ken Mori.\n"
    )
    meetings = extractor.extract(text, "ownmeeting.txt")["meetings"]
    assert [sorted(by_name(m)) for m in meetings] == [
        ["Ana Ruiz", "Tomas Berg"],
        ["Carlos Soto", "Tomas Berg"],
        ["Ken Mori", "Tomas Berg"],
    ]
