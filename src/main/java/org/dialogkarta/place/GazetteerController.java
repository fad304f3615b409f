package org.dialogkarta.place;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Planners import the gazetteer (place names and address points) and see how much is in it. */
@RestController
@RequestMapping("/api/v1/staff/places")
class GazetteerController {

  private final Gazetteer gazetteer;

  GazetteerController(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Gazetteer.Imported upload(@RequestPart(name = Gazetteer.FIELD, required = false) MultipartFile file,
      @RequestParam(name = "mode", required = false) String mode) {
    Gazetteer.Mode m = mode(mode);
    if (file == null) {
      throw InvalidInputException.of(Gazetteer.FIELD, "places.file_missing",
          "Send the gazetteer file as the multipart part 'file'");
    }
    try {
      return gazetteer.importFile(file.getBytes(), m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping
  Gazetteer.Summary summary() {
    return gazetteer.summary();
  }

  /** Append unless the planner says replace: losing the gazetteer should take a choice. */
  private static Gazetteer.Mode mode(String mode) {
    if (mode == null || mode.isBlank()) {
      return Gazetteer.Mode.APPEND;
    }
    return switch (mode.strip().toLowerCase(Locale.ROOT)) {
      case "append" -> Gazetteer.Mode.APPEND;
      case "replace" -> Gazetteer.Mode.REPLACE;
      default -> throw InvalidInputException.of("mode", "places.mode", "mode must be 'replace' or 'append'");
    };
  }
}
