package org.dialogkarta.moderation;

import java.util.Locale;
import org.dialogkarta.dialogue.ContentLanguage;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * The language a public reply is written in: one of the content languages
 * ({@link ContentLanguage}: the languages a dialogue's own texts may be in), Swedish when none is
 * given. The citizens' pages mark a reply with it ({@code lang=}), so a screen reader reads a
 * Swedish reply as Swedish on an English page and an English reply as English.
 */
final class ReplyLanguage {

  private ReplyLanguage() {}

  /** The checked code; {@code null} or blank is Swedish; anything else unknown is a 422 naming {@code language}. */
  static String check(String raw) {
    if (raw == null || raw.isBlank()) {
      return ContentLanguage.SV.code();
    }
    return Coded.fromCode(ContentLanguage.class, raw.strip().toLowerCase(Locale.ROOT))
        .map(ContentLanguage::code)
        .orElseThrow(() -> InvalidInputException.of("language", "language.unknown",
            "'" + raw + "' is not a language a reply may be in: one of "
                + java.util.Arrays.stream(ContentLanguage.values()).map(ContentLanguage::code).toList()));
  }
}
