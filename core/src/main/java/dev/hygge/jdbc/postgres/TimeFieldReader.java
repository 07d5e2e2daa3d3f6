package dev.hygge.jdbc.postgres;

import org.apache.arrow.vector.TimeMicroVector;

/** Decodes PostgreSQL {@code time} (microseconds since midnight) into a {@link TimeMicroVector}. */
final class TimeFieldReader implements CopyFieldReader {
  private final TimeMicroVector vector;

  TimeFieldReader(TimeMicroVector vector) {
    this.vector = vector;
  }

  @Override
  public void read(CopyInput in, int length, int row) {
    vector.setSafe(row, in.readLong());
  }

  @Override
  public void setNull(int row) {
    vector.setNull(row);
  }
}
