package dev.hygge.invoke;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Makes run ids that sort by time and do not collide: {@code 20261127T151500Z-3f9a1c}. */
public final class RunIds {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int SUFFIX_BOUND = 0x1000000;

  private RunIds() {}

  /** A new run id for a run started at {@code started}. */
  public static String next(Instant started) {
    return FORMAT.format(started)
        + "-"
        + String.format("%06x", ThreadLocalRandom.current().nextInt(SUFFIX_BOUND));
  }
}
