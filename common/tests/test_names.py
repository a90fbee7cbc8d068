"""Values from a file are echoed in messages shortened, and lists of them stop after a few."""

from common.names import first_messages, listed, shorten


def test_a_short_value_is_echoed_as_typed():
    assert shorten("Measuring impact") == "Measuring impact"


def test_a_long_value_is_cut_to_the_limit_with_an_ellipsis():
    shown = shorten("x" * 10_000, 60)
    assert len(shown) == 60 and shown.endswith("…")


def test_a_value_is_echoed_on_one_line():
    assert shorten("Measuring\r\n\timpact ") == "Measuring impact"


def test_a_huge_value_is_shortened_without_reading_it_all():
    assert shorten("a " * 5_000_000, 10) == "a a a a a…"


def test_a_value_that_is_not_text_is_shown_as_text():
    assert shorten(2014) == "2014"


def test_a_short_list_is_named_in_full():
    assert listed(["a", "b", "c"]) == "a, b, c"


def test_a_long_list_names_the_first_five_and_counts_the_rest():
    assert listed([f"h{number}" for number in range(17)]) == "h0, h1, h2, h3, h4 and 12 more"


def test_each_listed_value_is_shortened():
    assert listed(["y" * 500], show=lambda value: shorten(value, 10)) == "yyyyyyyyy…"


def test_the_rest_of_a_very_long_list_is_counted_with_separators():
    assert listed(range(10_005)).endswith(" and 10,000 more")


def test_messages_beyond_the_limit_are_counted_not_shown():
    messages = [f"Row {number}: wrong" for number in range(2, 102)]
    assert first_messages(messages, 3, more="And {count} more row{s} to fix") == [
        "Row 2: wrong",
        "Row 3: wrong",
        "Row 4: wrong",
        "And 97 more rows to fix",
    ]


def test_messages_within_the_limit_are_all_shown():
    assert first_messages(["a", "b"], 2) == ["a", "b"]
