package org.dialogkarta.ogc.filter;

import java.math.BigDecimal;
import java.util.List;

/** Geometry literals that are not written as WKT: a {@code BBOX} becomes its polygon. */
final class Geometries {

  private Geometries() {}

  /** Four numbers (or six with heights, which are dropped: every feature here lies on the ground). */
  static Operand.Geometry box(List<BigDecimal> v) {
    List<BigDecimal> b = v.size() == 6 ? List.of(v.get(0), v.get(1), v.get(3), v.get(4)) : v;
    if (b.get(0).compareTo(b.get(2)) > 0 || b.get(1).compareTo(b.get(3)) > 0) {
      throw new FilterException("A BBOX's lower corner comes first, with no value greater than the upper corner's"
          + " (a box across the antimeridian is offered by the bbox parameter, not in filters)");
    }
    String x0 = b.get(0).toPlainString();
    String y0 = b.get(1).toPlainString();
    String x1 = b.get(2).toPlainString();
    String y1 = b.get(3).toPlainString();
    return new Operand.Geometry("POLYGON((" + x0 + " " + y0 + "," + x1 + " " + y0 + "," + x1 + " " + y1 + "," + x0 + " "
        + y1 + "," + x0 + " " + y0 + "))", false);
  }
}
