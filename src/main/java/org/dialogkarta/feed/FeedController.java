package org.dialogkarta.feed;

import java.util.List;
import org.dialogkarta.kernel.Messages;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Atom feeds of what is public: one per dialogue ({@code /feeds/dialogues/{slug}.atom}, linked from
 * the dialogue page's head) and one per neighbourhood ({@code /feeds/neighbourhoods/{id}.atom}).
 * Swedish, or English with {@code ?lang=en}.
 */
@RestController
class FeedController {

  static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

  private final FeedEntries entries;
  private final String publicUrl;

  FeedController(FeedEntries entries, @Value("${dialogkarta.public-url:}") String publicUrl) {
    this.entries = entries;
    this.publicUrl = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
  }

  @GetMapping("/feeds/dialogues/{slug:[a-z0-9-]+}.atom")
  ResponseEntity<String> dialogue(@PathVariable String slug, @RequestParam(defaultValue = "sv") String lang) {
    String language = language(lang);
    FeedEntries.Source dialogue = entries.dialogue(slug)
        .orElseThrow(() -> new NotFoundException("No dialogue " + slug));
    String base = base();
    return atom(AtomWriter.write(language, base, base + "/feeds/dialogues/" + slug + ".atom",
        "tag:dialogkarta,2026:feed:dialogue:" + slug, dialogue.title(), dialogue.summary(),
        base + "/dialoger/" + slug, entries.ofDialogue(slug)));
  }

  @GetMapping("/feeds/neighbourhoods/{id:[0-9]+}.atom")
  ResponseEntity<String> neighbourhood(@PathVariable long id, @RequestParam(defaultValue = "sv") String lang) {
    String language = language(lang);
    FeedEntries.Source area = entries.neighbourhood(id)
        .orElseThrow(() -> new NotFoundException("No neighbourhood " + id));
    String base = base();
    List<FeedEntry> list = entries.ofNeighbourhood(id);
    return atom(AtomWriter.write(language, base, base + "/feeds/neighbourhoods/" + id + ".atom",
        "tag:dialogkarta,2026:feed:neighbourhood:" + id,
        Messages.text(language, "feed.neighbourhood.title", java.util.Map.of("name", area.title())), null,
        base + "/", list));
  }

  private static String language(String lang) {
    return org.dialogkarta.kernel.Languages.forStaff().stream().anyMatch(l -> l.code().equals(lang)) ? lang : "sv";
  }

  private String base() {
    return publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : publicUrl;
  }

  private static ResponseEntity<String> atom(String body) {
    return ResponseEntity.ok().contentType(ATOM).body(body);
  }
}
