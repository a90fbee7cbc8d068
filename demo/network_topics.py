"""What the demo network meetings discussed, and demo good-practice excerpts: our own words throughout."""

STANDING_ITEM = (
    "Update from The National Archives",
    "News on the assessment programme, guidance in preparation and dates for members' diaries.",
)
TOPICS = {
    2014: [
        (
            "Terms of reference and membership",
            (
                "Members agreed the network's purpose, that it meets quarterly, and that each main department "
                "sends its KIM lead."
            ),
        ),
        (
            "Working with the KIM Heads of Profession Group",
            (
                "How the two groups divide the work: the network shares practice, the Heads of Profession Group "
                "leads on skills and careers."
            ),
        ),
        (
            "Lessons from information management assessments",
            (
                "Common findings so far: value of information not recognised at board level, and uneven control "
                "of shared drives."
            ),
        ),
    ],
    2015: [
        (
            "Email deletion policies",
            (
                "Departments compared automatic deletion after a set period with keeping all email; most favour "
                "deletion with a clear route to save what matters."
            ),
        ),
        (
            "Office 365 and information management",
            (
                "Early adopters described how sites, libraries and retention settings map onto file plans, and "
                "what they would do differently."
            ),
        ),
        (
            "Digital transfer pilots",
            (
                "Two departments reported on transferring born-digital records to The National Archives, "
                "including the checks before transfer."
            ),
        ),
        (
            "Records transfer report",
            (
                "Members discussed the published figures on progress towards the 20-year rule and where "
                "departments are behind."
            ),
        ),
        (
            "Machinery of government changes after the general election",
            "Practical steps for moving records with functions: agree ownership early and record what moved where.",
        ),
        (
            "Review of government digital records",
            (
                "The network discussed the cross-government review of digital records and what its "
                "recommendations mean for departments."
            ),
        ),
    ],
    2016: [
        (
            "Machinery of government changes: new departments",
            "New and merged departments shared how they set up information management from the first day.",
        ),
        (
            "Sensitivity review of digital records",
            "Tools and approaches to reviewing large volumes of digital records for sensitive content before transfer.",
        ),
        (
            "Records transfer report",
            "Progress on transfer under the 20-year rule; members discussed appraisal backlogs.",
        ),
        (
            "Changes to the assessment framework",
            "The National Archives explained the new framework sections and how ratings compare with earlier reports.",
        ),
        (
            "Email: keeping what matters",
            "How departments help staff save email of value to the corporate record, and how they check it happens.",
        ),
    ],
    2017: [
        (
            "Preparing for the General Data Protection Regulation",
            "Information asset registers and retention schedules as the basis for meeting the new requirements.",
        ),
        (
            "Records and public inquiries",
            (
                "Lessons from departments supporting inquiries: finding records quickly depends on good structure "
                "and retention."
            ),
        ),
        (
            "Records transfer report",
            "The annual figures; the network agreed to share appraisal reports to save effort.",
        ),
        (
            "Information asset registers that work",
            "Keeping registers current by linking them to risk reporting and to information asset owners' assurance.",
        ),
        (
            "Cloud storage and digital continuity",
            "Making sure records stay usable when systems move to cloud services.",
        ),
    ],
    2018: [
        (
            "Data protection one month on",
            "What changed in practice, and the joint work between KIM and data protection teams.",
        ),
        (
            "SharePoint Online as the corporate record",
            "Departments compared site structures, metadata and permissions.",
        ),
        ("Records transfer report", "Progress on transfer, and a discussion of retained records."),
        (
            "Knowledge retention when people move on",
            "Exit interviews, handover notes and communities of practice as ways to keep knowledge.",
        ),
        (
            "Searching records for historical enquiries",
            "What departments learned when asked to find older records at short notice.",
        ),
    ],
    2019: [
        (
            "Moving to Microsoft 365: retention labels",
            "Designing a small set of retention labels and applying them by default to libraries.",
        ),
        (
            "Records of the EU exit programme",
            "Making sure the records of a fast-moving programme are kept and can be found.",
        ),
        (
            "Records transfer report",
            "The network reviewed progress and the risks as the 20-year rule transition nears its end.",
        ),
        (
            "Archiving websites and social media",
            "How departments work with the web archive and what they keep of their social media.",
        ),
        ("Operational selection policies", "Using selection policies to speed up appraisal of large series."),
    ],
    2020: [
        (
            "Working remotely: recording decisions",
            "Keeping a record of decisions made in calls and chats during lockdown.",
        ),
        (
            "Messaging apps and the record",
            "Departments compared rules for instant messaging and how to capture messages of value.",
        ),
        (
            "Teams chat and channel retention",
            "Setting retention for chat, meetings and channels, and telling staff where the record is.",
        ),
        ("Records transfer report", "Transfers paused by the pandemic; members discussed plans to catch up."),
    ],
    2021: [
        ("Records of the pandemic response", "Identifying and protecting records that a future inquiry will ask for."),
        (
            "Digital transfer at scale",
            "Moving from pilots to routine transfer of digital records to The National Archives.",
        ),
        ("Records transfer report", "Catching up after the pause; members shared approaches to prioritising series."),
        ("Hybrid working and information culture", "Keeping good habits when teams are split between office and home."),
        (
            "Machinery of government changes: merged departments",
            "Bringing two sets of records, systems and policies together.",
        ),
    ],
    2022: [
        (
            "The end of the 20-year rule transition",
            "Where departments stand as the move from 30 to 20 years completes, and what comes next.",
        ),
        (
            "Responding to inquiry requests for information",
            "Managing large requests for records: search, review and audit trail.",
        ),
        ("Records transfer report", "The annual figures and lessons for the steady state."),
        ("Retention of email and chat", "Aligning retention periods for email, chat and documents."),
    ],
    2023: [
        (
            "Machinery of government changes: new departments",
            "Setting up KIM in newly formed departments and moving records from their predecessors.",
        ),
        (
            "Generative AI and information management",
            "What AI tools need from well-managed information, and the records they create.",
        ),
        ("Non-corporate communication channels", "Applying the guidance on messaging apps and personal devices."),
        ("Records transfer report", "Progress in the first year after the transition."),
    ],
    2024: [
        (
            "Records of ministers leaving office",
            "Preparing for a general election: private office papers and ministers' records.",
        ),
        (
            "Microsoft 365 Copilot: information readiness",
            "Permissions, oversharing and retention to fix before turning AI assistants on.",
        ),
        (
            "KIM maturity model for Microsoft 365",
            "Departments shared early results from self-assessment against the maturity model.",
        ),
        (
            "Machinery of government changes after the election",
            "Lessons from moving functions and records at short notice.",
        ),
        ("Records transfer report", "The annual figures; discussion of digital transfer volumes."),
    ],
    2025: [
        (
            "AI-generated content: what to keep",
            "When summaries, drafts and transcripts made by AI tools become part of the record.",
        ),
        ("Google Workspace maturity model", "What departments using Google Workspace learned from the maturity model."),
        ("Records transfer report", "Progress and the growing share of digital records."),
        ("Departmental digital preservation", "Keeping digital records usable until they are transferred."),
        (
            "KIM skills and the profession",
            "Joint session with the Heads of Profession Group on skills needed for AI and automation.",
        ),
    ],
    2026: [
        (
            "Automated retention and disposal",
            "Disposing of information automatically, and the assurance boards need before they agree to it.",
        ),
        ("Knowledge loss during workforce change", "Keeping knowledge when teams shrink or move."),
        ("Records transfer report", "The annual figures, and planning for the next year's transfers."),
        (
            "The next round of information management assessments",
            "What assessors will look at, and how members can prepare.",
        ),
    ],
}
NEXT_AGENDA = [
    "Welcome and actions from the last meeting",
    "Update from The National Archives",
    "AI assistants and the record: a year of experience",
    "Records transfer report: plans for the year ahead",
    "Good practice from recent assessments",
    "Any other business and date of the next meeting",
]
GOOD_PRACTICE_WORDS = {
    "communicating-and-realising-value": (
        "The board receives a short information report each quarter, and senior leaders talk about information as "
        "an asset in their own messages to staff."
    ),
    "managing-information-as-an-asset": (
        "Information asset owners review their registers twice a year, and risks from the registers feed into the "
        "department's risk reporting."
    ),
    "supporting-information-through-technology": (
        "Libraries are created from templates with retention already set, so staff save into the right place "
        "without extra steps."
    ),
    "digital-continuity-and-it-change": (
        "Every system change includes a check that records stay usable, with the KIM team signing off before an "
        "old system is switched off."
    ),
    "recognising-information-risk": (
        "Information risk is on the board's risk register with a named owner, and it is reviewed alongside "
        "security risk."
    ),
    "establishing-control": (
        "A small network of information managers in each directorate checks that policy is followed and reports "
        "back each quarter."
    ),
    "providing-guidance": (
        "Short, task-based guidance on the intranet, tested with staff, replaced a long policy document that few "
        "people read."
    ),
    "measuring-impact": (
        "Regular spot checks of shared areas give figures the board can track over time, and results go back to teams."
    ),
    "oversight-of-records-and-selection": (
        "An up-to-date record of what is held, where, and when it is due for review keeps transfer on schedule."
    ),
    "implementing-disposal-decisions": (
        "Disposal is documented and approved, so the department can show what was destroyed, when and why."
    ),
}
