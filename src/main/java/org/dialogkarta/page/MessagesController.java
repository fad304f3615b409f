package org.dialogkarta.page;

import java.time.Duration;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The message bundle of an offered language (kernel.Languages; Swedish in messages.properties,
 * the others in messages_{code}.properties, falling back to Swedish): all of it, or with {@code ?page=personal/walks} the part that page
 * needs, which is what the language switch asks for. A page's first texts come inside the page.
 */
@RestController
class MessagesController {

  private final PageMessages pageMessages;

  MessagesController(PageMessages pageMessages) {
    this.pageMessages = pageMessages;
  }

  @GetMapping("/api/v1/messages/{lang}")
  ResponseEntity<Map<String, String>> messages(@PathVariable String lang,
      @RequestParam(required = false) String page) {
    if (Languages.offered(lang, false).isEmpty()) {
      throw InvalidInputException.of("lang", "lang.unknown", "No messages in language '" + lang + "'; one of "
          + Languages.offered().stream().map(Language::code).toList());
    }
    Map<String, String> messages;
    if (page == null) {
      ResourceBundle bundle = Messages.bundle(lang);
      messages = new TreeMap<>();
      for (String key : bundle.keySet()) {
        messages.put(key, bundle.getString(key));
      }
    } else {
      messages = pageMessages.messages(Pages.named(page)
          .orElseThrow(() -> new NotFoundException("No page '" + page + "'")), lang);
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(messages);
  }
}
