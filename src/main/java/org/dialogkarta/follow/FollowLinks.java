package org.dialogkarta.follow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The absolute addresses in messages: under {@code dialogkarta.public-url} when it is set (as it
 * should be in production), otherwise under the address of the site on which the subscription was
 * made (stored with it, since the jobs that write most messages have no request to ask).
 */
@Component
class FollowLinks {

  private final String publicUrl;

  FollowLinks(@Value("${dialogkarta.public-url:}") String publicUrl) {
    this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
  }

  /** The base to store with a new subscription made on {@code requestBase}. */
  String base(String requestBase) {
    return publicUrl != null ? publicUrl : requestBase.replaceAll("/+$", "");
  }

  /** {@code path} under the site a subscription belongs to. */
  String at(String siteUrl, String path) {
    return (publicUrl != null ? publicUrl : siteUrl) + path;
  }

  String unsubscribe(String siteUrl, String token) {
    return at(siteUrl, "/api/v1/follow/unsubscribe?token=" + token);
  }

  String confirm(String siteUrl, String token) {
    return at(siteUrl, "/folj#bekrafta=" + token);
  }

  String receipt(String siteUrl, String token) {
    return at(siteUrl, "/kvitto#" + token);
  }

  String dialogue(String siteUrl, String slug) {
    return at(siteUrl, "/dialoger/" + slug);
  }
}
