package org.dialogkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import org.dialogkarta.kernel.Messages;
import org.springframework.http.HttpHeaders;

/**
 * The texts of problem codes in the reader's language. A request that names a language in
 * {@code Accept-Language} (the pages' api.js sends the page's) gets the bundle's text of each
 * code: {@code problem.<code>}, else the key the pages already used for it ({@code error.<code>},
 * {@code staff.error.<code>}, ...), in that language, else in Swedish; English falls back to the
 * exception's own English text. A request without {@code Accept-Language} (API clients) keeps the
 * English texts. A text's {@code {placeholder}} is filled from the one number in the English text
 * ("At most 2000 characters" → {@code {max}} = 2000); a text that cannot be filled is not used.
 * A staff check's English text that names what is wrong (a row, a feature's code, a value) is
 * kept after the translation, in parentheses, so that nothing it said is lost; the citizens'
 * texts ({@code error.}) never carry that.
 */
final class ProblemTexts {

  /** Where a code's text is looked for, in this order. */
  static final List<String> PREFIXES = List.of("problem.", "error.", "staff.error.", "admin.error.",
      "area.error.", "walk.plan.error.", "walk.error.", "export.error.");

  /** An English message that names a row, a feature or a value: digits, quotes, brackets. */
  private static final Pattern SPECIFIC = Pattern.compile("[\\d'\"\\[(]");
  private static final Pattern NUMBER = Pattern.compile("\\d[\\d  ]*");

  private ProblemTexts() {}

  /** The language the request asks problems in, or empty when it names none. */
  static Optional<Language> language(HttpServletRequest request) {
    String header = request == null ? null : request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Languages.fromAcceptLanguage(header, false, true));
  }

  /** The key of a code's text in a language's own bundle, if it has one. */
  static Optional<String> key(String lang, String code) {
    Map<String, String> own = Messages.own(lang);
    return PREFIXES.stream().map(p -> p + code).filter(own::containsKey).findFirst();
  }

  /** The text of a code in the language, or the English text when there is none to be had. */
  static String text(Language language, String code, String english) {
    if (code == null) {
      return english;
    }
    String lang = language.code();
    Optional<String> key = key(lang, code);
    if (key.isEmpty() && !"en".equals(lang)) {
      lang = "sv";
      key = key("sv", code);
    }
    if (key.isEmpty()) {
      return english;
    }
    String text = Messages.get(lang, key.get());
    if (!Messages.placeholders(text).isEmpty()) {
      String filled = fill(text, english);
      return filled == null ? english : filled;
    }
    if (key.get().startsWith("error.") || english == null || !SPECIFIC.matcher(english).find()) {
      return text;
    }
    // A staff check that names what is wrong (a row, a feature, a value): keep those words.
    return "en".equals(lang) ? english : text + " (" + english + ")";
  }

  /** The text with its one placeholder from the one number of the English text, or null. */
  static String fill(String text, String english) {
    Set<String> names = Messages.placeholders(text);
    if (names.isEmpty()) {
      return text;
    }
    if (names.size() != 1 || english == null) {
      return null;
    }
    Matcher m = NUMBER.matcher(english);
    if (!m.find()) {
      return null;
    }
    String number = m.group().strip();
    if (m.find()) {
      return null;
    }
    return text.replace("{" + names.iterator().next() + "}", number);
  }
}
