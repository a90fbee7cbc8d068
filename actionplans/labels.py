"""How recommendations and actions are numbered in published plans: R1, R2…; 1A, 1B… within R1."""

from string import ascii_uppercase


def action_letters(sequence):
    """1 → A, 26 → Z, 27 → AA (spreadsheet-style, so a long list never runs out of letters)."""
    if sequence < 1:
        raise ValueError("Action sequences start at 1.")
    letters = ""
    while sequence:
        sequence, remainder = divmod(sequence - 1, 26)
        letters = ascii_uppercase[remainder] + letters
    return letters


def recommendation_label(number):
    return f"R{number}"


def action_label(recommendation_number, sequence):
    return f"{recommendation_number}{action_letters(sequence)}"
