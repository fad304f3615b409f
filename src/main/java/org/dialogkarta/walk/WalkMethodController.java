package org.dialogkarta.walk;

import java.net.URI;
import java.util.List;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The facilitator runs a safety walk by the method (PLANNER and above, by the walks' path rule):
 * stops, checklist, the three meetings and the action plan.
 */
@RestController
@RequestMapping("/api/v1/staff/walks/{id}")
class WalkMethodController {

  private final Walks walks;
  private final WalkMethods methods;
  private final Checklists checklists;
  private final WalkStops stops;
  private final WalkMeetings meetings;
  private final WalkActions actions;
  private final WalkReports reports;
  private final WalkReportPdf pdf;
  private final WalkRatingPhotos ratingPhotos;

  WalkMethodController(Walks walks, WalkMethods methods, Checklists checklists, WalkStops stops, WalkMeetings meetings,
      WalkActions actions, WalkReports reports, WalkReportPdf pdf, WalkRatingPhotos ratingPhotos) {
    this.ratingPhotos = ratingPhotos;
    this.reports = reports;
    this.pdf = pdf;
    this.walks = walks;
    this.methods = methods;
    this.checklists = checklists;
    this.stops = stops;
    this.meetings = meetings;
    this.actions = actions;
  }

  @GetMapping("/method")
  WalkMethod method(@PathVariable long id) {
    walks.get(id);
    return methods.of(id);
  }

  /** The walk report as an accessible PDF to download. */
  @GetMapping(path = "/report.pdf", produces = "application/pdf")
  ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
    byte[] file = pdf.write(reports.of(id));
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vandring-" + id + ".pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(file);
  }

  /** The photo of a group's rating set (issue 16), cleaned on upload; staff only, never cached. */
  @GetMapping("/ratings/{setId}/photo")
  ResponseEntity<byte[]> ratingPhoto(@PathVariable long id, @PathVariable long setId) {
    return jpeg(ratingPhotos.read(id, setId, false).orElseThrow(() -> new NotFoundException("No photo of rating set " + setId)));
  }

  @GetMapping("/ratings/{setId}/photo/thumbnail")
  ResponseEntity<byte[]> ratingPhotoThumbnail(@PathVariable long id, @PathVariable long setId) {
    return jpeg(ratingPhotos.read(id, setId, true).orElseThrow(() -> new NotFoundException("No photo of rating set " + setId)));
  }

  private static ResponseEntity<byte[]> jpeg(byte[] bytes) {
    return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff").body(bytes);
  }

  @PutMapping("/checklist")
  List<Checklists.Item> checklist(@PathVariable long id, @RequestBody Checklists.Draft draft) {
    walks.get(id);
    return checklists.replace(id, draft);
  }

  @PutMapping("/stops")
  List<WalkStops.Stop> stops(@PathVariable long id, @RequestBody WalkStops.Draft draft) {
    walks.get(id);
    return stops.replace(id, draft);
  }

  @PutMapping("/meetings/{kind}")
  WalkMeetings.Meeting meeting(@PathVariable long id, @PathVariable String kind, @RequestBody WalkMeetings.Draft draft) {
    return meetings.put(id, kind, draft);
  }

  @PostMapping("/actions")
  ResponseEntity<WalkActions.Action> createAction(@PathVariable long id, @RequestBody WalkActions.Draft draft) {
    WalkActions.Action created = actions.create(id, draft);
    return ResponseEntity.created(URI.create("/api/v1/staff/walks/" + id + "/actions/" + created.id())).body(created);
  }

  @PutMapping("/actions/{actionId}")
  WalkActions.Action replaceAction(@PathVariable long id, @PathVariable long actionId, @RequestBody WalkActions.Draft draft) {
    return actions.replace(id, actionId, draft);
  }
}
