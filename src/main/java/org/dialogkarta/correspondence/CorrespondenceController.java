package org.dialogkarta.correspondence;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.dialogkarta.audit.AuditLog;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Views that arrived outside the map (inkomna synpunkter), registered and corrected by planners
 * (PLANNER and above, by path in SecurityConfig). A view with an attachment is one multipart
 * request (part {@code view}: the JSON body, part {@code attachment}: the file), so that a refused
 * file leaves no view behind; without one, plain JSON will do. Everything is checked before the
 * one transaction that stores it.
 */
@RestController
@RequestMapping("/api/v1/staff/dialogues/{dialogueId}/views")
class CorrespondenceController {

  /** The municipality's calendar day decides what "in the future" means for an arrival date. */
  private static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Stockholm");

  private final IncomingViews views;
  private final AttachmentCheck attachments;

  CorrespondenceController(IncomingViews views, AttachmentCheck attachments) {
    this.views = views;
    this.attachments = attachments;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<IncomingView> register(@PathVariable long dialogueId, @RequestBody ViewDraft draft) {
    views.requireDialogue(dialogueId);
    return created(views.register(dialogueId, check(draft), Optional.empty(), AuditLog.currentActor()));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<IncomingView> registerWithAttachment(@PathVariable long dialogueId,
      @RequestPart(name = "view", required = false) ViewDraft draft,
      @RequestPart(name = AttachmentCheck.FIELD, required = false) MultipartFile attachment) {
    if (draft == null) {
      throw InvalidInputException.of("view", "view.missing", "Send the view as the JSON part 'view'");
    }
    views.requireDialogue(dialogueId);
    CheckedView view = check(draft);
    Optional<Attachment> file = attachments.check(attachment);
    return created(views.register(dialogueId, view, file, AuditLog.currentActor()));
  }

  @GetMapping
  List<IncomingView> list(@PathVariable long dialogueId, @RequestParam(required = false) String channel) {
    Channel only = channel == null || channel.isBlank() ? null : Coded.fromCode(Channel.class, channel)
        .orElseThrow(() -> InvalidInputException.of("channel", "channel.unknown",
            "Unknown channel '" + channel + "'; one of " + Coded.codesOf(Channel.class)));
    return views.list(dialogueId, only);
  }

  @GetMapping("/{id}")
  IncomingView one(@PathVariable long dialogueId, @PathVariable long id) {
    return views.find(dialogueId, id);
  }

  /** A correction replaces every field; {@code version} is the one the editor loaded. */
  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  IncomingView correct(@PathVariable long dialogueId, @PathVariable long id, @RequestBody ViewDraft draft) {
    if (draft.version() == null || draft.version() < 0) {
      throw InvalidInputException.of("version", "version.missing",
          "Send the version of the view you corrected, so that nobody else's change is lost");
    }
    return views.correct(dialogueId, id, draft.version(), check(draft), AuditLog.currentActor());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable long dialogueId, @PathVariable long id) {
    views.delete(dialogueId, id);
  }

  @GetMapping("/{id}/attachment")
  ResponseEntity<byte[]> attachment(@PathVariable long dialogueId, @PathVariable long id) {
    Attachment a = views.attachment(dialogueId, id)
        .orElseThrow(() -> new NotFoundException("View " + id + " has no attachment"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.mediaType()))
        .header("Content-Disposition", ContentDisposition.attachment()
            .filename(a.fileName(), StandardCharsets.UTF_8).build().toString())
        // Personal data: never kept by a shared cache or left in the browser's.
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .body(a.content());
  }

  private static CheckedView check(ViewDraft draft) {
    return ViewRules.check(draft, LocalDate.now(MUNICIPALITY));
  }

  private static ResponseEntity<IncomingView> created(IncomingView view) {
    return ResponseEntity.created(URI.create("/api/v1/staff/dialogues/" + view.dialogueId() + "/views/" + view.id()))
        .body(view);
  }
}
