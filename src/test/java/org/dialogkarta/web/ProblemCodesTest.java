package org.dialogkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dialogkarta.kernel.Languages;
import org.dialogkarta.kernel.Messages;
import org.junit.jupiter.api.Test;

/**
 * Every problem code the server throws has a text in Swedish and in English (ProblemTexts looks
 * them up by code): the codes are read from the Java sources, from
 * {@code InvalidInputException.of("field", "code", ...)}, {@code FieldViolation.of(...)},
 * {@code new ConflictException("code", ...)} and its kin, and from the problems the advice and the
 * filters write themselves.
 */
class ProblemCodesTest {

  private static final Pattern FIELD_CODE = Pattern.compile(
      "(?:InvalidInputException\\.of|FieldViolation\\.of|new FieldViolation)\\(\\s*(?:\"[^\"]*\"|[^,]+?)\\s*,\\s*\"([^\"]+)\"");
  private static final Pattern EXCEPTION_CODE = Pattern.compile(
      "new (?:ConflictException|ForbiddenException|BusyException|UnacceptableContentException)\\(\\s*\"([^\"]+)\"");
  private static final Pattern WRITTEN_CODE = Pattern.compile(
      "(?:ProblemWriter\\.write\\(|problem\\(HttpStatus)(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^;\"])*?\"([a-z][\\w.]*)\"\\)",
      Pattern.DOTALL);

  /** Code → the source file that throws it. */
  static Map<String, String> codesInSources() throws IOException {
    Map<String, String> codes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        for (Pattern pattern : new Pattern[] {FIELD_CODE, EXCEPTION_CODE, WRITTEN_CODE}) {
          Matcher m = pattern.matcher(source);
          while (m.find()) {
            if (!m.group(1).endsWith(".")) { // a code built from a prefix at run time
              codes.putIfAbsent(m.group(1), file.getFileName().toString());
            }
          }
        }
      }
    }
    return codes;
  }

  @Test
  void theScanFindsTheCodesOfEveryKind() throws IOException {
    assertThat(codesInSources()).containsKeys("text.too_long", "dialogue.closed", "neighbourhoods.malformed",
        "auth.required", "body.malformed", "rate.limited", "not_found", "internal", "unavailable", "csrf.invalid",
        "auth.throttled").hasSizeGreaterThan(250);
  }

  @Test
  void everyCodeHasASwedishAndAnEnglishText() throws IOException {
    Set<String> noSwedish = new TreeSet<>();
    Set<String> noEnglish = new TreeSet<>();
    for (Map.Entry<String, String> e : codesInSources().entrySet()) {
      if (ProblemTexts.key("sv", e.getKey()).isEmpty()) {
        noSwedish.add(e.getKey() + " (" + e.getValue() + ")");
      }
      if (ProblemTexts.key("en", e.getKey()).isEmpty()) {
        noEnglish.add(e.getKey() + " (" + e.getValue() + ")");
      }
    }
    assertThat(noSwedish).as("codes without a Swedish text").isEmpty();
    assertThat(noEnglish).as("codes without an English text").isEmpty();
  }

  @Test
  void everyTextCanBeFilledFromTheEnglishMessage() throws IOException {
    for (String code : codesInSources().keySet()) {
      for (String lang : new String[] {"sv", "en"}) {
        String text = Messages.get(lang, ProblemTexts.key(lang, code).orElseThrow());
        assertThat(Messages.placeholders(text)).as(lang + " " + code + ": at most one placeholder").hasSizeLessThan(2);
      }
    }
  }

  @Test
  void aTextIsTheLanguagesTheSwedishOrTheEnglishMessage() {
    assertThat(ProblemTexts.text(Languages.of("sv"), "text.too_long", "At most 2000 characters"))
        .isEqualTo("Texten är för lång. Korta den till högst 2000 tecken.");
    assertThat(ProblemTexts.text(Languages.of("en"), "no.such.code", "The English message")).isEqualTo("The English message");
    assertThat(ProblemTexts.text(Languages.of("fi"), "places.file_empty", "The file is empty"))
        .as("no Finnish staff text: Swedish").isEqualTo("Filen är tom.");
    assertThat(ProblemTexts.text(Languages.of("fi"), "text.blank", "x")).isEqualTo(Messages.get("fi", "error.text.blank"));
    assertThat(ProblemTexts.text(Languages.of("sv"), "text.too_long", "Between 3 and 5")).as("which number?")
        .isEqualTo("Between 3 and 5");
    assertThat(ProblemTexts.text(Languages.of("sv"), "places.kind_unknown", "rows[3]: the kind 'x' is not one of [a, b]"))
        .as("what the check named stays").isEqualTo("En plats i filen har en typ som inte finns. (rows[3]: the kind 'x' is not one of [a, b])");
    assertThat(ProblemTexts.text(Languages.of("en"), "places.kind_unknown", "rows[3]: the kind 'x'"))
        .isEqualTo("rows[3]: the kind 'x'");
    assertThat(ProblemTexts.text(Languages.of("sv"), "places.file_empty", "The file is empty")).isEqualTo("Filen är tom.");
    assertThat(ProblemTexts.text(Languages.of("sv"), "location.outside_study_area", "Point (16, 58) is outside"))
        .as("citizens' texts stand alone").isEqualTo(Messages.get("sv", "error.location.outside_study_area"));
  }
}
