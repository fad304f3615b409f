package org.dialogkarta.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What the layout needs besides the page's {@code <main>}: {@code page}, the Page of the view
 * (its shell, title, style sheets and scripts); {@code title}; {@code lang} (the code),
 * {@code language} (kernel.Language: html lang, dir, locale) and {@code languages} (what the switch
 * offers: the staff languages on staff pages), from PageLanguage; and {@code messages}, the JSON of the messages its scripts use
 * (PageMessages).
 */
@Configuration(proxyBeanMethods = false)
class PageModel implements WebMvcConfigurer {

  private final PageLanguage language;
  private final PageMessages messages;

  PageModel(PageLanguage language, PageMessages messages) {
    this.language = language;
    this.messages = messages;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
          ModelAndView view) {
        Page page = view == null || view.getViewName() == null ? null
            : Pages.named(view.getViewName()).orElse(null);
        if (page == null) {
          return;
        }
        Language current = language.language(request);
        String lang = current.code();
        view.addObject("page", page);
        view.addObject("title", PageTextDialect.text(java.util.Locale.of(lang), page.titleKey()));
        view.addObject("lang", lang);
        view.addObject("language", current);
        view.addObject("languages", PageLanguage.isStaffPage(request) ? Languages.forStaff() : Languages.offered());
        view.addObject("messages", messages.json(page, lang));
      }
    });
  }
}
