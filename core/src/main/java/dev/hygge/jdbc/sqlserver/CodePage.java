package dev.hygge.jdbc.sqlserver;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The Java charset of a SQL Server collation's code page ({@code COLLATIONPROPERTY(collation,
 * 'CodePage')}), which says how many bytes a {@code VARCHAR} value takes.
 */
final class CodePage {
  /** What a column without a collation (not text) or an unknown one reports. */
  static final int NONE = 0;

  private static final int UTF8 = 65001;

  /** Code pages whose Java charset is not {@code windows-<page>}. */
  private static final Map<Integer, String> NAMES =
      Map.of(
          437, "IBM437",
          850, "IBM850",
          874, "x-windows-874",
          932, "windows-31j",
          936, "x-mswin-936",
          949, "x-windows-949",
          950, "x-windows-950");

  private CodePage() {}

  /** The charset of {@code codePage}; empty for {@link #NONE} and pages this JVM does not know. */
  static Optional<Charset> charset(int codePage) {
    if (codePage == UTF8) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    if (codePage == NONE) {
      return Optional.empty();
    }
    String name = NAMES.getOrDefault(codePage, "windows-" + codePage);
    return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
  }
}
