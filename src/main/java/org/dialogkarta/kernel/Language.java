package org.dialogkarta.kernel;

/**
 * One language the service knows: its code (the bundle's suffix, messages_{code}.properties, and
 * the value of the cookie dk-lang), its name in itself, the {@code lang} and {@code dir} its pages
 * carry, the locale its numbers, dates and plurals follow, whether its texts have been reviewed,
 * and whether staff pages are offered in it. Whether it is offered at all depends on its bundle
 * being there ({@link Languages#offered()}).
 */
public record Language(String code, String nativeName, String htmlLang, String locale, String dir,
    boolean reviewed, boolean staff) {

  /** How far a language has come: offered and reviewed, offered without review, or known only. */
  public enum Status {
    SHIPPED, UNREVIEWED, MECHANISM_ONLY;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public boolean rtl() {
    return "rtl".equals(dir);
  }

  /** Swedish texts shown in this language must say lang="sv" (not so for lättläst, itself Swedish). */
  public boolean marksSwedish() {
    return !"sv".equals(htmlLang);
  }

  public Status status() {
    if (!Messages.hasBundle(code)) {
      return Status.MECHANISM_ONLY;
    }
    return reviewed ? Status.SHIPPED : Status.UNREVIEWED;
  }
}
