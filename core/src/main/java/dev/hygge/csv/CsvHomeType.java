package dev.hygge.csv;

import dev.hygge.config.Setting;
import dev.hygge.config.SettingType;
import dev.hygge.config.Settings;
import dev.hygge.flow.Home;
import dev.hygge.flow.HomeType;
import dev.hygge.storage.StorageSettings;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code csv} home type: delimited text files read straight into Arrow vectors. */
public final class CsvHomeType implements HomeType {
  static final String PATH = "path";
  static final String HEADER = "header";
  static final String DELIMITER = "delimiter";
  static final String QUOTE = "quote";
  static final String ESCAPE = "escape";
  static final String ENCODING = "encoding";
  static final String NULL_VALUES = "null_values";
  static final String SKIP_ROWS = "skip_rows";
  static final String SCHEMA = "schema";
  static final String INFER_ROWS = "infer_rows";
  static final String ON_BAD_ROW = "on_bad_row";
  static final String REJECT_PATH = "reject_path";
  static final String READ_BUFFER = "read_buffer";
  static final String MAX_RECORD_SIZE = "max_record_size";

  /** The largest size a Java byte array can safely take. */
  private static final long MAX_BUFFER_BYTES = Integer.MAX_VALUE - 8;

  /** The default {@code reject_path}, relative to the project directory. */
  public static final String DEFAULT_REJECT_PATH =
      "rejects/" + CsvOptions.ENTITY_PLACEHOLDER + ".csv";

  private static final List<Setting> SETTINGS =
      java.util.stream.Stream.concat(
              StorageSettings.with(
                  Setting.required(
                      PATH,
                      SettingType.LOCATION,
                      "A CSV file, a directory (its *.csv files, sorted by name, skipping names"
                          + " that start with _ or .) or a glob such as landing/orders/*.csv or"
                          + " s3://bucket/landing/**/*.csv."))
                  .stream(),
              java.util.stream.Stream.of(
                  Setting.optional(
                      HEADER,
                      SettingType.BOOLEAN,
                      "true",
                      "Whether the first line holds column names; when false, columns are named by"
                          + " 'schema' in order, then column_1, column_2, ..."),
                  Setting.optional(
                      DELIMITER,
                      SettingType.STRING,
                      ",",
                      "The single character between fields; write \\t or tab for a tab."),
                  Setting.optional(
                      QUOTE,
                      SettingType.STRING,
                      "\"",
                      "The character that encloses quoted fields."),
                  Setting.optional(
                      ESCAPE,
                      SettingType.STRING,
                      "Escapes a quote inside a quoted field: by default the quote itself (doubled quotes,"
                          + " RFC 4180); may be \\ (backslash escapes the next character)."),
                  Setting.optional(
                      ENCODING,
                      SettingType.STRING,
                      "UTF-8",
                      "The character set of the files, e.g. UTF-8, ISO-8859-1, windows-1252."),
                  Setting.optional(
                      NULL_VALUES,
                      SettingType.LIST,
                      "[\"\"]",
                      "Unquoted field texts that mean null; a quoted field is always a value, so \"\" is an"
                          + " empty string."),
                  Setting.optional(
                      SKIP_ROWS,
                      SettingType.INTEGER,
                      "0",
                      "Lines to skip before the header (or first row)."),
                  Setting.optional(
                      SCHEMA,
                      SettingType.MAP,
                      "Declared column types (column: type) with types string, int32, int64, float64,"
                          + " boolean, date, timestamp, timestamptz, decimal(p,s); other columns are"
                          + " inferred."),
                  Setting.optional(
                      INFER_ROWS,
                      SettingType.INTEGER,
                      "10000",
                      "Rows of the first file sampled to infer the types of undeclared columns."),
                  Setting.choice(
                      ON_BAD_ROW,
                      List.of("fail", "reject"),
                      "fail",
                      "fail stops at the first bad row naming file, line and column; reject appends bad"
                          + " rows to reject_path and goes on."),
                  Setting.optional(
                      REJECT_PATH,
                      SettingType.PATH,
                      DEFAULT_REJECT_PATH,
                      "Where on_bad_row: reject appends bad rows (a CSV with columns"
                          + " file,line,reason,raw); {entity} stands for the flow.entity name."),
                  Setting.optional(
                      READ_BUFFER,
                      SettingType.SIZE,
                      "1MB",
                      "Bytes read from a file at a time; the buffer grows to hold a longer record."),
                  Setting.optional(
                      MAX_RECORD_SIZE,
                      SettingType.SIZE,
                      "64MB",
                      "The longest record (row) read; a longer one, usually an unterminated quote, fails"
                          + " the read.")))
          .toList();

