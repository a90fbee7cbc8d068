"""Invented wording for demo assessments. Written for this service; not taken from any published report."""

# Per performance area (by key): a typical weakness and a typical strength, each completing a sentence.
AREA_TEXT = {
    "communicating-and-realising-value": (
        "staff are rarely told why the information they create matters beyond their own team",
        "senior leaders regularly link good information management to the department's priorities",
    ),
    "managing-information-as-an-asset": (
        "the information asset register is incomplete and several assets have no named owner",
        "the information asset register is reviewed every quarter and each asset has an active owner",
    ),
    "supporting-information-through-technology": (
        "shared drives, email and the collaboration platform are used side by side with no agreed rules",
        "the collaboration platform is configured so that information is saved in the right place by default",
    ),
    "digital-continuity-and-it-change": (
        "information held in legacy systems has not been assessed before their planned retirement",
        "every system change includes a check that information will stay usable for as long as it is needed",
    ),
    "recognising-information-risk": (
        "information risks are seldom recorded on the departmental risk register",
        "information risks are owned at board level and reviewed with the SIRO",
    ),
    "establishing-control": (
        "roles for records management are not clearly set out in the governance structure",
        "a clear governance structure connects the DRO, the SIRO and information asset owners",
    ),
    "providing-guidance": (
        "guidance is spread over several intranet pages and parts of it are out of date",
        "short, current guidance is easy to find and backed by regular training",
    ),
    "measuring-impact": (
        "the department does not yet check whether its policies are followed in practice",
        "regular compliance checks are reported to the board and lead to visible improvements",
    ),
    "oversight-of-records-and-selection": (
        "there is no complete view of which records are held and where",
        "appraisal reports are agreed with The National Archives and selection is on schedule",
    ),
    "implementing-disposal-decisions": (
        "a backlog of paper and digital records is waiting for review",
        "disposal schedules are applied routinely and transfers are on track for the 20-year rule",
    ),
}

THEME_SITUATION = {
    1: (
        "Information was not yet treated as an asset in its own right, and leaders seldom spoke about it.",
        "Leaders spoke about the value of information, and asset ownership was developing.",
    ),
    2: (
        "Several systems held information without agreed rules, and legacy data had not been assessed.",
        "Technology broadly supported good practice, though continuity planning was uneven.",
    ),
    3: (
        "Information risk sat outside the main governance structures and compliance was not measured.",
        "Governance was in place and guidance available, with compliance checks only beginning.",
    ),
    4: (
        "The department lacked a full picture of its records and a review backlog was growing.",
        "Records were known and selection was under way, with some delays to disposal.",
    ),
}

THEME_PROGRESS = {
    "improved": (
        "Since {baseline}, the department has acted on most of the recommendations in this theme, most "
        "visibly in {focus}. Responsibilities are clearer and the changes are starting to show in daily work.",
        "Since {baseline}, the department has made steady progress here. Work on {focus} stands out, "
        "although some actions are taking longer than planned.",
    ),
    "steady": (
        "Since {baseline}, progress in this theme has been limited. Work on {focus} was delayed by "
        "organisational change, and the recommendations remain open.",
        "Since {baseline}, the department has planned improvements to {focus}, but few have been delivered "
        "yet. The recommendations are repeated in Next steps.",
    ),
    "declined": (
        "Since {baseline}, earlier gains in this theme have not been sustained. Staff turnover and a system "
        "migration diverted attention from {focus}, which needs renewed focus.",
    ),
}

NEXT_STEPS = (
    "The National Archives will keep in touch through the department's Information Management Consultant "
    "and will agree the timing of the next review with the KIM team."
)

KEY_FINDINGS = (
    "The department has the foundations of good information management: senior leaders recognise the value "
    "of information and the KIM team is respected across the business.\n\n"
    "The main risks lie in the volume of unstructured digital information held outside the corporate system, "
    "and in the backlog of records awaiting review. The recommendations in this report address both."
)

COMMITMENT = (
    "{department} recognises that the information it holds is a vital asset. We are committed to managing it "
    "well, so that it supports our work, meets our legal obligations and is kept or destroyed as it should be.\n\n"
    "We welcome The National Archives' Information Management Assessment and will act on its recommendations."
)

SELF_NARRATIVE = (
    "We have reviewed our approach to this area since the last assessment. {strength_or_weakness} "
    "Evidence is held by the KIM team and can be shared on request."
)


def assessor_commentary(area_key, position):
    weakness, strength = AREA_TEXT.get(area_key, ("practice is uneven", "practice is well established"))
    if position <= 1:
        return f"{weakness[0].upper()}{weakness[1:]}. This needs action, with senior support."
    if position == 2:
        return f"Foundations are in place, but {weakness}."
    if position == 3:
        return f"The department meets the expected standard, although {weakness}."
    if position == 4:
        return f"{strength[0].upper()}{strength[1:]}; the next step is to embed this in every business area."
    if position == 5:
        return f"{strength[0].upper()}{strength[1:]}, and the staff we interviewed could explain why it matters."
    return f"{strength[0].upper()}{strength[1:]}. Other departments could learn from this approach."


def theme_situation(theme_number, average_position):
    weak, fair = THEME_SITUATION.get(theme_number, ("Practice was uneven.", "Practice was broadly sound."))
    return weak if average_position < 2.5 else fair


def theme_progress(movement, baseline_label, focus, variant):
    """`focus` names the area the text dwells on; `variant` picks one of the wordings."""
    key = "improved" if movement > 0.2 else "declined" if movement < -0.2 else "steady"
    wordings = THEME_PROGRESS[key]
    return wordings[variant % len(wordings)].format(baseline=baseline_label, focus=focus[0].lower() + focus[1:])


def self_narrative(area_key, position):
    weakness, strength = AREA_TEXT.get(area_key, ("practice is uneven", "practice is well established"))
    phrase = f"We recognise that {weakness}." if position <= 3 else f"We believe that {strength}."
    return SELF_NARRATIVE.format(strength_or_weakness=phrase)


def theme_findings(theme_number, average_position):
    """What an IMA found in a theme (its "situation at the time" for the reviews that follow)."""
    weak, fair = THEME_SITUATION.get(theme_number, ("Practice was uneven.", "Practice was broadly sound."))
    return (weak if average_position < 2.5 else fair).replace(" was ", " is ").replace(" were ", " are ")
