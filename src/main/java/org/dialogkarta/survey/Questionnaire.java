package org.dialogkarta.survey;

import java.util.List;

/**
 * The public questionnaire of a dialogue: current versions only, each text in {@code language}
 * where staff gave it, else in Swedish ({@link LocalText}).
 */
public record Questionnaire(long dialogueId, String slug, String language, List<AskedQuestion> questions) {}
