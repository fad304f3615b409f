package org.dialogkarta.area;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.dialogkarta.kernel.InvalidInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Planners import neighbourhood boundaries with population, and list what is there. */
@RestController
@RequestMapping("/api/v1/staff/neighbourhoods")
class NeighbourhoodController {

  private final Neighbourhoods neighbourhoods;

  NeighbourhoodController(Neighbourhoods neighbourhoods) {
    this.neighbourhoods = neighbourhoods;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Neighbourhoods.Imported upload(@RequestPart(name = NeighbourhoodFiles.FIELD, required = false) MultipartFile file) {
    if (file == null) {
      throw InvalidInputException.of(NeighbourhoodFiles.FIELD, "neighbourhoods.file_missing",
          "Send the neighbourhood file as the multipart part 'file'");
    }
    try {
      return neighbourhoods.importFile(file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping
  List<Neighbourhoods.Listed> list() {
    return neighbourhoods.list();
  }
}
