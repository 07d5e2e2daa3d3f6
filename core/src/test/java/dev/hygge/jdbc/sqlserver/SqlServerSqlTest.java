package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.jdbc.IfExists;
import dev.hygge.jdbc.RangePartitions;
import dev.hygge.jdbc.TableName;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The T-SQL the SQL Server store and home generate, checked as text (no server runs here). */
class SqlServerSqlTest {
  private final SqlServerDialect dialect = new SqlServerDialect();
  private final TableName target = new TableName(Optional.of("raw"), "orders");
  private final TableName staging = target.withTable("orders__hygge_run_1");
  private final TableSql sql =
      new TableSql(
          dialect,
          target,
          staging,
          List.of("id", "customer name", "odd]name"),
          List.of(
              SqlServerType.plain("BIGINT", Types.BIGINT),
              SqlServerTypeMapping.of(org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE)
                  .orElseThrow(),
              new SqlServerType("DECIMAL", Types.DECIMAL, 12, 2, SqlServerType.Sizing.FIXED)));

  @Test
  void quotesIdentifiersWithBracketsDoublingClosingOnes() {
    assertThat(dialect.quote("order")).isEqualTo("[order]");
    assertThat(dialect.quote("a]b")).isEqualTo("[a]]b]");
    assertThat(dialect.quote("My Table")).isEqualTo("[My Table]");
    assertThat(dialect.quote("\"x\"")).isEqualTo("[\"x\"]");
    assertThat(dialect.quote(target)).isEqualTo("[raw].[orders]");
    assertThat(dialect.literal("it's")).isEqualTo("N'it''s'");
  }

  @Test
  void createsTheStagingTableWithUnboundedText() {
    assertThat(sql.createStaging())
        .isEqualTo(
            "CREATE TABLE [raw].[orders__hygge_run_1] ([id] BIGINT, [customer name]"
                + " NVARCHAR(MAX), [odd]]name] DECIMAL(12,2))");
  }

  @Test
  void copiesStagingIntoATableUnderATableLock() {
    assertThat(sql.insertFromStaging(target))
        .isEqualTo(
            "INSERT INTO [raw].[orders] WITH (TABLOCK) ([id], [customer name], [odd]]name])"
                + " SELECT [id], [customer name], [odd]]name] FROM [raw].[orders__hygge_run_1]");
  }

  @Test
  void mergesByTheKeyUpdatingTheOtherColumns() {
    assertThat(sql.merge(List.of("id")))
        .isEqualTo(
            "MERGE INTO [raw].[orders] WITH (HOLDLOCK) AS t USING [raw].[orders__hygge_run_1] AS"
                + " s ON t.[id] = s.[id] WHEN MATCHED THEN UPDATE SET t.[customer name] ="
                + " s.[customer name], t.[odd]]name] = s.[odd]]name] WHEN NOT MATCHED BY TARGET"
                + " THEN INSERT ([id], [customer name], [odd]]name]) VALUES (s.[id], s.[customer"
                + " name], s.[odd]]name]);");
  }

  @Test
  void aMergeKeyedByEveryColumnOnlyInserts() {
    TableSql keys =
        new TableSql(
            dialect,
            target,
            staging,
            List.of("a", "b"),
            List.of(
                SqlServerType.plain("INT", Types.INTEGER),
                SqlServerType.plain("INT", Types.INTEGER)));

    assertThat(keys.merge(List.of("a", "b")))
        .isEqualTo(
            "MERGE INTO [raw].[orders] WITH (HOLDLOCK) AS t USING [raw].[orders__hygge_run_1] AS"
                + " s ON t.[a] = s.[a] AND t.[b] = s.[b] WHEN NOT MATCHED BY TARGET THEN INSERT"
                + " ([a], [b]) VALUES (s.[a], s.[b]);");
  }

