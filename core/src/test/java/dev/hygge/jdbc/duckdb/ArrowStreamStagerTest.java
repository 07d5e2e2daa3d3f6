package dev.hygge.jdbc.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.jdbc.TableName;
import dev.hygge.jdbc.TableStatements;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches staged into DuckDB as Arrow streams, in-process. */
class ArrowStreamStagerTest {
  @TempDir Path directory;
  private final RootAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  private VectorSchemaRoot batch(long from, int rows) {
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("id", new ArrowType.Int(64, true)),
                Field.nullable("note", ArrowType.Utf8.INSTANCE),
                Field.nullable("amount", new ArrowType.Decimal(12, 2, 128)),
                Field.nullable("at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))));
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    root.allocateNew();
    for (int row = 0; row < rows; row++) {
      long id = from + row;
      ((BigIntVector) root.getVector("id")).setSafe(row, id);
      if (id % 3 == 0) {
        root.getVector("note").setNull(row);
        root.getVector("amount").setNull(row);
        root.getVector("at").setNull(row);
      } else {
        ((VarCharVector) root.getVector("note"))
            .setSafe(row, ("ø " + id).getBytes(StandardCharsets.UTF_8));
        ((DecimalVector) root.getVector("amount")).setSafe(row, id * 100 + 1);
        ((TimeStampMicroTZVector) root.getVector("at")).setSafe(row, id * 1_000_000L);
      }
    }
    root.setRowCount(rows);
    return root;
  }

  @Test
  void theDialectStagesThroughArrowAndEveryRowLandsOnce() throws Exception {
    DuckDbDialect dialect = new DuckDbDialect();
    TableStatements sql =
        new TableStatements(
            dialect,
            TableName.parse("orders"),
            TableName.parse("orders__hygge_stage"),
            List.of("id", "note", "amount", "at"),
            List.of("BIGINT", "VARCHAR", "DECIMAL(12,2)", "TIMESTAMPTZ"));
    List<String> rows = new ArrayList<>();
    try (Connection connection =
        DriverManager.getConnection(dialect.url(directory.resolve("shop.duckdb")))) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(
            "CREATE TABLE orders__hygge_stage (id BIGINT, note VARCHAR, amount DECIMAL(12,2),"
                + " \"at\" TIMESTAMPTZ)");
      }
      connection.setAutoCommit(false);
      try (var stager = dialect.stager(connection, sql, List.of());
          VectorSchemaRoot first = batch(1, 4);
          VectorSchemaRoot second = batch(5, 3);
          VectorSchemaRoot empty = batch(100, 0)) {
        assertThat(stager).isInstanceOf(ArrowStreamStager.class);
        stager.stage(first);
        stager.stage(empty);
        stager.stage(second);
      }
      connection.commit();
      try (Statement statement = connection.createStatement();
          ResultSet result =
              statement.executeQuery(
                  "SELECT id, note, amount, epoch_us(\"at\") FROM orders__hygge_stage ORDER BY id")) {
        while (result.next()) {
          rows.add(
              result.getLong(1)
                  + "|"
                  + result.getString(2)
                  + "|"
                  + result.getBigDecimal(3)
                  + "|"
                  + result.getObject(4));
        }
      }
      try (Statement statement = connection.createStatement();
          ResultSet views =
              statement.executeQuery(
                  "SELECT count(*) FROM duckdb_views() WHERE view_name = '"
                      + ArrowStreamStager.VIEW
                      + "'")) {
        views.next();
        assertThat(views.getLong(1)).isZero();
      }
    }

    assertThat(rows)
        .containsExactly(
            "1|ø 1|1.01|1000000",
            "2|ø 2|2.01|2000000",
            "3|null|null|null",
            "4|ø 4|4.01|4000000",
            "5|ø 5|5.01|5000000",
            "6|null|null|null",
            "7|ø 7|7.01|7000000");
  }
}
