package org.dialogkarta.web;

import org.dialogkarta.kernel.DialogkartaProperties;
import org.dialogkarta.kernel.Language;
import org.dialogkarta.kernel.Languages;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the pages' scripts need before they draw a map: the basemap settings, the offered languages (kernel.Languages) and
 * the longest text a pin may have. (The messages are page.MessagesController's.)
 */
@RestController
class SiteController {

  record Site(DialogkartaProperties.Basemap basemap, List<String> languages, int textMaxLength) {}

  private final DialogkartaProperties properties;

  SiteController(DialogkartaProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/api/v1/site")
  Site site() {
    return new Site(properties.basemap(), Languages.offered().stream().map(Language::code).toList(),
        org.dialogkarta.pin.PinText.MAX_LENGTH);
  }
}
