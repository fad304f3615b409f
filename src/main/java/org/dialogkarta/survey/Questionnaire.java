package org.dialogkarta.survey;

import java.util.List;

/** The public questionnaire of a dialogue: current versions only, both languages. */
public record Questionnaire(long dialogueId, String slug, List<Question> questions) {}
