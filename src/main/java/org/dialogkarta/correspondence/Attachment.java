package org.dialogkarta.correspondence;

/** An attachment ready to store: a PDF as sent, or an image re-encoded as JPEG. */
record Attachment(String mediaType, String fileName, byte[] content) {

  static final String PDF = "application/pdf";
  static final String JPEG = "image/jpeg";
}
