package org.dialogkarta.pin;

import org.dialogkarta.receipt.Receipts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The submitter's receipt link: what became of their pins ({@link ReceiptViews}) and deleting one
 * of them ({@link OwnPinDeletion}). The token comes in the {@code X-Receipt-Token} header, never
 * in the path: paths end up in proxies' and servers' access logs, headers do not. A missing,
 * malformed or unknown token is a 404.
 */
@RestController
class ReceiptController {

  private final Receipts receipts;
  private final ReceiptViews views;
  private final OwnPinDeletion deletion;

  ReceiptController(Receipts receipts, ReceiptViews views, OwnPinDeletion deletion) {
    this.receipts = receipts;
    this.views = views;
    this.deletion = deletion;
  }

  @GetMapping("/api/v1/receipt")
  ReceiptViews.ReceiptView receipt(@RequestHeader(name = Receipts.HEADER, required = false) String token) {
    return views.of(receipts.require(token));
  }

  @DeleteMapping("/api/v1/receipt/pins/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@RequestHeader(name = Receipts.HEADER, required = false) String token, @PathVariable long id) {
    deletion.delete(receipts.require(token), id);
  }
}
