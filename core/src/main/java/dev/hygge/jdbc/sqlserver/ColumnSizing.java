package dev.hygge.jdbc.sqlserver;

/**
 * Declared sizes of variable-length columns chosen from the data: the longest value rounded up to
 * the next power of two (at least {@value #MIN_LENGTH}), so a later load with slightly longer
 * values still fits, and {@code MAX} past what an in-row column holds.
 */
public final class ColumnSizing {
  /** The smallest declared length. */
  public static final int MIN_LENGTH = 16;

  /** The longest {@code NVARCHAR(n)}, in UTF-16 code units; longer is {@code NVARCHAR(MAX)}. */
  public static final int MAX_NVARCHAR = 4000;

  /** The longest {@code VARBINARY(n)}, in bytes; longer is {@code VARBINARY(MAX)}. */
  public static final int MAX_VARBINARY = 8000;

  private ColumnSizing() {}

  /** {@code NVARCHAR(n)} or {@code NVARCHAR(MAX)} for values of at most {@code longest} units. */
  public static String nvarchar(long longest) {
    return "NVARCHAR(" + sized(longest, MAX_NVARCHAR) + ")";
  }

  /** {@code VARBINARY(n)} or {@code VARBINARY(MAX)} for values of at most {@code longest} bytes. */
  public static String varbinary(long longest) {
    return "VARBINARY(" + sized(longest, MAX_VARBINARY) + ")";
  }

  private static String sized(long longest, int max) {
    if (longest < 0) {
      throw new IllegalArgumentException("longest is negative: " + longest);
    }
    long length = Math.max(MIN_LENGTH, Long.highestOneBit(Math.max(1, longest)));
    if (length < longest) {
      length <<= 1;
    }
    return length > max ? (longest > max ? "MAX" : String.valueOf(max)) : String.valueOf(length);
  }
}
