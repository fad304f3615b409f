package org.dialogkarta.analysis;

import java.util.Arrays;
import java.util.List;
import org.dialogkarta.dialogue.Category;

/**
 * The pins an analysis runs on, column by column: id, position in the metric CRS (metres),
 * category and time. Columns of primitives rather than one object per pin, so that a million
 * pins take about 30 MB and the algorithms walk arrays. Built with {@link Builder}; never changed
 * after that.
 */
public final class PinSample {

  /** Category codes by index; {@link #category(int)} returns one of these. */
  public static final List<String> CATEGORIES =
      Arrays.stream(Category.values()).map(Category::code).toList();

  private final long[] ids;
  private final double[] xs;
  private final double[] ys;
  private final byte[] categories;
  private final long[] epochSeconds;
  private final int size;

  private PinSample(long[] ids, double[] xs, double[] ys, byte[] categories, long[] epochSeconds, int size) {
    this.ids = ids;
    this.xs = xs;
    this.ys = ys;
    this.categories = categories;
    this.epochSeconds = epochSeconds;
    this.size = size;
  }

  public static Builder builder(int expectedSize) {
    return new Builder(expectedSize);
  }

  public int size() {
    return size;
  }

  public long id(int i) {
    return ids[check(i)];
  }

  public double x(int i) {
    return xs[check(i)];
  }

  public double y(int i) {
    return ys[check(i)];
  }

  /** Index into {@link #CATEGORIES}. */
  public int categoryIndex(int i) {
    return categories[check(i)];
  }

  public String category(int i) {
    return CATEGORIES.get(categories[check(i)]);
  }

  /** When the pin was made on the spot (or arrived), in seconds since 1970 UTC. */
  public long epochSecond(int i) {
    return epochSeconds[check(i)];
  }

  private int check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return i;
  }

  /** Adds pins one at a time; the arrays grow by half when full. */
  public static final class Builder {
    private long[] ids;
    private double[] xs;
    private double[] ys;
    private byte[] categories;
    private long[] epochSeconds;
    private int size;
    private boolean built;

    private Builder(int expectedSize) {
      int capacity = Math.max(16, expectedSize);
      ids = new long[capacity];
      xs = new double[capacity];
      ys = new double[capacity];
      categories = new byte[capacity];
      epochSeconds = new long[capacity];
    }

    public Builder add(long id, double x, double y, String category, long epochSecond) {
      if (built) {
        throw new IllegalStateException("already built");
      }
      int index = CATEGORIES.indexOf(category);
      if (index < 0) {
        throw new IllegalArgumentException("unknown category " + category);
      }
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException("pin " + id + " has no finite position");
      }
      if (size == ids.length) {
        int capacity = size + (size >> 1);
        ids = Arrays.copyOf(ids, capacity);
        xs = Arrays.copyOf(xs, capacity);
        ys = Arrays.copyOf(ys, capacity);
        categories = Arrays.copyOf(categories, capacity);
        epochSeconds = Arrays.copyOf(epochSeconds, capacity);
      }
      ids[size] = id;
      xs[size] = x;
      ys[size] = y;
      categories[size] = (byte) index;
      epochSeconds[size] = epochSecond;
      size++;
      return this;
    }

    public PinSample build() {
      built = true;
      return new PinSample(ids, xs, ys, categories, epochSeconds, size);
    }
  }
}
