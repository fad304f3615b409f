package org.dialogkarta.pin;

import java.net.URI;
import java.util.List;
import org.dialogkarta.dialogue.Category;
import org.dialogkarta.dialogue.Dialogue;
import org.dialogkarta.dialogue.DialogueRepository;
import org.dialogkarta.geo.BoundingBox;
import org.dialogkarta.geo.MetricCrs;
import org.dialogkarta.geo.Wgs84;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.springframework.beans.factory.annotation.Value;
import org.dialogkarta.kernel.Coded;
import org.dialogkarta.kernel.InvalidInputException;
import org.dialogkarta.kernel.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1")
class PinController {

  private static final String GEO_JSON = "application/geo+json";

  private final DialogueRepository dialogues;
  private final PublishedPins published;
  private final PinSubmissions submissions;
  private final MetricCrs metricCrs;
  private final double nearbyMetres;
  private final PinGrid grid;
  private final ShapesInView shapes;

  PinController(DialogueRepository dialogues, PublishedPins published, PinSubmissions submissions,
      MetricCrs metricCrs, @Value("${dialogkarta.nearby-metres:50}") double nearbyMetres, PinGrid grid,
      ShapesInView shapes) {
    this.grid = grid;
    this.shapes = shapes;
    this.dialogues = dialogues;
    this.published = published;
    this.submissions = submissions;
    this.metricCrs = metricCrs;
    this.nearbyMetres = nearbyMetres;
  }

  @GetMapping(path = "/dialogues/{id}/pins", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  PinFeature.Collection pins(@PathVariable String id,
      @RequestParam(required = false) String bbox,
      @RequestParam(required = false) List<String> category) {
    BoundingBox box = BoundingBox.parse(bbox);
    List<Category> categories = parseCategories(category);
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    return PinFeature.Collection.of(published.inDialogue(dialogue.id(), box, categories));
  }

  /**
   * The published pins of one map tile: a cluster with its count per grid cell, and the pins
   * themselves in cells that hold only a few (see {@link PinGrid}). The answer is the same until a
   * published pin appears, goes, moves or changes category, so it carries that version as its
   * ETag: a browser or proxy keeps it and asks again each time ({@code no-cache}), getting 304
   * while nothing changed, and the new answer at once when a pin is hidden.
   */
  @GetMapping(path = "/dialogues/{id}/pins/tiles/{z}/{x}/{y}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PinGrid.Tile> tile(@PathVariable String id, @PathVariable int z, @PathVariable int x,
      @PathVariable int y, @RequestParam(required = false) List<String> category, WebRequest request) {
    MapTile tile = new MapTile(z, x, y);
    List<Category> categories = parseCategories(category);
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    long version = grid.version(dialogue.id());
    String etag = "\"" + version + "\"";
    if (request.checkNotModified(etag)) {
      return null;
    }
    return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache().cachePublic())
        .body(grid.tile(dialogue.id(), tile, categories, version));
  }

  /**
   * The published lines and areas in a view of a large dialogue's map (drawn under the tiles'
   * clusters once zoomed in): at most {@code limit}, with {@code capped} when there were more,
   * simplified for {@code zoom} when given.
   */
  @GetMapping(path = "/dialogues/{id}/shapes", produces = MediaType.APPLICATION_JSON_VALUE)
  ShapesInView.Answer shapes(@PathVariable String id, @RequestParam(required = false) String bbox,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) Integer zoom,
      @RequestParam(defaultValue = "" + ShapesInView.MAX_LIMIT) int limit) {
    BoundingBox box = BoundingBox.parse(bbox);
    if (box == null) {
      throw InvalidInputException.of("bbox", "bbox.missing", "A bbox=minLon,minLat,maxLon,maxLat is required");
    }
    if (limit < 1 || limit > ShapesInView.MAX_LIMIT) {
      throw InvalidInputException.of("limit", "limit.range", "limit is 1 to " + ShapesInView.MAX_LIMIT);
    }
    if (zoom != null && (zoom < 0 || zoom > MapTile.MAX_ZOOM)) {
      throw InvalidInputException.of("zoom", "tile.zoom", "Zoom must be 0 to " + MapTile.MAX_ZOOM);
    }
    List<Category> categories = parseCategories(category);
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    return shapes.find(dialogue.id(), box, categories, zoom, limit);
  }

  /**
   * The published pins in a view for the list, newest first, a page at a time: {@code before} is
   * the last id of the previous page (keyset paging, as fast on page 1,000 as on page 1).
   */
  @GetMapping(path = "/dialogues/{id}/pins/page", produces = MediaType.APPLICATION_JSON_VALUE)
  PinPage page(@PathVariable String id, @RequestParam(required = false) String bbox,
      @RequestParam(required = false) List<String> category, @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "50") int limit) {
    if (limit < 1 || limit > PinPage.MAX_LIMIT) {
      throw InvalidInputException.of("limit", "limit.range", "limit is 1 to " + PinPage.MAX_LIMIT);
    }
    BoundingBox box = BoundingBox.parse(bbox);
    List<Category> categories = parseCategories(category);
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    List<PinFeature> features = published.page(dialogue.id(), box, categories, before, limit + 1);
    boolean more = features.size() > limit;
    List<PinFeature> shown = more ? features.subList(0, limit) : features;
    return new PinPage(shown, more ? shown.getLast().id() : null);
  }

  /** Up to five published pins of the category within the configured distance, nearest first. */
  @GetMapping(path = "/dialogues/{id}/pins/nearby", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  PinFeature.Collection nearby(@PathVariable String id, @RequestParam(required = false) Double lon,
      @RequestParam(required = false) Double lat, @RequestParam(required = false) String category) {
    if (lon == null || lat == null || !Wgs84.isValidLon(lon) || !Wgs84.isValidLat(lat)) {
      throw InvalidInputException.of(lon == null || !Wgs84.isValidLon(lon) ? "lon" : "lat", "location.out_of_range",
          "Give lon and lat in WGS84 degrees");
    }
    Category wanted = parseCategories(category == null ? null : List.of(category)).stream().findFirst()
        .orElseThrow(() -> InvalidInputException.of("category", "category.missing", "A category is required"));
    Dialogue dialogue = dialogues.getByIdOrSlug(id);
    return PinFeature.Collection.of(published.nearby(dialogue.id(), lon, lat, wanted, nearbyMetres, metricCrs.srid(), 5));
  }

  @GetMapping(path = "/pins/{id}", produces = {GEO_JSON, MediaType.APPLICATION_JSON_VALUE})
  PinFeature pin(@PathVariable long id) {
    return published.byId(id).orElseThrow(() -> new NotFoundException("No published pin " + id));
  }

  @PostMapping(path = "/dialogues/{id}/pins", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SubmittedPin> submit(@PathVariable String id,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestBody PinSubmission submission) {
    SubmittedPin answer = submissions.submit(id, submission, IdempotencyKeys.parse(idempotencyKey));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/pins/" + answer.id()));
    if (answer.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(answer);
  }

  private static List<Category> parseCategories(List<String> codes) {
    if (codes == null) {
      return List.of();
    }
    return codes.stream()
        .filter(code -> !code.isBlank())
        .map(code -> Coded.fromCode(Category.class, code.strip()).orElseThrow(() ->
            InvalidInputException.of("category", "category.unknown",
                "Unknown category '" + code + "'; one of " + Coded.codesOf(Category.class))))
        .toList();
  }
}
