"""Plain-language findings: sentences over 20 words, words over 20 letters without a hyphen."""

import pytest

from wagtail_integration.plain_language import (
    LONG_SENTENCE,
    LONG_WORD,
    findings,
    long_sentences,
    long_words,
)


def sentence(words: int) -> str:
    return " ".join(["Wort"] * words) + "."


def test_sentence_of_twenty_words_is_fine_and_of_twenty_one_is_long():
    assert long_sentences(sentence(20)) == []
    assert long_sentences(sentence(21)) == [sentence(21)]


def test_sentences_are_counted_one_by_one():
    text = f"{sentence(12)} {sentence(12)}! {sentence(12)}? {sentence(25)}"

    assert long_sentences(text) == [sentence(25)]


def test_arabic_question_mark_and_line_breaks_end_sentences():
    arabic = " ".join(["كلمة"] * 12)

    assert long_sentences(f"{arabic}؟ {arabic}؟") == []
    assert long_sentences(f"{arabic}\n{arabic}") == []
    assert len(long_sentences(f"{arabic} {arabic}")) == 1


def test_dashes_and_numbers_alone_are_not_words():
    text = " ".join(["Wort"] * 20) + " – 2011 – 2014."

    assert long_sentences(text) == [text]  # the years are words, the dashes are not
    assert long_sentences(" ".join(["Wort"] * 20) + " – – –.") == []


def test_long_compound_without_hyphen_is_found():
    text = "Wir planen Arbeitsmarktintegrationsmaßnahmen für alle."

    assert long_words(text) == ["Arbeitsmarktintegrationsmaßnahmen"]


@pytest.mark.parametrize(
    "word",
    [
        "Arbeitsmarkt-Integrationsmaßnahmen",
        "Arbeitsmarkt\u00adintegrations\u00admaßnahmen",  # soft hyphens
        "Arbeitsmarkt\u2011Integrationsmaßnahmen",  # non-breaking hyphen
        "Integrationskonzept",  # 19 letters
        "https://www.example.org/integrationskonzeptfortschreibung",
        "integrationskonzeptfortschreibung@city.example",
        "www.integrationskonzeptfortschreibung.de",
    ],
)
def test_hyphenated_short_and_address_words_are_fine(word):
    assert long_words(f"Das {word} steht fest.") == []


def test_limits_come_from_the_settings(settings):
    settings.WAGTAIL_INTEGRATION_PLAIN_LANGUAGE_MAX_SENTENCE_WORDS = 5
    settings.WAGTAIL_INTEGRATION_PLAIN_LANGUAGE_MAX_WORD_LETTERS = 10

    assert findings("Das Integrationskonzept hat sechs Handlungsfelder.") == [LONG_WORD]
    assert findings("Wir bieten mehr Kurse am Abend an.") == [LONG_SENTENCE]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "…", "\x00\ud800"])
def test_empty_or_odd_text_has_no_findings(text):
    assert findings(text) == []
