package org.dialogkarta.moderation;

import java.time.Duration;
import java.util.List;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.pin.ModerationState;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderators' queue and their decisions (MODERATOR and above, by path in SecurityConfig).
 * Each decision answers with the pin as it now is, history included.
 */
@RestController
@RequestMapping("/api/v1/staff/moderation")
class ModerationController {

  record HideRequest(String reason) {}

  record RedactRequest(String text) {}

  /** A moderator's browser may keep a photo for the session, never a shared cache. */
  private static final CacheControl PRIVATE = CacheControl.maxAge(Duration.ofMinutes(10)).cachePrivate();

  private final StaffPins staffPins;
  private final PinDetails details;
  private final Moderation moderation;
  private final DialogueRepository dialogues;

  ModerationController(StaffPins staffPins, PinDetails details, Moderation moderation,
      DialogueRepository dialogues) {
    this.staffPins = staffPins;
    this.details = details;
    this.moderation = moderation;
    this.dialogues = dialogues;
  }

  @GetMapping("/queue")
  StaffPin.Page queue(@RequestParam(required = false) String dialogue,
      @RequestParam(defaultValue = "pending") String state,
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) Long after) {
    List<String> states = StaffFilters.codes(ModerationState.class, "state", List.of(state));
    Long dialogueId = dialogue == null || dialogue.isBlank() ? null : dialogues.getByIdOrSlug(dialogue.strip()).id();
    return staffPins.find(new StaffPins.Filter(dialogueId, states, null, null, null, after,
        StaffFilters.limit(limit)));
  }

  @GetMapping("/pins/{id}")
  PinDetails.Detail pin(@PathVariable long id, Authentication auth) {
    return details.of(id, PinDetails.forAdmin(auth));
  }

  @PostMapping("/pins/{id}/approve")
  PinDetails.Detail approve(@PathVariable long id, Authentication auth) {
    moderation.approve(id);
    return details.of(id, PinDetails.forAdmin(auth));
  }

  @PostMapping("/pins/{id}/hide")
  PinDetails.Detail hide(@PathVariable long id, @RequestBody HideRequest body, Authentication auth) {
    moderation.hide(id, body.reason());
    return details.of(id, PinDetails.forAdmin(auth));
  }

  @PostMapping("/pins/{id}/redact")
  PinDetails.Detail redact(@PathVariable long id, @RequestBody RedactRequest body, Authentication auth) {
    moderation.redact(id, body.text());
    return details.of(id, PinDetails.forAdmin(auth));
  }

  @GetMapping("/photos/{id}")
  ResponseEntity<byte[]> photo(@PathVariable long id) {
    return jpeg(staffPins.photo(id, false).orElseThrow(() -> new NotFoundException("No photo " + id)));
  }

  @GetMapping("/photos/{id}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
    return jpeg(staffPins.photo(id, true).orElseThrow(() -> new NotFoundException("No photo " + id)));
  }

  private static ResponseEntity<byte[]> jpeg(byte[] bytes) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(PRIVATE)
        .header("X-Content-Type-Options", "nosniff")
        .body(bytes);
  }
}
