package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.DateDayVector;

/**
 * Decodes PostgreSQL {@code date} (days since 2000-01-01) into a {@link DateDayVector} (days since
 * 1970-01-01).
 */
final class DateFieldReader implements CopyFieldReader {
  private final DateDayVector vector;

  DateFieldReader(DateDayVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.readInt() + DateCopyColumn.EPOCH_SHIFT_DAYS);
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
