package org.dialogkarta.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bundles in Java: Swedish under every other language, the fallback known, plural forms by
 * each language's CLDR rules (ICU4J) for 0, 1, 2 and 5 (and Arabic's 11 and 100), the language
 * list and the choice from Accept-Language.
 */
class MessagesTest {

  private static final String KEY = "citizen.nearby.found";

  private static String form(String lang, String category, long n) {
    return Messages.get(lang, KEY + "." + category).replace("{n}", Long.toString(n));
  }

  @Test
  void pluralFormsInEveryShippedLanguage() {
    for (String lang : new String[] {"sv", "lattlast", "en", "fi"}) {
      assertThat(Messages.plural(lang, KEY, 1, Map.of())).as(lang).isEqualTo(form(lang, "one", 1));
      for (long n : new long[] {0, 2, 5}) {
        assertThat(Messages.plural(lang, KEY, n, Map.of())).as(lang + " " + n).isEqualTo(form(lang, "other", n));
      }
    }
    assertThat(Messages.plural("ar", KEY, 0, Map.of())).isEqualTo(form("ar", "zero", 0));
    assertThat(Messages.plural("ar", KEY, 1, Map.of())).isEqualTo(form("ar", "one", 1));
    assertThat(Messages.plural("ar", KEY, 2, Map.of())).isEqualTo(form("ar", "two", 2));
    assertThat(Messages.plural("ar", KEY, 5, Map.of())).isEqualTo(form("ar", "few", 5));
    assertThat(Messages.plural("ar", KEY, 11, Map.of())).isEqualTo(form("ar", "many", 11));
    assertThat(Messages.plural("ar", KEY, 100, Map.of())).isEqualTo(form("ar", "other", 100));
    assertThat(Messages.plural("sv", KEY, 0, Map.of())).as("no zero form in Swedish: other").isEqualTo(form("sv", "other", 0));
  }

  @Test
  void aKeyALanguageLacksIsSwedishAndKnownToBe() {
    assertThat(Messages.get("fi", "staff.logout")).isNotBlank();
    assertThat(Messages.get("fi", "staff.accounts.heading")).isEqualTo(Messages.get("sv", "staff.accounts.heading"));
    assertThat(Messages.fellBack("fi", "staff.accounts.heading")).isTrue();
    assertThat(Messages.fellBack("fi", "nav.skip")).isFalse();
    assertThat(Messages.fellBack("sv", "staff.accounts.heading")).isFalse();
    assertThat(Messages.bundle("ar").getString("nav.skip")).isEqualTo(Messages.get("ar", "nav.skip"));
    assertThat(Messages.hasBundle("se")).isFalse();
    assertThat(Messages.hasBundle("../messages")).isFalse();
  }

  @Test
  void theLanguagesAndTheirState() {
    assertThat(Languages.offered()).extracting(Language::code).containsExactly("sv", "lattlast", "en", "fi", "ar");
    assertThat(Languages.forStaff()).extracting(Language::code).containsExactly("sv", "en");
    assertThat(Languages.of("ar").rtl()).isTrue();
    assertThat(Languages.of("lattlast").htmlLang()).isEqualTo("sv");
    assertThat(Languages.of("lattlast").marksSwedish()).isFalse();
    assertThat(Languages.of("se").status()).isEqualTo(Language.Status.MECHANISM_ONLY);
    assertThat(Languages.of("fi").status()).isEqualTo(Language.Status.UNREVIEWED);
    assertThat(Languages.of("en").status()).isEqualTo(Language.Status.SHIPPED);
  }

  @Test
  void acceptLanguagePicksTheBestOfferedLanguage() {
    assertThat(Languages.fromAcceptLanguage("fi-FI,fi;q=0.9,en;q=0.8", false).code()).isEqualTo("fi");
    assertThat(Languages.fromAcceptLanguage("de,ar-SE;q=0.7,en;q=0.5", false).code()).isEqualTo("ar");
    assertThat(Languages.fromAcceptLanguage("de,ar;q=0.7,en;q=0.5", true).code()).as("staff").isEqualTo("en");
    assertThat(Languages.fromAcceptLanguage("se-NO,de", false).code()).as("no Sami bundle").isEqualTo("sv");
    assertThat(Languages.fromAcceptLanguage(null, false).code()).isEqualTo("sv");
    assertThat(Languages.fromAcceptLanguage(";;==", false).code()).isEqualTo("sv");
  }
}
