package org.dialogkarta.forwarding;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.dialogkarta.kernel.Messages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The message a department gets for one forwarding: the pins (text, category, status, place as
 * coordinates and a map link, photos as links) and the private answer link. Plain text and HTML
 * with the same content; in Swedish, the municipality's language. At most {@link #MAX_LISTED}
 * pins are written out in full, the rest are on the answer page, so a forwarding of hundreds of
 * pins is still a message of sensible size.
 */
@Component
class ForwardingMail {

  static final int MAX_LISTED = 50;
  static final String LANGUAGE = "sv";
  private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

  record Written(String subject, String text, String html) {}

  private final String base;

  ForwardingMail(@Value("${dialogkarta.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
    this.base = publicUrl == null || publicUrl.isBlank() ? "http://localhost:" + port : publicUrl.strip().replaceAll("/+$", "");
  }

  /** The answer page's address; the token travels after {@code #}, so it reaches no server log. */
  String answerLink(String token) {
    return base + "/svar#" + token;
  }

  Written write(String departmentName, List<ForwardedPins.BodyPin> pins, String token, java.time.Instant expires) {
    ResourceBundle b = Messages.bundle(LANGUAGE);
    String link = answerLink(token);
    String until = LocalDate.ofInstant(expires, ZONE).toString();
    String subject = Messages.plural(LANGUAGE, "forward.mail.subject", pins.size(), Map.of());
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"sv\"><body>");
    String greeting = Messages.plural(LANGUAGE, "forward.mail.intro", pins.size(), Map.of("department", departmentName));
    text.append(greeting).append("\n\n");
    html.append("<p>").append(esc(greeting)).append("</p>");
    String answer = Messages.text(LANGUAGE, "forward.mail.answer", Map.of("until", until));
    text.append(answer).append('\n').append(link).append("\n\n");
    html.append("<p>").append(esc(answer)).append("<br><a href=\"").append(esc(link)).append("\">")
        .append(esc(b.getString("forward.mail.answerLink"))).append("</a></p><ol>");
    int listed = 0;
    for (ForwardedPins.BodyPin pin : pins) {
      if (listed++ == MAX_LISTED) {
        break;
      }
      String heading = "#" + pin.id() + " " + b.getString("category." + pin.category())
          + (pin.subtags().isEmpty() ? "" : " (" + String.join(", ", pin.subtags()) + ")")
          + " – " + b.getString("pinStatus." + pin.status());
      String body = pin.text() == null ? b.getString("forward.mail.noText") : pin.text();
      String place = String.format(Locale.ROOT, "%.6f, %.6f", pin.lat(), pin.lon());
      String map = String.format(Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=18/%.6f/%.6f",
          pin.lat(), pin.lon(), pin.lat(), pin.lon());
      text.append("--- ").append(heading).append(" ---\n")
          .append(pin.dialogueTitle()).append('\n')
          .append(body).append('\n')
          .append(b.getString("forward.mail.place")).append(": ").append(place).append(" (WGS84) ").append(map).append('\n');
      html.append("<li><p><strong>").append(esc(heading)).append("</strong><br>").append(esc(pin.dialogueTitle()))
          .append("</p><p>").append(esc(body).replace("\n", "<br>")).append("</p><p>")
          .append(esc(b.getString("forward.mail.place"))).append(": ").append(esc(place))
          .append(" (WGS84) <a href=\"").append(esc(map)).append("\">").append(esc(b.getString("forward.mail.map")))
          .append("</a></p>");
      if (!pin.photoIds().isEmpty()) {
        text.append(b.getString("forward.mail.photos")).append(":");
        html.append("<p>").append(esc(b.getString("forward.mail.photos"))).append(":");
        for (Long photo : pin.photoIds()) {
          String url = base + "/api/v1/photos/" + photo;
          text.append(' ').append(url);
          html.append(" <a href=\"").append(esc(url)).append("\">").append(photo).append("</a>");
        }
        text.append('\n');
        html.append("</p>");
      }
      text.append('\n');
      html.append("</li>");
    }
    html.append("</ol>");
    if (pins.size() > MAX_LISTED) {
      String more = Messages.plural(LANGUAGE, "forward.mail.more", pins.size() - MAX_LISTED, Map.of());
      text.append(more).append('\n');
      html.append("<p>").append(esc(more)).append("</p>");
    }
    String footer = b.getString("forward.mail.footer");
    text.append('\n').append(footer).append('\n');
    html.append("<p>").append(esc(footer)).append("</p></body></html>");
    return new Written(subject, text.toString(), html.toString());
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
