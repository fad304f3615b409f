package org.dialogkarta.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.dialogkarta.kernel.Messages;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a page is rendered in: the visitor's choice, kept in the cookie {@code dk-lang}
 * that the language switch (web/js/i18n.js) sets; Swedish when there is none or it names a
 * language we have no texts in. The browser holds the choice; no server state.
 */
@Component("localeResolver")
class PageLanguage implements LocaleResolver {

  static final String COOKIE = "dk-lang";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName()) && Messages.LANGUAGES.contains(cookie.getValue())) {
          return Locale.of(cookie.getValue());
        }
      }
    }
    return Locale.of("sv");
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The language is chosen in the browser (cookie " + COOKIE + ")");
  }
}