  @Override
  public String name() {
    return "csv";
  }

  @Override
  public String description() {
    return "Reads CSV files (a file, a directory or a glob) with a header, a declared or inferred"
        + " schema, and bad rows that fail naming file and line or go to a reject file.";
  }

  @Override
  public List<Setting> settings() {
    return SETTINGS;
  }

  @Override
  public Home create(Settings settings) {
    byte delimiter = punctuation(settings, DELIMITER, settings.string(DELIMITER));
    byte quote = punctuation(settings, QUOTE, settings.string(QUOTE));
    byte escape =
        settings.has(ESCAPE) ? punctuation(settings, ESCAPE, settings.string(ESCAPE)) : quote;
    CsvFormat format;
    try {
      format = new CsvFormat(delimiter, quote, escape);
    } catch (IllegalArgumentException e) {
      throw settings.error(DELIMITER, e.getMessage());
    }
    List<String> nullValues = settings.has(NULL_VALUES) ? settings.list(NULL_VALUES) : List.of("");
    int skipRows = settings.integer(SKIP_ROWS);
    if (skipRows < 0) {
      throw settings.error(SKIP_ROWS, "must not be negative, got " + skipRows);
    }
    int inferRows = settings.integer(INFER_ROWS);
    if (inferRows < 0) {
      throw settings.error(INFER_ROWS, "must not be negative, got " + inferRows);
    }
    long readBuffer = settings.size(READ_BUFFER);
    long maxRecord = settings.size(MAX_RECORD_SIZE);
    if (readBuffer <= 0 || readBuffer > MAX_BUFFER_BYTES) {
      throw settings.error(READ_BUFFER, "must be between 1 byte and 2GB, got " + readBuffer);
    }
    if (maxRecord < readBuffer || maxRecord > MAX_BUFFER_BYTES) {
      throw settings.error(
          MAX_RECORD_SIZE,
          "must be at least read_buffer (" + readBuffer + ") and below 2GB, got " + maxRecord);
    }
    CsvOptions options =
        new CsvOptions(
            settings.string(PATH),
            settings.baseDir(),
            settings.bool(HEADER),
            format,
            charset(settings),
            nullValues,
            skipRows,
            schema(settings),
            inferRows,
            settings.choice(ON_BAD_ROW, BadRowPolicy.class),
            settings.string(REJECT_PATH),
            (int) readBuffer,
            (int) maxRecord);
    return new CsvHome(options, StorageSettings.target(settings, PATH));
  }

  private static byte punctuation(Settings settings, String key, String text) {
    String value =
        switch (text) {
          case "\\t", "tab", "TAB" -> "\t";
          default -> text;
        };
    if (value.length() != 1 || value.charAt(0) > Byte.MAX_VALUE) {
      throw settings.error(
          key, "'" + text + "' must be a single ASCII character (write \\t or tab for a tab)");
    }
    return (byte) value.charAt(0);
  }

  private static Charset charset(Settings settings) {
    String name = settings.string(ENCODING);
    try {
      return Charset.forName(name.trim());
    } catch (IllegalArgumentException e) {
      throw settings.error(
          ENCODING,
          "'"
              + name
              + "' is not a character set this JVM knows; try UTF-8, ISO-8859-1 or windows-1252");
    }
  }

  private static Map<String, CsvColumnType> schema(Settings settings) {
    Map<String, CsvColumnType> schema = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : settings.map(SCHEMA).entrySet()) {
      try {
        schema.put(entry.getKey(), CsvColumnType.parse(entry.getValue()));
      } catch (IllegalArgumentException e) {
        throw settings.error(SCHEMA, "column '" + entry.getKey() + "': " + e.getMessage());
      }
    }
    return schema;
  }
}
