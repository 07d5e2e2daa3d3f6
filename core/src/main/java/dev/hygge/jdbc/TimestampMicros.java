package dev.hygge.jdbc;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Converts between microseconds since the epoch (UTC wall clock) and {@link LocalDateTime}. */
public final class TimestampMicros {
  private static final LocalDateTime EPOCH = LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);
  private static final long MICROS_PER_SECOND = 1_000_000L;
  private static final long NANOS_PER_MICRO = 1_000L;

  private TimestampMicros() {}

  /** The wall-clock time {@code micros} after the epoch. */
  public static LocalDateTime toLocalDateTime(long micros) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    long nanos = Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO;
    return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
  }

  /** Microseconds from the epoch to {@code time}, dropping anything below a microsecond. */
  public static long of(LocalDateTime time) {
    return ChronoUnit.MICROS.between(EPOCH, time);
  }
}
