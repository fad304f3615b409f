package org.dialogkarta.photo;

import java.util.Optional;
import java.net.URI;
import java.time.Duration;
import org.dialogkarta.receipt.IdempotencyKeys;
import org.dialogkarta.receipt.Receipts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos of pins: added by the holder of the pin's receipt (no accounts), served as JPEG to the
 * public while the pin is published, and to the receipt holder whatever the pin's state.
 */
@RestController
@RequestMapping("/api/v1")
class PhotoController {

  /**
   * What the upload answers. {@code url} is the public address, which works once the pin is
   * published; the receipt view links the submitter's own addresses.
   */
  record UploadedPhoto(long id, int width, int height, int byteSize, String url, String thumbnailUrl) {}

  /**
   * A day, not a year, although a photo never changes: a moderator may hide its pin later, and
   * shared caches must stop serving it soon after. The receipt's copies are private to the
   * submitter's browser.
   */
  private static final CacheControl PUBLIC_CACHE = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
  /** The submitter's own photos are fetched with their token in a header: never kept by a cache. */
  private static final CacheControl RECEIPT_CACHE = CacheControl.noStore();

  private final PhotoUploads uploads;
  private final Photos photos;
  private final Receipts receipts;

  PhotoController(PhotoUploads uploads, Photos photos, Receipts receipts) {
    this.uploads = uploads;
    this.photos = photos;
    this.receipts = receipts;
  }

  @PostMapping(path = "/pins/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<UploadedPhoto> upload(@PathVariable long id,
      @RequestHeader(name = Receipts.HEADER, required = false) String receiptToken,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      @RequestPart(name = PhotoFaults.FIELD, required = false) MultipartFile photo) {
    Photos.Stored stored = uploads.add(id, receiptToken, photo, IdempotencyKeys.parse(idempotencyKey));
    String url = "/api/v1/photos/" + stored.id();
    ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED).location(URI.create(url));
    if (stored.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(new UploadedPhoto(stored.id(), stored.width(), stored.height(), stored.byteSize(),
        url, url + "/thumbnail"));
  }

  @GetMapping("/photos/{id}")
  ResponseEntity<byte[]> photo(@PathVariable long id) {
    return jpeg(photos.published(id, Photos.Variant.IMAGE).orElseThrow(() -> PhotoFaults.noSuchPhoto(id)),
        PUBLIC_CACHE);
  }

  @GetMapping("/photos/{id}/thumbnail")
  ResponseEntity<byte[]> thumbnail(@PathVariable long id) {
    return jpeg(photos.published(id, Photos.Variant.THUMBNAIL).orElseThrow(() -> PhotoFaults.noSuchPhoto(id)),
        PUBLIC_CACHE);
  }

  @GetMapping("/receipt/photos/{id}")
  ResponseEntity<byte[]> receiptPhoto(@RequestHeader(name = Receipts.HEADER, required = false) String token,
      @PathVariable long id) {
    return jpeg(ofReceipt(token, id, Photos.Variant.IMAGE), RECEIPT_CACHE);
  }

  @GetMapping("/receipt/photos/{id}/thumbnail")
  ResponseEntity<byte[]> receiptThumbnail(@RequestHeader(name = Receipts.HEADER, required = false) String token,
      @PathVariable long id) {
    return jpeg(ofReceipt(token, id, Photos.Variant.THUMBNAIL), RECEIPT_CACHE);
  }

  private byte[] ofReceipt(String token, long id, Photos.Variant variant) {
    return Optional.ofNullable(token).flatMap(receipts::find)
        .flatMap(receipt -> photos.ofReceipt(id, receipt, variant))
        .orElseThrow(() -> PhotoFaults.noSuchPhoto(id));
  }

  private static ResponseEntity<byte[]> jpeg(byte[] bytes, CacheControl cache) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(cache)
        // Set here too, not only by the site-wide filter: these bytes came from a citizen.
        .header("X-Content-Type-Options", "nosniff")
        .body(bytes);
  }
}
