package org.dialogkarta.ogc.filter;

/**
 * A filter or sort order that cannot be used: a syntax error (with where it is), an unknown
 * queryable, operands of different types, or something this service does not offer. The OGC API
 * answers it as a 400 naming the parameter.
 */
public final class FilterException extends RuntimeException {

  private final String parameter;

  public FilterException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public FilterException(String message) {
    this("filter", message);
  }

  /** The query parameter at fault: {@code filter}, {@code filter-lang}, {@code filter-crs} or {@code sortby}. */
  public String parameter() {
    return parameter;
  }
}
