package org.dialogkarta.dialogue;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/dialogues")
@Transactional(readOnly = true)
class DialogueController {

  /** Ongoing first, then planned, then completed; newest first within each. */
  private static final Comparator<Dialogue> START_PAGE_ORDER = Comparator
      .comparing((Dialogue d) -> switch (d.status()) {
        case ONGOING -> 0;
        case PLANNED -> 1;
        case COMPLETED -> 2;
      })
      .thenComparing(Dialogue::startsOn, Comparator.nullsLast(Comparator.reverseOrder()))
      .thenComparing(Dialogue::id);

  /** The cookie of the page language (page.PageLanguage). */
  private static final String PAGE_LANGUAGE = "dk-lang";

  private final DialogueRepository dialogues;
  private final DialogueTranslations translations;

  DialogueController(DialogueRepository dialogues, DialogueTranslations translations) {
    this.dialogues = dialogues;
    this.translations = translations;
  }

  /** The dialogues with their texts in {@code lang} (else Accept-Language) where translated. */
  @GetMapping
  List<DialogueView> list(@RequestParam(required = false) String lang,
      @CookieValue(name = PAGE_LANGUAGE, required = false) String pageLang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    ContentLanguage language = language(lang, pageLang, accept);
    Map<Long, Long> counts = publishedPinCounts();
    Map<Long, Map<String, String>> texts = translations.allIn(language);
    Map<Long, List<ContentLanguage>> languages = translations.languages();
    return dialogues.findAll().stream()
        .sorted(START_PAGE_ORDER)
        .map(d -> DialogueView.of(d, counts.getOrDefault(d.id(), 0L), language,
            texts.getOrDefault(d.id(), Map.of()), languages.getOrDefault(d.id(), List.of())))
        .toList();
  }

  @GetMapping("/{id}")
  DialogueView one(@PathVariable String id, @RequestParam(required = false) String lang,
      @CookieValue(name = PAGE_LANGUAGE, required = false) String pageLang,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accept) {
    ContentLanguage language = language(lang, pageLang, accept);
    Dialogue d = dialogues.getByIdOrSlug(id);
    return DialogueView.of(d, dialogues.countPublishedPins(d.id()), language, translations.in(d.id(), language),
        translations.languages().getOrDefault(d.id(), List.of()));
  }

  /**
   * {@code lang} when given (422 naming it when it is not a language we have), else the page
   * language the visitor chose (cookie {@code dk-lang}; walk mode keeps one address per walk for
   * offline use), else Accept-Language.
   */
  private static ContentLanguage language(String lang, String pageLang, String accept) {
    return ContentLanguage.ofRequest(lang, pageLang, accept);
  }

  private Map<Long, Long> publishedPinCounts() {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row : dialogues.countPublishedPins()) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return counts;
  }
}
