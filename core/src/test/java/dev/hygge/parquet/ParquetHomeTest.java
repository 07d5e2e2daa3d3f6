package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.config.ConfigValue;
import dev.hygge.config.Origin;
import dev.hygge.config.Settings;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.Home;
import dev.hygge.flow.ReadRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetHomeTest {
  @TempDir Path project;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private static Schema orders(boolean idNullable) {
    return new Schema(
        List.of(
            idNullable
                ? ArrowBatches.field("id", new ArrowType.Int(64, true))
                : ArrowBatches.required("id", new ArrowType.Int(64, true)),
            ArrowBatches.field("status", ArrowType.Utf8.INSTANCE)));
  }

  private void writeOrders(String name, long firstId, int rows, boolean idNullable)
      throws Exception {
    Path file = project.resolve(name);
    Files.createDirectories(file.getParent());
    Schema schema = orders(idNullable);
    try (ArrowParquetWriter writer =
            new ArrowParquetWriter(file, schema, ParquetWriteOptions.defaults());
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
      batch.allocateNew();
      BigIntVector id = (BigIntVector) batch.getVector("id");
      VarCharVector status = (VarCharVector) batch.getVector("status");
      for (int i = 0; i < rows; i++) {
        id.setSafe(i, firstId + i);
        status.setSafe(i, ("s" + (firstId + i)).getBytes(StandardCharsets.UTF_8));
      }
      batch.setRowCount(rows);
      writer.write(batch);
    }
  }

  private Home home(String path) {
    ParquetHomeType type = new ParquetHomeType();
    Settings settings =
        Settings.validate(
            "home of entity sales.orders",
            new Origin("flows/sales/flow.yml", 3),
            project,
            type.settings(),
            Map.of("path", new ConfigValue(path, new Origin("flows/sales/flow.yml", 4))));
    return type.create(settings);
  }

  private List<Long> ids(Home home, List<String> columns, int batchSize) {
    List<Long> ids = new ArrayList<>();
    try (BatchReader reader =
        home.open(new ReadRequest("sales.orders", columns, batchSize, allocator))) {
      while (reader.loadNextBatch()) {
        BigIntVector id = (BigIntVector) reader.root().getVector("id");
        for (int i = 0; i < reader.root().getRowCount(); i++) {
          ids.add(id.get(i));
        }
      }
    }
    return ids;
  }

  @Test
  void readsEveryFileOfADirectoryInNameOrderSkippingHiddenAndStagingDirectories() throws Exception {
    writeOrders("landing/orders/b.parquet", 10, 3, false);
    writeOrders("landing/orders/a.parquet", 0, 2, false);
    writeOrders("landing/orders/2024/c.parquet", 20, 1, false);
    writeOrders("landing/orders/_staging/x.parquet", 90, 1, false);
    writeOrders("landing/orders/.hidden/y.parquet", 95, 1, false);
    Home home = home("landing/orders");
    assertThat(home.describe()).isEqualTo("parquet landing/orders");
    try (BatchReader reader = home.open(new ReadRequest("sales.orders", List.of(), 2, allocator))) {
      List<Long> ids = new ArrayList<>();
      while (reader.loadNextBatch()) {
        for (int i = 0; i < reader.root().getRowCount(); i++) {
          ids.add(((BigIntVector) reader.root().getVector("id")).get(i));
        }
      }
      assertThat(ids).containsExactly(20L, 0L, 1L, 10L, 11L, 12L);
      assertThat(reader.filesRead()).isEqualTo(3);
      assertThat(reader.bytesRead()).isPositive();
    }
  }

  @Test
  void readsAGlobAndASingleFile() throws Exception {
    writeOrders("landing/orders/2024-01.parquet", 0, 2, false);
    writeOrders("landing/orders/2024-02.parquet", 5, 2, false);
    writeOrders("landing/orders/notes.txt.parquet.bak", 50, 1, false);
    writeOrders("landing/orders/deep/2024-03.parquet", 9, 1, false);
    assertThat(ids(home("landing/orders/*.parquet"), List.of(), 100))
        .containsExactly(0L, 1L, 5L, 6L);
    assertThat(ids(home("landing/**/2024-*.parquet"), List.of(), 100))
        .containsExactly(0L, 1L, 5L, 6L, 9L);
    writeOrders("landing/orders/_in_progress.parquet", 70, 1, false);
    Files.writeString(project.resolve("landing/orders/_SUCCESS"), "");
    Files.writeString(project.resolve("landing/orders/readme.txt"), "not parquet");
    assertThat(ids(home("landing/**"), List.of(), 100)).containsExactly(0L, 1L, 5L, 6L, 9L);
    assertThat(ids(home("landing/orders/2024-02.parquet"), List.of(), 100)).containsExactly(5L, 6L);
  }

  @Test
  void readsManyFilesWithSelectedColumnsAndWidensNullability() throws Exception {
    for (int f = 0; f < 12; f++) {
      writeOrders(String.format("many/part-%02d.parquet", f), f * 100L, 3, f % 2 == 0);
    }
    Home home = home("many");
    try (BatchReader reader =
        home.open(new ReadRequest("sales.orders", List.of("status", "id"), 5, allocator))) {
      assertThat(reader.schema().getFields())
          .extracting(Field::getName)
          .containsExactly("status", "id");
      assertThat(reader.schema().findField("id").isNullable()).isTrue();
      int rows = 0;
      String last = null;
      while (reader.loadNextBatch()) {
        rows += reader.root().getRowCount();
        last =
            reader.root().getVector("status").getObject(reader.root().getRowCount() - 1).toString();
      }
      assertThat(rows).isEqualTo(36);
      assertThat(last).isEqualTo("s1102");
      assertThat(reader.filesRead()).isEqualTo(12);
    }
  }

  @Test
  void incompatibleSchemasNameBothFilesAndTheColumn() throws Exception {
    writeOrders("mixed/a.parquet", 0, 1, false);
    Schema other =
        new Schema(
            List.of(
                ArrowBatches.field("id", new ArrowType.Int(32, true)),
                ArrowBatches.field("status", ArrowType.Utf8.INSTANCE)));
    try (ArrowParquetWriter writer =
            new ArrowParquetWriter(
                project.resolve("mixed/b.parquet"), other, ParquetWriteOptions.defaults());
        VectorSchemaRoot batch = VectorSchemaRoot.create(other, allocator)) {
      batch.allocateNew();
      ((IntVector) batch.getVector("id")).setSafe(0, 1);
      batch.setRowCount(1);
      writer.write(batch);
    }
    assertThatThrownBy(
            () -> home("mixed").open(new ReadRequest("sales.orders", List.of(), 10, allocator)))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("sales.orders")
        .hasMessageContaining(project.resolve("mixed/a.parquet").toString())
        .hasMessageContaining(project.resolve("mixed/b.parquet").toString())
        .hasMessageContaining("column 'id'")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME));
  }

  @Test
  void noMatchingFilesNamesThePathAndWhatToCheck() {
    assertThatThrownBy(
            () ->
                home("landing/none/*.parquet")
                    .open(new ReadRequest("sales.orders", List.of(), 10, allocator)))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("no Parquet files match 'landing/none/*.parquet'")
        .hasMessageContaining("Check 'path:'")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME));
  }

  @Test
  void truncatedFileFailsNamingTheFile() throws Exception {
    writeOrders("broken/a.parquet", 0, 100, false);
    Path file = project.resolve("broken/a.parquet");
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> ids(home("broken"), List.of(), 10))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining(file.toString())
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.HOME));
  }
}