  @Test
  void aMergeKeyMustBeAColumn() {
    assertThatThrownBy(() -> sql.merge(List.of("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("merge keys must be columns: [nope]");
  }

  @Test
  void renamesWithSpRenameQuotingTheOldNameAsALiteral() {
    assertThat(sql.rename(target, "orders__hygge_old_run_1"))
        .isEqualTo("EXEC sp_rename N'[raw].[orders]', N'orders__hygge_old_run_1', N'OBJECT'");
    assertThat(sql.rename(new TableName(Optional.empty(), "it's"), "new"))
        .isEqualTo("EXEC sp_rename N'[it''s]', N'new', N'OBJECT'");
  }

  @Test
  void dropsAndProbesWithTsqlSyntax() {
    assertThat(sql.drop(staging)).isEqualTo("DROP TABLE IF EXISTS [raw].[orders__hygge_run_1]");
    assertThat(sql.anyTargetRow()).isEqualTo("SELECT TOP (1) 1 FROM [raw].[orders]");
    assertThat(sql.truncateTarget()).isEqualTo("TRUNCATE TABLE [raw].[orders]");
  }

  private PublishPlan plan(WriteStrategy strategy, IfExists ifExists, List<String> key) {
    return new PublishPlan(
        sql, strategy, ifExists, key, List.of("BIGINT", "NVARCHAR(64)", "DECIMAL(12,2)"), "run_1");
  }

  @Test
  void aNewTableIsCreatedSizedFromTheDataWhateverTheStrategy() {
    for (WriteStrategy strategy : WriteStrategy.values()) {
      List<String> key = strategy == WriteStrategy.MERGE ? List.of("id") : List.of();
      assertThat(plan(strategy, IfExists.APPEND, key).statements(false))
          .containsExactly(
              "CREATE TABLE [raw].[orders] ([id] BIGINT, [customer name] NVARCHAR(64),"
                  + " [odd]]name] DECIMAL(12,2))",
              sql.insertFromStaging(target),
              "DROP TABLE IF EXISTS [raw].[orders__hygge_run_1]");
    }
  }

  @Test
  void directInsertAppendsOrTruncatesThenInsertsInOneTransaction() {
    assertThat(plan(WriteStrategy.DIRECT_INSERT, IfExists.APPEND, List.of()).statements(true))
        .containsExactly(sql.insertFromStaging(target), sql.drop(staging));
    assertThat(plan(WriteStrategy.DIRECT_INSERT, IfExists.REPLACE, List.of()).statements(true))
        .containsExactly(
            "TRUNCATE TABLE [raw].[orders]", sql.insertFromStaging(target), sql.drop(staging));
  }

  @Test
  void tempSwapBuildsANewTableAndSwapsItInWithRenames() {
    assertThat(plan(WriteStrategy.TEMP_SWAP, IfExists.REPLACE, List.of()).statements(true))
        .containsExactly(
            "CREATE TABLE [raw].[orders__hygge_new_run_1] ([id] BIGINT, [customer name]"
                + " NVARCHAR(64), [odd]]name] DECIMAL(12,2))",
            sql.insertFromStaging(target.withTable("orders__hygge_new_run_1")),
            "EXEC sp_rename N'[raw].[orders]', N'orders__hygge_old_run_1', N'OBJECT'",
            "EXEC sp_rename N'[raw].[orders__hygge_new_run_1]', N'orders', N'OBJECT'",
            "DROP TABLE IF EXISTS [raw].[orders__hygge_old_run_1]",
            "DROP TABLE IF EXISTS [raw].[orders__hygge_run_1]");
  }

  @Test
  void mergeRunsOneMergeThenDropsStaging() {
    assertThat(plan(WriteStrategy.MERGE, IfExists.APPEND, List.of("id")).statements(true))
        .containsExactly(sql.merge(List.of("id")), sql.drop(staging));
  }

  @Test
  void rangePredicatesCoverEveryKeyExactlyOnce() {
    assertThat(RangePartitions.predicates("[id]", 1, 100, 4))
        .containsExactly(
            "[id] < 26 OR [id] IS NULL",
            "[id] >= 26 AND [id] < 51",
            "[id] >= 51 AND [id] < 76",
            "[id] >= 76");
    assertThat(RangePartitions.predicates("[id]", -10, -8, 8))
        .containsExactly("[id] < -9 OR [id] IS NULL", "[id] >= -9 AND [id] < -8", "[id] >= -8");
    assertThat(RangePartitions.predicates("[id]", 5, 5, 4)).containsExactly("1 = 1");
    assertThat(RangePartitions.predicates("[k]", Long.MIN_VALUE, Long.MAX_VALUE, 2))
        .containsExactly("[k] < 0 OR [k] IS NULL", "[k] >= 0");
  }

  @Test
  void partitionQueriesWrapThePredicate() {
    assertThat(SqlServerHome.partitionQuery("[raw].[orders]", "[id] >= 76"))
        .isEqualTo("SELECT * FROM [raw].[orders] WHERE ([id] >= 76)");
  }

  @Test
  void badRangesAreBugs() {
    assertThatThrownBy(() -> RangePartitions.predicates("[id]", 2, 1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min 2 exceeds max 1");
    assertThatThrownBy(() -> RangePartitions.predicates("[id]", 1, 2, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partitions must be at least 1: 0");
  }

  @Test
  void schemaOverridesAcceptKnownTypesWithSizesInRange() {
    SchemaOverrides overrides =
        new SchemaOverrides(
            Map.of(
                "a", "nvarchar(100)",
                "b", "DECIMAL(18, 4)",
                "c", "datetime2(3)",
                "d", "varbinary(max)",
                "e", "uniqueidentifier"));

    assertThat(overrides.type("a")).contains("NVARCHAR(100)");
    assertThat(overrides.type("b")).contains("DECIMAL(18, 4)");
    assertThat(overrides.type("z")).isEmpty();
  }

  @Test
  void schemaOverridesRejectUnknownTypesAndSizesOutOfRange() {
    assertThat(SchemaOverrides.problem("varchar2(10)"))
        .contains(
            "'varchar2(10)' is not a SQL Server type (e.g. NVARCHAR(100), DECIMAL(18,4),"
                + " DATETIME2(3))");
    assertThat(SchemaOverrides.problem("NVARCHAR(5000)"))
        .contains("'NVARCHAR(5000)': the size must be between 1 and 4000");
    assertThat(SchemaOverrides.problem("decimal(39,2)"))
        .contains("'decimal(39,2)': the size must be between 1 and 38");
    assertThat(SchemaOverrides.problem("decimal(5,6)"))
        .contains("'decimal(5,6)': the scale must not exceed the precision");
    assertThat(SchemaOverrides.problem("int(4)")).contains("'int(4)' takes no such size");
    assertThat(SchemaOverrides.problem("datetime2(max)"))
        .contains("'datetime2(max)' cannot be MAX");
    assertThatThrownBy(() -> new SchemaOverrides(Map.of("x", "text(10)")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("column 'x': 'text(10)' is not a SQL Server type");
  }
}
