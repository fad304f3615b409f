package org.dialogkarta.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;

/**
 * The languages a dialogue's own texts (title, summary, lifecycle texts, sub-tag labels) may be
 * written in. Swedish is the base every dialogue has; the others are translations staff add.
 * The interface languages (bundles) are another list; easy-read Swedish ({@code lattlast}) is an
 * interface language whose content is the Swedish text.
 */
public enum ContentLanguage implements Coded {
  SV("sv", false),
  EN("en", false),
  FI("fi", false),
  AR("ar", true),
  SE("se", false),
  FIT("fit", false),
  SO("so", false);

  /** Page languages that show another language's content: easy-read Swedish shows Swedish. */
  private static final List<String> SWEDISH_PAGES = List.of("sv", "lattlast");

  private final String code;
  private final boolean rightToLeft;

  ContentLanguage(String code, boolean rightToLeft) {
    this.code = code;
    this.rightToLeft = rightToLeft;
  }

  @Override
  public String code() {
    return code;
  }

  public boolean rightToLeft() {
    return rightToLeft;
  }

  /** The languages a translation may be in: every one but the Swedish base. */
  public static List<ContentLanguage> translations() {
    return List.of(EN, FI, AR, SE, FIT, SO);
  }

  /** The content language of a page language code ({@code lattlast} → Swedish); empty if unknown. */
  public static Optional<ContentLanguage> ofPage(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String c = code.strip().toLowerCase(Locale.ROOT);
    return SWEDISH_PAGES.contains(c) ? Optional.of(SV) : Coded.fromCode(ContentLanguage.class, c);
  }

  /** Whether {@code code} names a page language a pin may carry (content languages and lattlast). */
  public static boolean isPageLanguage(String code) {
    return code != null && (SWEDISH_PAGES.contains(code) || Coded.fromCode(ContentLanguage.class, code).isPresent());
  }

  /**
   * The content language a public API answers in: {@code lang} when given (422 naming {@code lang}
   * when it is not a page language), else the page language the visitor chose (cookie
   * {@code dk-lang}), else Accept-Language.
   */
  public static ContentLanguage ofRequest(String lang, String pageLang, String accept) {
    if (lang == null || lang.isBlank()) {
      return ofPage(pageLang).orElseGet(() -> ofAcceptLanguage(accept));
    }
    return ofPage(lang).orElseThrow(() -> InvalidInputException.of("lang", "language.unknown",
        "'" + lang + "' is not a page language: one of sv, lattlast, "
            + translations().stream().map(ContentLanguage::code).toList()));
  }

  /**
   * The best content language for an Accept-Language header: the first range that names one of
   * ours (by its primary subtag, so {@code en-GB} is English), else Swedish. A malformed header is
   * no error: Swedish.
   */
  public static ContentLanguage ofAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return SV;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
        String primary = range.getRange().split("-", 2)[0];
        Optional<ContentLanguage> found = ofPage(primary);
        if (found.isPresent() && range.getWeight() > 0) {
          return found.get();
        }
      }
    } catch (IllegalArgumentException malformed) {
      return SV;
    }
    return SV;
  }
}
