package org.dialogkarta.page;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language a page is rendered in: the visitor's choice, kept in the cookie {@code dk-lang}
 * that the language switch (web/js/i18n.js) sets; on a first visit the best of the offered
 * languages for the browser's {@code Accept-Language}; else Swedish. Staff pages (under
 * /personal, and the sign-in) come only in the staff languages, Swedish for any other choice. The
 * browser holds the choice; no server state.
 */
@Component("localeResolver")
class PageLanguage implements LocaleResolver {

  static final String COOKIE = "dk-lang";

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return Locale.of(language(request).code());
  }

  /** The language of the page the request asks for. */
  Language language(HttpServletRequest request) {
    boolean staff = isStaffPage(request);
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (COOKIE.equals(cookie.getName())) {
          if (Languages.find(cookie.getValue()).isPresent()) {
            return Languages.offered(cookie.getValue(), staff).orElse(Languages.SWEDISH);
          }
        }
      }
    }
    return Languages.fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), staff);
  }

  static boolean isStaffPage(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/personal") || path.startsWith("/logga-in");
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    throw new UnsupportedOperationException("The language is chosen in the browser (cookie " + COOKIE + ")");
  }
}
