package org.dialogkarta.survey;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A question's text for the public questionnaire: the Swedish and English texts as stored
 * ({@code sv}, {@code en}), {@code text} in the language asked for where staff gave it, else the
 * Swedish one, {@code lang} the language {@code text} is in and {@code fallback} true when that is
 * Swedish standing in for the language asked for. All null for a text the question does not have.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalText(String sv, String en, String text, String lang, Boolean fallback) {

  static final LocalText NONE = new LocalText(null, null, null, null, null);
}
