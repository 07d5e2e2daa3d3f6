package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends rejected rows to a CSV file with the header {@code file,line,reason,raw}: the source
 * file, the 1-based line the row starts on, why it was rejected, and the row's original text (line
 * breaks of multi-line rows included). Every field is quoted, quotes doubled. The file and its
 * directory are created on the first rejected row; the header is written when the file is new or
 * empty. The caller closes it.
 */
final class RejectFile implements AutoCloseable {
  static final String HEADER = "file,line,reason,raw";

  private final Path path;
  private Writer writer;

  RejectFile(Path path) {
    this.path = path;
  }

  Path path() {
    return path;
  }

  /** Appends one rejected row. */
  void append(String file, long line, String reason, String raw) throws IOException {
    if (writer == null) {
      writer = open();
    }
    writer.write(quoted(file));
    writer.write(',');
    writer.write(Long.toString(line));
    writer.write(',');
    writer.write(quoted(reason));
    writer.write(',');
    writer.write(quoted(raw));
    writer.write('\n');
  }

  private Writer open() throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean fresh = !Files.exists(path) || Files.size(path) == 0;
    BufferedWriter opened =
        Files.newBufferedWriter(path, UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (fresh) {
      opened.write(HEADER);
      opened.write('\n');
    }
    return opened;
  }

  private static String quoted(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
    }
  }
}
