package dev.hygge.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints byte sizes such as {@code 64MB}, {@code 1.5GB} or {@code 4096}. */
public final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|KIB|MB|MIB|GB|GIB|TB|TIB)?");

  private ByteSize() {}

  /**
   * Parses a size; units are powers of 1024.
   *
   * @throws IllegalArgumentException when the text is not a size
   */
  public static long parse(String text) {
    Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a size (write e.g. 4096, 512KB, 64MB or 1GB)");
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "B" : m.group(2);
    long multiplier =
        switch (unit.charAt(0)) {
          case 'K' -> 1L << 10;
          case 'M' -> 1L << 20;
          case 'G' -> 1L << 30;
          case 'T' -> 1L << 40;
          default -> 1L;
        };
    return (long) (number * multiplier);
  }

  /** A short human form such as {@code 1.5 MB}. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
