package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.HyggeException;
import dev.hygge.config.ConfigValue;
import dev.hygge.config.Origin;
import dev.hygge.config.Settings;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.Store;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Parquet store against the real file system, its output read back by DuckDB. */
class ParquetStoreTest {
  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Field("id", FieldType.notNullable(new ArrowType.Int(64, true)), null),
              new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));

  @TempDir Path temp;
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private Store store(Map<String, String> settings) {
    Map<String, ConfigValue> values = new LinkedHashMap<>();
    values.put("path", new ConfigValue("lake/orders", new Origin("flow.yml", 4)));
    settings.forEach((k, v) -> values.put(k, new ConfigValue(v, new Origin("flow.yml", 5))));
    ParquetStoreType type = new ParquetStoreType();
    return type.create(
        Settings.validate(
            "store of entity sales.orders",
            new Origin("flow.yml", 3),
            temp,
            type.settings(),
            values));
  }

  private CommitResult load(Store store, WriteMode mode, long from, long to, String run) {
    try (StoreWriter writer =
            store.open(new WriteRequest("sales.orders", SCHEMA, run, mode, allocator));
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
      for (long start = from; start <= to; start += 10_000) {
        int count = (int) Math.min(10_000, to - start + 1);
        root.allocateNew();
        BigIntVector id = (BigIntVector) root.getVector("id");
        VarCharVector name = (VarCharVector) root.getVector("name");
        for (int i = 0; i < count; i++) {
          id.setSafe(i, start + i);
          if ((start + i) % 7 == 0) {
            name.setNull(i);
          } else {
            name.setSafe(i, ("name-" + (start + i)).getBytes());
          }
        }
        root.setRowCount(count);
        writer.write(root);
      }
      return writer.commit();
    }
  }

  private Path lake() {
    return temp.resolve("lake").resolve("orders");
  }

  private List<String> files() throws Exception {
    try (Stream<Path> files = Files.list(lake())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** count, sum(id), nulls in name and a checksum of names, as DuckDB reads the lake. */
  private List<Long> duck() throws Exception {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*), sum(id), count(*) - count(name),"
                    + " sum(CASE WHEN name = 'name-' || id THEN 1 ELSE 0 END)"
                    + " FROM read_parquet('"
                    + lake()
                    + "/*.parquet')")) {
      rs.next();
      return List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
    }
  }

  private static long sum(long from, long to) {
    return (from + to) * (to - from + 1) / 2;
  }

  private static long sevens(long from, long to) {
    return to / 7 - (from - 1) / 7;
  }

  @ParameterizedTest
  @ValueSource(strings = {"snappy", "zstd", "gzip", "lz4", "none"})
  void writesFilesDuckDbReadsValueForValue(String compression) throws Exception {
    CommitResult result =
        load(store(Map.of("compression", compression)), WriteMode.APPEND, 1, 100_000, "r1");

    assertThat(files()).containsExactly("part-000001.parquet");
    assertThat(result.files()).isEqualTo(1);
    assertThat(result.bytes()).isEqualTo(Files.size(lake().resolve("part-000001.parquet")));
    long nulls = sevens(1, 100_000);
    assertThat(duck()).containsExactly(100_000L, sum(1, 100_000), nulls, 100_000 - nulls);
  }

  @Test
  void appendAddsNumberedFilesAndReplaceSwapsThemOnlyAtCommit() throws Exception {
    Store store = store(Map.of());
    load(store, WriteMode.APPEND, 1, 1000, "r1");
    load(store, WriteMode.APPEND, 1001, 2000, "r2");
    assertThat(files()).containsExactly("part-000001.parquet", "part-000002.parquet");
    assertThat(duck().get(0)).isEqualTo(2000L);

    load(store, WriteMode.REPLACE, 5001, 5500, "r3");

    assertThat(files()).containsExactly("part-000003.parquet");
    assertThat(duck())
        .containsExactly(500L, sum(5001, 5500), sevens(5001, 5500), 500 - sevens(5001, 5500));
  }

  @Test
  void rollsToANewFileAtTheTargetSize() throws Exception {
    CommitResult result =
        load(
            store(
                Map.of(
                    "target_file_size", "256KB", "row_group_size", "128KB", "page_size", "32KB")),
            WriteMode.APPEND,
            1,
            300_000,
            "r1");

    assertThat(result.files()).isGreaterThan(3);
    assertThat(files()).hasSize(result.files()).first().isEqualTo("part-000001.parquet");
    assertThat(duck().subList(0, 2)).containsExactly(300_000L, sum(1, 300_000));
  }

  @Test
  void anEmptyEntityPublishesOneFileWithTheSchema() throws Exception {
    CommitResult result = load(store(Map.of()), WriteMode.REPLACE, 1, 0, "r1");

    assertThat(result.files()).isEqualTo(1);
    assertThat(duck().get(0)).isZero();
  }

  @Test
  void abortLeavesTheFinalDirectoryAsItWas() throws Exception {
    Store store = store(Map.of());
    load(store, WriteMode.APPEND, 1, 1000, "r1");
    try (StoreWriter writer =
            store.open(
                new WriteRequest("sales.orders", SCHEMA, "r2", WriteMode.REPLACE, allocator));
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator)) {
      root.allocateNew();
      ((BigIntVector) root.getVector("id")).set(0, 42);
      root.setRowCount(1);
      writer.write(root);
      writer.abort();
    }

    assertThat(files()).containsExactly("part-000001.parquet");
    assertThat(duck().get(0)).isEqualTo(1000L);
    assertThat(temp.resolve("lake").resolve(".hygge-staging").resolve("orders")).doesNotExist();
  }

  @Test
  void rejectsBadSizesAndCodecsNamingFileAndLine() {
    assertThatThrownBy(() -> store(Map.of("compression", "zip")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Invalid value for 'compression' in store of entity sales.orders at flow.yml:5: 'zip'"
                + " is not one of snappy, zstd, gzip, lz4, none. Did you mean 'gzip'?");
    assertThatThrownBy(() -> store(Map.of("page_size", "2MB", "row_group_size", "1MB")))
        .hasMessageContaining("'page_size'")
        .hasMessageContaining("must not exceed row_group_size");
    assertThatThrownBy(() -> store(Map.of("target_file_size", "huge")))
        .hasMessageContaining("'huge' is not a size");
  }
}
