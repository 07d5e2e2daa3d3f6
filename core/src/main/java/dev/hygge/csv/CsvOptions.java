package dev.hygge.csv;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The validated settings of one CSV home.
 *
 * @param path the file, directory or glob as the user wrote it, for messages
 * @param baseDir the project directory relative paths resolve against
 * @param header whether the first line (after {@code skipRows}) holds column names
 * @param format delimiter, quote and escape
 * @param encoding the files' character set
 * @param nullValues texts that mean null in unquoted fields
 * @param skipRows physical lines to skip before the header (or the first row)
 * @param schema declared column types, in the order written
 * @param inferRows how many rows of the first file inference samples
 * @param onBadRow fail or reject bad rows
 * @param rejectPath where rejected rows go, relative to {@code baseDir}; {@code {entity}} stands
 *     for the qualified entity name
 * @param readBufferBytes the parser's read buffer size
 * @param maxRecordBytes the longest record the parser buffers before giving up on the file
 */
public record CsvOptions(
    String path,
    Path baseDir,
    boolean header,
    CsvFormat format,
    Charset encoding,
    List<String> nullValues,
    int skipRows,
    Map<String, CsvColumnType> schema,
    int inferRows,
    BadRowPolicy onBadRow,
    String rejectPath,
    int readBufferBytes,
    int maxRecordBytes) {
  /** The placeholder in {@code reject_path} replaced by the qualified entity name. */
  public static final String ENTITY_PLACEHOLDER = "{entity}";

  public CsvOptions {
    requireNonNull(path, "path is null");
    requireNonNull(baseDir, "baseDir is null");
    requireNonNull(format, "format is null");
    requireNonNull(encoding, "encoding is null");
    nullValues = List.copyOf(requireNonNull(nullValues, "nullValues is null"));
    schema = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(schema, "schema")));
    requireNonNull(onBadRow, "onBadRow is null");
    requireNonNull(rejectPath, "rejectPath is null");
    if (skipRows < 0) {
      throw new IllegalArgumentException("skipRows must not be negative: " + skipRows);
    }
    if (inferRows < 0) {
      throw new IllegalArgumentException("inferRows must not be negative: " + inferRows);
    }
    if (readBufferBytes <= 0) {
      throw new IllegalArgumentException("readBufferBytes must be positive: " + readBufferBytes);
    }
    if (maxRecordBytes < readBufferBytes) {
      throw new IllegalArgumentException(
          "maxRecordBytes " + maxRecordBytes + " is below readBufferBytes " + readBufferBytes);
    }
  }

  /** The reject file for one entity. */
  public Path rejectFile(String entity) {
    return baseDir.resolve(rejectPath.replace(ENTITY_PLACEHOLDER, entity)).normalize();
  }
}
