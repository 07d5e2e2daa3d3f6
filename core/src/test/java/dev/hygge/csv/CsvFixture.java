package dev.hygge.csv;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.hygge.config.ConfigValue;
import dev.hygge.config.Origin;
import dev.hygge.config.Settings;
import dev.hygge.flow.ReadRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/** Writes CSV files into a project directory and reads them back through a real {@link CsvHome}. */
final class CsvFixture implements AutoCloseable {
  static final String ENTITY = "sales.orders";

  final Path project;
  final BufferAllocator allocator = new RootAllocator();

  CsvFixture(Path project) {
    this.project = project;
  }

  /** Writes a UTF-8 file under the project directory. */
  Path write(String relative, String content) {
    return write(relative, content.getBytes(UTF_8));
  }

  Path write(String relative, byte[] content) {
    try {
      Path file = project.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A home built the way the config loader builds it: settings validated against the declared ones.
   * Values are Strings, Lists of Strings or Maps of Strings.
   */
  CsvHome home(Map<String, Object> values) {
    Map<String, ConfigValue> config = new LinkedHashMap<>();
    int line = 1;
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      config.put(
          entry.getKey(),
          new ConfigValue(entry.getValue(), new Origin("flows/sales/flow.yml", ++line)));
    }
    CsvHomeType type = new CsvHomeType();
    Settings settings =
        Settings.validate(
            "home of entity " + ENTITY,
            new Origin("flows/sales/flow.yml", 1),
            project,
            type.settings(),
            config);
    return (CsvHome) type.create(settings);
  }

  /** Everything one read produced. */
  record Read(
      Schema schema,
      List<List<Object>> rows,
      List<Integer> batchSizes,
      long rejected,
      long bytes,
      int files) {}

  Read read(CsvHome home) {
    return read(home, List.of(), 1024);
  }

  Read read(CsvHome home, List<String> columns, int batchSize) {
    try (CsvBatchReader reader =
        home.open(new ReadRequest(ENTITY, columns, batchSize, allocator))) {
      List<List<Object>> rows = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      while (reader.loadNextBatch()) {
        VectorSchemaRoot root = reader.root();
        sizes.add(root.getRowCount());
        for (int r = 0; r < root.getRowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (FieldVector vector : root.getFieldVectors()) {
            row.add(value(vector, r));
          }
          rows.add(row);
        }
      }
      return new Read(
          reader.schema(),
          rows,
          sizes,
          reader.rejectedRows(),
          reader.bytesRead(),
          reader.filesRead());
    }
  }

  /** A vector value as a plain Java value: String, Long, LocalDate, LocalDateTime, Instant... */
  static Object value(FieldVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    }
    if (vector instanceof VarCharVector v) {
      return new String(v.get(index), UTF_8);
    }
    if (vector instanceof DateDayVector v) {
      return LocalDate.ofEpochDay(v.get(index));
    }
    if (vector instanceof TimeStampMicroTZVector v) {
      return Instant.EPOCH.plus(v.get(index), ChronoUnit.MICROS);
    }
    if (vector instanceof TimeStampMicroVector v) {
      return v.getObject(index);
    }
    Object value = vector.getObject(index);
    return value instanceof BigDecimal decimal ? decimal : value;
  }

  /** A row for comparisons, allowing nulls (List.of does not). */
  static List<Object> row(Object... values) {
    List<Object> row = new ArrayList<>();
    for (Object value : values) {
      row.add(value);
    }
    return row;
  }

  @Override
  public void close() {
    allocator.close();
  }
}
