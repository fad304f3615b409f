package org.dialogkarta.kernel;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one list of languages. Swedish is the base every other bundle falls back to; lättläst
 * svenska (easy-to-read Swedish) is its own bundle with {@code lang="sv"}; Arabic is written right
 * to left. North Sami, Meänkieli and Somali are known (their pages would work) but are offered only
 * once their bundle exists. Staff pages come in Swedish and English only; a staff page asked for
 * in another language is Swedish (and says so with {@code lang="sv"}).
 */
public final class Languages {

  public static final Language SWEDISH = new Language("sv", "Svenska", "sv", "sv-SE", "ltr", true, true);

  public static final List<Language> ALL = List.of(
      SWEDISH,
      new Language("lattlast", "Lättläst svenska", "sv", "sv-SE", "ltr", false, false),
      new Language("en", "English", "en", "en-GB", "ltr", true, true),
      new Language("fi", "Suomi", "fi", "fi-FI", "ltr", false, false),
      new Language("ar", "العربية", "ar", "ar-u-nu-latn", "rtl", false, false),
      new Language("se", "Davvisámegiella", "se", "se-NO", "ltr", false, false),
      new Language("fit", "Meänkieli", "fit", "fi-SE", "ltr", false, false),
      new Language("so", "Soomaali", "so", "so", "ltr", false, false));

  private Languages() {}

  public static Optional<Language> find(String code) {
    return ALL.stream().filter(l -> l.code().equals(code)).findFirst();
  }

  /** The language of a code, Swedish for one we do not know. */
  public static Language of(String code) {
    return find(code).orElse(SWEDISH);
  }

  /** The languages whose bundle exists: those the citizen pages offer. */
  public static List<Language> offered() {
    return ALL.stream().filter(l -> Messages.hasBundle(l.code())).toList();
  }

  /** The languages the staff pages offer. */
  public static List<Language> forStaff() {
    return offered().stream().filter(Language::staff).toList();
  }

  /** A code that is offered (for staff pages: a staff language), or empty. */
  public static Optional<Language> offered(String code, boolean staffPage) {
    return find(code).filter(l -> Messages.hasBundle(l.code()) && (!staffPage || l.staff()));
  }

  /**
   * The best of the offered languages for an {@code Accept-Language} header (RFC 4647 lookup);
   * Swedish when nothing matches or the header cannot be read. Lättläst is never guessed: it is
   * chosen, not sent by browsers.
   */
  public static Language fromAcceptLanguage(String header, boolean staffPage) {
    return fromAcceptLanguage(header, staffPage, false);
  }

  /**
   * The same, where {@code chosen} also matches a language only a choice gives ("lattlast",
   * which the pages' scripts send as their language).
   */
  public static Language fromAcceptLanguage(String header, boolean staffPage, boolean chosen) {
    if (header == null || header.isBlank()) {
      return SWEDISH;
    }
    List<Language> candidates = (staffPage ? forStaff() : offered()).stream()
        .filter(l -> chosen || l.code().equals(l.htmlLang())).toList();
    try {
      String tag = Locale.lookupTag(Locale.LanguageRange.parse(header),
          candidates.stream().map(Language::code).toList());
      return tag == null ? SWEDISH : of(tag.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return SWEDISH;
    }
  }
}
