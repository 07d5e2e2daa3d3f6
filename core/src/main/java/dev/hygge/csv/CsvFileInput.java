package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One open CSV file: its channel, its record parser positioned after the skipped lines and the
 * header, and the header's column names. The caller closes it.
 */
final class CsvFileInput implements AutoCloseable {
  private final String displayName;
  private final CountingInputStream bytes;
  private final CsvRecordParser parser;
  private final Optional<List<String>> header;

  private CsvFileInput(
      String displayName,
      CountingInputStream bytes,
      CsvRecordParser parser,
      Optional<List<String>> header) {
    this.displayName = displayName;
    this.bytes = bytes;
    this.parser = parser;
    this.header = header;
  }

  /**
   * Opens a file and reads past {@code skip_rows} and the header.
   *
   * @param displayName the file as messages name it, relative to the project where possible
   * @param entity the qualified entity name, for messages
   * @throws IOException when the file cannot be opened or read
   * @throws HyggeException of kind HOME when the header line is malformed
   */
  static CsvFileInput open(CsvSource source, CsvOptions options, String entity) throws IOException {
    String displayName = source.name();
    CountingInputStream bytes = new CountingInputStream(source.opener().open());
    try {
      InputStream utf8 =
          options.encoding().equals(UTF_8)
              ? bytes
              : new Utf8TranscodingInputStream(
                  bytes, options.encoding(), options.readBufferBytes());
      CsvRecordParser parser =
          new CsvRecordParser(
              utf8, options.format(), options.readBufferBytes(), options.maxRecordBytes());
      parser.skipLines(options.skipRows());
      Optional<List<String>> header = Optional.empty();
      if (options.header()) {
        List<String> names = new ArrayList<>();
        if (parser.next()) {
          CsvRecord record = parser.record();
          if (record.problem() != null) {
            throw new HyggeException(
                ErrorKind.HOME,
                "Cannot read entity "
                    + entity
                    + ": the header of "
                    + displayName
                    + " (line "
                    + record.line()
                    + ") is malformed: "
                    + record.problem());
          }
          for (int i = 0; i < record.fieldCount(); i++) {
            names.add(record.text(i));
          }
        }
        header = Optional.of(List.copyOf(names));
      }
      return new CsvFileInput(displayName, bytes, parser, header);
    } catch (IOException | RuntimeException e) {
      try {
        bytes.close();
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** The file as messages name it. */
  String displayName() {
    return displayName;
  }

  CsvRecordParser parser() {
    return parser;
  }

  /** The header's names; empty when the home has {@code header: false}. */
  Optional<List<String>> header() {
    return header;
  }

  /** Bytes of the file consumed so far; only while open. */
  long bytesRead() {
    return bytes.count();
  }

  @Override
  public void close() throws IOException {
    try (bytes) {
      parser.close();
    }
  }
}
