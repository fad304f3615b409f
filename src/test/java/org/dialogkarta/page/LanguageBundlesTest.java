package org.dialogkarta.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import org.dialogkarta.kernel.Messages;
import org.junit.jupiter.api.Test;

/**
 * The bundles against the pages (no server: LanguageReport over page.PageMessages reading the
 * templates and modules): every offered language has every text of the citizen pages, with the
 * same {placeholders} as the Swedish text and every plural form its CLDR rules have; the staff
 * languages have every text of the staff pages too.
 */
class LanguageBundlesTest {

  private final LanguageReport report = new LanguageReport(new PageMessages());

  @Test
  void theCitizenPagesHaveTheirKeysFromTheTemplatesAndModules() {
    Set<String> citizen = report.citizenKeys();
    assertThat(citizen).contains("lang.label", "nav.skip", "walk.skip").hasSizeGreaterThan(400)
        .doesNotContain("staff.accounts.heading");
    assertThat(report.staffKeys()).contains("staff.logout", "languages.heading");
  }

  @Test
  void everyOfferedLanguageHasEveryTextOfTheCitizenPages() {
    Set<String> citizen = report.citizenKeys();
    assertThat(Languages.offered()).extracting(Language::code).contains("sv", "en");
    for (Language language : Languages.offered()) {
      assertThat(LanguageReport.missing(language.code(), citizen)).as(language.code() + ": missing citizen keys").isEmpty();
      assertThat(LanguageReport.missingPlurals(language, citizen)).as(language.code() + ": missing plural forms").isEmpty();
    }
  }

  @Test
  void theStaffLanguagesHaveEveryTextOfTheStaffPages() {
    for (Language language : Languages.forStaff()) {
      assertThat(LanguageReport.missing(language.code(), report.staffKeys())).as(language.code()).isEmpty();
    }
  }

  @Test
  void everyTranslationHasTheSwedishPlaceholders() {
    for (Language language : Languages.offered()) {
      assertThat(LanguageReport.placeholderMismatches(language.code())).as(language.code()).isEmpty();
    }
  }

  @Test
  void theChecksFindWhatIsMissing() {
    Language arabic = Languages.find("ar").orElseThrow();
    assertThat(Messages.hasBundle("xx")).isFalse();
    assertThat(LanguageReport.missing("se", Set.of("nav.skip"))).as("no North Sami bundle").containsExactly("nav.skip");
    Set<String> plural = Set.of("form.hasErrors.other", "gender.other"); // gender.other is a code, not a plural
    assertThat(LanguageReport.missingPlurals(arabic, java.util.Map.of("form.hasErrors.other", "x"), plural))
        .containsExactly("form.hasErrors.few", "form.hasErrors.many", "form.hasErrors.one", "form.hasErrors.two",
            "form.hasErrors.zero");
    assertThat(LanguageReport.missingPlurals(Languages.find("fi").orElseThrow(),
        java.util.Map.of("form.hasErrors.one", "x", "form.hasErrors.other", "y"), plural)).isEmpty();
  }
}
