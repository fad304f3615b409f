package org.dialogkarta.web;

import org.dialogkarta.kernel.DialogkartaProperties;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.kernel.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the pages need before they draw: the basemap settings, and the message bundle of the
 * chosen language (Swedish in messages.properties, English in messages_en.properties), so that
 * every string the pages show comes from one set of bundles.
 */
@RestController
class SiteController {

  static final List<String> LANGUAGES = Messages.LANGUAGES;

  record Site(DialogkartaProperties.Basemap basemap, List<String> languages, int textMaxLength) {}

  private final DialogkartaProperties properties;

  SiteController(DialogkartaProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/api/v1/site")
  Site site() {
    return new Site(properties.basemap(), LANGUAGES, org.dialogkarta.pin.PinText.MAX_LENGTH);
  }

  @GetMapping("/api/v1/messages/{lang}")
  ResponseEntity<Map<String, String>> messages(@PathVariable String lang) {
    if (!LANGUAGES.contains(lang)) {
      throw new NotFoundException("No messages in language '" + lang + "'; one of " + LANGUAGES);
    }
    ResourceBundle bundle = Messages.bundle(lang);
    Map<String, String> messages = new TreeMap<>();
    for (String key : bundle.keySet()) {
      messages.put(key, bundle.getString(key));
    }
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(messages);
  }
}
