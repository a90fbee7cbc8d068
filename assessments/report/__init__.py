"""The words of TNA's reports that the assessments app owns: sections, generated background, what is missing."""
