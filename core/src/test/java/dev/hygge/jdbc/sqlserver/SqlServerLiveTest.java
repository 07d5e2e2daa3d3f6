package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.BatchReader;
import dev.hygge.flow.ReadRequest;
import dev.hygge.flow.StoreWriter;
import dev.hygge.flow.WriteMode;
import dev.hygge.flow.WriteRequest;
import dev.hygge.jdbc.IfExists;
import dev.hygge.jdbc.SchemaEvolution;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes, replaces, swaps, merges and reads back a real SQL Server table, and checks schema drift
 * and overflowing values against it. Runs only in the {@code mssql-live} Maven profile, which turns
 * on when {@code HYGGE_MSSQL_URL} is set ({@code HYGGE_MSSQL_USER} and {@code HYGGE_MSSQL_PASSWORD}
 * give a SQL login, {@code HYGGE_MSSQL_AUTHENTICATION} another method); an unreachable server fails
 * every test.
 */
@Tag("mssql-live")
class SqlServerLiveTest {
  private static final String URL_VARIABLE = "HYGGE_MSSQL_URL";

  private final RootAllocator allocator = new RootAllocator();
  private final String table = "hygge_live_" + UUID.randomUUID().toString().substring(0, 8);
  private SqlServerDatabase database;

  private final Schema schema =
      new Schema(
          List.of(
              Field.nullable("id", new ArrowType.Int(64, true)),
              Field.nullable("name", ArrowType.Utf8.INSTANCE),
              Field.nullable("amount", new ArrowType.Decimal(12, 2, 128)),
              Field.nullable("day", new ArrowType.Date(DateUnit.DAY)),
              Field.nullable("moment", new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
              Field.nullable("instant", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"))));

  @BeforeEach
  void connect() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          "SqlServerLiveTest needs "
              + URL_VARIABLE
              + " (jdbc:sqlserver://host:1433;databaseName=db;encrypt=true;trustServerCertificate=true)"
              + " and HYGGE_MSSQL_USER/HYGGE_MSSQL_PASSWORD; it runs in the mssql-live profile.");
    }
    database =
        new SqlServerDatabase(
            url,
            Optional.ofNullable(System.getenv("HYGGE_MSSQL_USER")),
            Optional.ofNullable(System.getenv("HYGGE_MSSQL_PASSWORD")),
            Optional.ofNullable(System.getenv("HYGGE_MSSQL_AUTHENTICATION"))
                .flatMap(Authentication::of)
                .orElse(Authentication.SQL_PASSWORD),
            RetryPolicy.standard());
    // Fails loudly, naming the server, when it cannot be reached.
    try (Connection connection = database.connect("live", ErrorKind.STORE)) {
      assertThat(connection.isValid(5)).isTrue();
    } catch (SQLException e) {
      throw new IllegalStateException("SQL Server at " + database.display() + " failed", e);
    }
  }

  @AfterEach
  void dropTableAndCloseAllocator() throws SQLException {
    try {
      if (database != null) {
        execute("DROP TABLE IF EXISTS " + new SqlServerDialect().quote(table));
      }
    } finally {
      allocator.close();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = database.connect("live", ErrorKind.STORE);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = database.connect("live", ErrorKind.STORE);
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      int columns = results.getMetaData().getColumnCount();
      while (results.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i == 1 ? "" : "|").append(results.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private SqlServerStore store(WriteStrategy strategy, IfExists ifExists, List<String> key) {
    return store(strategy, ifExists, key, SchemaEvolution.FAIL);
  }

  private SqlServerStore store(
      WriteStrategy strategy, IfExists ifExists, List<String> key, SchemaEvolution evolution) {
    return new SqlServerStore(
        database,
        new SqlServerStoreOptions(
            table,
            Optional.of(ifExists),
            strategy,
            key,
            SchemaOverrides.NONE,
            1_000,
            3,
            evolution));
  }

  private List<String> stagingTables() throws SQLException {
    return query("SELECT name FROM sys.tables WHERE name LIKE '" + table + "[_][_]%'");
  }

  /** Writes ids {@code firstId..} named {@code prefix + id}, the batch {@code copies} times. */
  private void write(SqlServerStore store, long firstId, int rows, String prefix, int copies) {
    try (StoreWriter writer =
            store.open(
                new WriteRequest(
                    "live." + table, schema, "run" + firstId, WriteMode.APPEND, allocator));
        VectorSchemaRoot batch = VectorSchemaRoot.create(schema, allocator)) {
      batch.allocateNew();
      for (int i = 0; i < rows; i++) {
        ((BigIntVector) batch.getVector("id")).setSafe(i, firstId + i);
        ((VarCharVector) batch.getVector("name"))
            .setSafe(i, (prefix + (firstId + i)).getBytes(StandardCharsets.UTF_8));
        ((DecimalVector) batch.getVector("amount")).setSafe(i, new BigDecimal("12.50"));
        ((DateDayVector) batch.getVector("day")).setSafe(i, 19_723);
        ((TimeStampMicroVector) batch.getVector("moment")).setSafe(i, 1_710_037_800_123_456L);
        ((TimeStampMicroTZVector) batch.getVector("instant")).setSafe(i, 0L);
      }
      batch.setRowCount(rows);
      for (int copy = 0; copy < copies; copy++) {
        writer.write(batch);
      }
      writer.commit();
    }
  }

  @Test
  void createsTheTableSizedFromTheDataAndReadsItBack() throws Exception {
    write(store(WriteStrategy.DIRECT_INSERT, IfExists.REPLACE, List.of()), 1, 500, "Ærø ", 2);

    assertThat(query("SELECT COUNT(*) FROM " + table)).containsExactly("1000");
    assertThat(
            query(
                "SELECT DATA_TYPE, CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE TABLE_NAME = '"
                    + table
                    + "' AND COLUMN_NAME = 'name'"))
        .containsExactly("nvarchar|16");
    assertThat(
            query(
                "SELECT TOP (1) name, amount, day, CONVERT(varchar(19), moment, 120),"
                    + " DATEPART(microsecond, moment), DATEDIFF(second, '1970-01-01', instant)"
                    + " FROM "
                    + table
                    + " WHERE id = 7"))
        .containsExactly("Ærø 7|12.50|2024-01-01|2024-03-10 02:30:00|123456|0");

    SqlServerHome home =
        new SqlServerHome(database, Optional.of(table), Optional.empty(), Optional.of("id"), 4);
    long rows = 0;
    try (BatchReader reader =
        home.open(new ReadRequest("live." + table, List.of(), 100, allocator))) {
      while (reader.loadNextBatch()) {
        rows += reader.root().getRowCount();
      }
      assertThat(reader.filesRead()).isEqualTo(4);
    }
    assertThat(rows).isEqualTo(1000);
  }

  @Test
  void appendsSwapsAndMerges() throws Exception {
    write(store(WriteStrategy.DIRECT_INSERT, IfExists.APPEND, List.of()), 1, 10, "a", 1);
    write(store(WriteStrategy.DIRECT_INSERT, IfExists.APPEND, List.of()), 100, 10, "b", 1);
    assertThat(query("SELECT COUNT(*) FROM " + table)).containsExactly("20");

    write(store(WriteStrategy.TEMP_SWAP, IfExists.REPLACE, List.of()), 1, 3, "c", 1);
    assertThat(query("SELECT id, name FROM " + table + " ORDER BY id"))
        .containsExactly("1|c1", "2|c2", "3|c3");

    write(store(WriteStrategy.MERGE, IfExists.APPEND, List.of("id")), 2, 3, "m", 1);
    assertThat(query("SELECT id, name FROM " + table + " ORDER BY id"))
        .containsExactly("1|c1", "2|m2", "3|m3", "4|m4");
    assertThat(query("SELECT COUNT(*) FROM sys.tables WHERE name LIKE '" + table + "[_][_]%'"))
        .containsExactly("0");
  }

  @Test
  void aFailedMergeLeavesTheTableAsItWas() throws Exception {
    write(store(WriteStrategy.DIRECT_INSERT, IfExists.REPLACE, List.of()), 1, 3, "x", 1);
    List<String> before = query("SELECT id, name FROM " + table + " ORDER BY id, name");

    // The batch is written twice, so every key appears twice in staging: MERGE refuses that.
    assertThatThrownBy(
            () -> write(store(WriteStrategy.MERGE, IfExists.APPEND, List.of("id")), 1, 3, "y", 2))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Nothing was published; the table is as it was.");

    assertThat(query("SELECT id, name FROM " + table + " ORDER BY id, name")).isEqualTo(before);
    assertThat(query("SELECT COUNT(*) FROM sys.tables WHERE name LIKE '" + table + "[_][_]%'"))
        .containsExactly("0");
  }

  @Test
  void driftFailsByDefaultAndAddColumnsAddsNewColumnsAndWritesMissingOnesAsNull() throws Exception {
    execute(
        "CREATE TABLE "
            + table
            + " (id BIGINT NOT NULL, label NVARCHAR(40) NULL, amount DECIMAL(12,2),"
            + " day DATE, moment DATETIME2(6), instant DATETIMEOFFSET(6))");
    execute("INSERT INTO " + table + " (id, label) VALUES (0, N'kept')");
    SqlServerStore failing = store(WriteStrategy.DIRECT_INSERT, IfExists.APPEND, List.of());

    assertThatThrownBy(() -> write(failing, 1, 3, "n", 1))
        .isInstanceOf(HyggeException.class)
        .hasMessageContainingAll(
            "the data's columns differ from the table's: column 'name' (NVARCHAR) is new, not in"
                + " the table; column 'label' (NVARCHAR(40)) is in the table but not in the data.",
            "Set schema_evolution: add_columns",
            "Nothing was written.");
    assertThat(query("SELECT id, label FROM " + table)).containsExactly("0|kept");
    assertThat(stagingTables()).isEmpty();

    write(
        store(WriteStrategy.DIRECT_INSERT, IfExists.APPEND, List.of(), SchemaEvolution.ADD_COLUMNS),
        1,
        3,
        "n",
        1);

    assertThat(query("SELECT id, label, name FROM " + table + " ORDER BY id"))
        .containsExactly("0|kept|null", "1|null|n1", "2|null|n2", "3|null|n3");
    assertThat(
            query(
                "SELECT DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, IS_NULLABLE FROM"
                    + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = '"
                    + table
                    + "' AND COLUMN_NAME = 'name'"))
        .containsExactly("nvarchar|16|YES");
    assertThat(stagingTables()).isEmpty();
  }

  @Test
  void aRetypedColumnFailsEvenWithAddColumns() throws Exception {
    execute(
        "CREATE TABLE "
            + table
            + " (id NVARCHAR(10), name NVARCHAR(50), amount DECIMAL(12,2), day DATE,"
            + " moment DATETIME2(6), instant DATETIMEOFFSET(6))");

    assertThatThrownBy(
            () ->
                write(
                    store(
                        WriteStrategy.MERGE,
                        IfExists.APPEND,
                        List.of("id"),
                        SchemaEvolution.ADD_COLUMNS),
                    1,
                    3,
                    "r",
                    1))
        .isInstanceOf(HyggeException.class)
        .hasMessageContainingAll(
            "column 'id' is NVARCHAR(10) in the table but Int(64, true) in the data (written as"
                + " BIGINT)",
            "schema_evolution: add_columns cannot fix these");
    assertThat(query("SELECT COUNT(*) FROM " + table)).containsExactly("0");
    assertThat(stagingTables()).isEmpty();
  }

  @Test
  void aValueThatOverflowsItsColumnFailsNamingTheRowAndNothingIsPublished() throws Exception {
    execute(
        "CREATE TABLE "
            + table
            + " (id TINYINT, name NVARCHAR(5), amount DECIMAL(12,2), day DATE,"
            + " moment DATETIME2(6), instant DATETIMEOFFSET(6))");
    SqlServerStore store = store(WriteStrategy.DIRECT_INSERT, IfExists.APPEND, List.of());

    // 'Ærø 10' is six UTF-16 code units; row 10 of the load is the first too long.
    assertThatThrownBy(() -> write(store, 1, 20, "Ærø ", 1))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining(
            "row 10 of the load has 'Ærø 10' in column 'name', which does not fit the column's"
                + " type NVARCHAR(5) (at most 5 UTF-16 code units)");
    // TINYINT holds 0 to 255: id 256 is row 7; the batch is written twice, so row 17 too.
    assertThatThrownBy(() -> write(store, 250, 10, "x", 2))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining(
            "row 7 of the load has 256 in column 'id', which does not fit the column's type"
                + " TINYINT (from 0 to 255)");
    assertThat(query("SELECT COUNT(*) FROM " + table)).containsExactly("0");
    assertThat(stagingTables()).isEmpty();
  }
}
