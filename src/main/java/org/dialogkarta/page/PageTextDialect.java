package org.dialogkarta.page;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Set;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import org.dialogkarta.kernel.Messages;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeTagProcessor;
import org.thymeleaf.processor.element.IElementTagStructureHandler;
import org.thymeleaf.templatemode.TemplateMode;
import org.unbescape.html.HtmlEscape;

/**
 * Fills the texts of a page on the server, in the visitor's language: an element's
 * {@code data-i18n="key"} becomes its text, {@code data-i18n-attr="aria-label=key;title=key"} its
 * attributes. The attributes stay, so that the scripts can refill them after a switch of
 * language; the pages thus read the same keys on the server and in the browser. A text the
 * page's language lacks is the Swedish one, and its element gets {@code lang="sv"}.
 */
@Component
class PageTextDialect extends AbstractProcessorDialect {

  PageTextDialect() {
    super("Dialogkarta page texts", "dk", 1000);
  }

  @Override
  public Set<IProcessor> getProcessors(String dialectPrefix) {
    return Set.of(new TextProcessor(), new AttributeTextProcessor());
  }

  static String text(Locale locale, String key) {
    try {
      return Messages.get(Languages.of(locale.getLanguage()).code(), key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("A page names the message key '" + key + "', which no bundle has", e);
    }
  }

  /** Whether the text of the key is Swedish on a page in another language (then lang="sv"). */
  static boolean swedishInstead(Locale locale, String key) {
    Language language = Languages.of(locale.getLanguage());
    return language.marksSwedish() && Messages.fellBack(language.code(), key);
  }

  private static final class TextProcessor extends AbstractAttributeTagProcessor {
    TextProcessor() {
      super(TemplateMode.HTML, null, null, false, "data-i18n", false, 1000, false);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName name,
        String key, IElementTagStructureHandler structure) {
      structure.setBody(HtmlEscape.escapeHtml4Xml(text(context.getLocale(), key.strip())), false);
      if (swedishInstead(context.getLocale(), key.strip())) {
        structure.setAttribute("lang", "sv");
      }
    }
  }

  private static final class AttributeTextProcessor extends AbstractAttributeTagProcessor {
    AttributeTextProcessor() {
      super(TemplateMode.HTML, null, null, false, "data-i18n-attr", false, 1000, false);
    }

    @Override
    protected void doProcess(ITemplateContext context, IProcessableElementTag tag, AttributeName name,
        String pairs, IElementTagStructureHandler structure) {
      for (String pair : pairs.split(";")) {
        String[] parts = pair.split("=", 2);
        if (parts.length != 2) {
          throw new IllegalStateException("data-i18n-attr wants attribute=key pairs, not '" + pair + "'");
        }
        String value = text(context.getLocale(), parts[1].strip());
        structure.setAttribute(parts[0].strip(), HtmlEscape.escapeHtml4Xml(value));
      }
    }
  }
}
