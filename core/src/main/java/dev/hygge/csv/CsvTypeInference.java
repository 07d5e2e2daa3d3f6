package dev.hygge.csv;

/**
 * Infers column types from sampled values: each column gets the first type in the order boolean,
 * int64, float64, date, timestamp, timestamptz that every non-null sampled value parses as, else
 * string. Decimals are inferred as float64 (declare {@code decimal(p,s)} for exact amounts). A
 * timestamp with {@code Z} or an offset makes the column timestamptz (UTC); local timestamps alone
 * make it timestamp. A column with no non-null sampled value is string.
 */
final class CsvTypeInference {
  private static final int BOOLEAN = 1;
  private static final int INT64 = 1 << 1;
  private static final int FLOAT64 = 1 << 2;
  private static final int DATE = 1 << 3;
  private static final int TIMESTAMP = 1 << 4;
  private static final int TIMESTAMPTZ = 1 << 5;
  private static final int ANY = BOOLEAN | INT64 | FLOAT64 | DATE | TIMESTAMP | TIMESTAMPTZ;

  private static final int[] ORDER = {BOOLEAN, INT64, FLOAT64, DATE, TIMESTAMP, TIMESTAMPTZ};
  private static final CsvColumnType[] TYPES = {
    CsvColumnType.BOOLEAN,
    CsvColumnType.INT64,
    CsvColumnType.FLOAT64,
    CsvColumnType.DATE,
    CsvColumnType.TIMESTAMP,
    CsvColumnType.TIMESTAMPTZ
  };

  private final int[] masks;
  private final boolean[] seen;
  private final NumberParser numbers = new NumberParser();
  private final TemporalParser temporals = new TemporalParser();

  /** Starts with every type possible for {@code columns} columns. */
  CsvTypeInference(int columns) {
    this.masks = new int[columns];
    this.seen = new boolean[columns];
    java.util.Arrays.fill(masks, ANY);
  }

  /** Narrows column {@code column} by one non-null value. */
  void observe(int column, byte[] bytes, int start, int end) {
    int from = AsciiSpaces.trimStart(bytes, start, end);
    int to = AsciiSpaces.trimEnd(bytes, from, end);
    seen[column] = true;
    masks[column] &= typesOf(bytes, from, to);
  }

  /** The inferred type of a column. */
  CsvColumnType type(int column) {
    if (!seen[column]) {
      return CsvColumnType.STRING;
    }
    for (int i = 0; i < ORDER.length; i++) {
      if ((masks[column] & ORDER[i]) != 0) {
        return TYPES[i];
      }
    }
    return CsvColumnType.STRING;
  }

  private int typesOf(byte[] bytes, int start, int end) {
    if (start == end) {
      return 0;
    }
    int types = 0;
    if (BooleanAppender.isWord(bytes, start, end)) {
      types |= BOOLEAN;
    }
    if (numbers.parseLong(bytes, start, end)) {
      types |= INT64 | FLOAT64;
    } else if (numbers.parseDouble(bytes, start, end)) {
      types |= FLOAT64;
    }
    TemporalParser.Shape shape = temporals.parseTimestamp(bytes, start, end);
    if (shape == TemporalParser.Shape.LOCAL) {
      types |= TIMESTAMP | TIMESTAMPTZ;
      if (temporals.parseDate(bytes, start, end)) {
        types |= DATE;
      }
    } else if (shape == TemporalParser.Shape.OFFSET) {
      types |= TIMESTAMPTZ;
    }
    return types;
  }
}
