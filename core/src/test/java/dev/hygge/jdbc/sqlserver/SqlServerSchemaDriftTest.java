package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.jdbc.IfExists;
import dev.hygge.jdbc.SchemaEvolution;
import dev.hygge.jdbc.TableName;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

/**
 * New, dropped and retyped columns against an existing SQL Server table, decided from column rows
 * as {@code INFORMATION_SCHEMA.COLUMNS} returns them (built here as values: no SQL Server runs on
 * this machine), and the T-SQL that adds columns.
 */
class SqlServerSchemaDriftTest {
  private static final String ENTITY = "shop.orders";
  private static final String WHERE = "jdbc:sqlserver://sql.internal:1433 table raw.orders";
  private static final String PREFIX =
      "Cannot write entity shop.orders into jdbc:sqlserver://sql.internal:1433 table raw.orders:"
          + " the data's columns differ from the table's: ";
  private static final int LATIN1 = 1252;

  private final TableName target = new TableName(Optional.of("raw"), "orders");
  private final List<Field> fields =
      List.of(
          Field.nullable("id", new ArrowType.Int(64, true)),
          Field.nullable("name", ArrowType.Utf8.INSTANCE),
          Field.nullable("amount", new ArrowType.Decimal(12, 2, 128)));

  /**
   * A hand-written, instance-scoped stand-in for the server's catalog (no SQL Server runs here):
   * the tables a test declares, and how often the database's code page was asked for.
   */
  private static final class DeclaredCatalog implements TableCatalog {
    private final Map<TableName, List<SqlServerColumn>> tables = new HashMap<>();
    private final int codePage;
    private int codePageLookups;

    DeclaredCatalog(int codePage) {
      this.codePage = codePage;
    }

    DeclaredCatalog with(TableName table, SqlServerColumn... columns) {
      tables.put(table, List.of(columns));
      return this;
    }

    @Override
    public boolean exists(TableName table) {
      return tables.containsKey(table);
    }

    @Override
    public List<SqlServerColumn> columns(TableName table) {
      return tables.getOrDefault(table, List.of());
    }

    @Override
    public int defaultCodePage() {
      codePageLookups++;
      return codePage;
    }
  }

  private static SqlServerColumn column(String name, String type, int length, boolean nullable) {
    return new SqlServerColumn(name, type, length, 0, 0, nullable, CodePage.NONE);
  }

  private static SqlServerColumn decimal(String name, int precision, int scale) {
    return new SqlServerColumn(name, "decimal", 0, precision, scale, true, CodePage.NONE);
  }

  private SchemaCheck check(SchemaEvolution evolution, SchemaOverrides overrides) {
    List<dev.hygge.jdbc.SchemaDrift.DataColumn> data = new ArrayList<>();
    for (Field field : fields) {
      data.add(
          SchemaCheck.dataColumn(
              field, SqlServerTypeMapping.of(field.getType()).orElseThrow(), overrides));
    }
    return new SchemaCheck(ENTITY, WHERE, data, evolution, overrides);
  }

  private SchemaCheck check(SchemaEvolution evolution) {
    return check(evolution, SchemaOverrides.NONE);
  }

  @Test
  void failNamesEveryNewMissingAndRetypedColumnAndTheSettingToChange() {
    List<SqlServerColumn> table =
        List.of(
            column("id", "nvarchar", 20, false),
            column("label", "nvarchar", 40, true),
            decimal("amount", 12, 2));

    assertThatThrownBy(() -> check(SchemaEvolution.FAIL).existing(table, CodePage.NONE))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
        .hasMessage(
            PREFIX
                + "column 'name' (NVARCHAR) is new, not in the table; column 'label'"
                + " (NVARCHAR(40)) is in the table but not in the data; column 'id' is"
                + " NVARCHAR(20) in the table but Int(64, true) in the data (written as BIGINT)."
                + " Set schema_evolution: add_columns to add new columns and write missing"
                + " nullable ones as NULL (a retyped column always fails), or change the table."
                + " Nothing was written.");
  }

  @Test
  void addColumnsAddsNewColumnsAndLeavesMissingNullableOnesToNull() {
    List<SqlServerColumn> table =
        List.of(
            column("id", "bigint", 0, false),
            column("label", "nvarchar", 40, true),
            decimal("amount", 18, 4));

    TableFit fit = check(SchemaEvolution.ADD_COLUMNS).existing(table, CodePage.NONE);

    assertThat(fit.added()).containsExactly("name");
    // BIGINT data into BIGINT and DECIMAL(12,2) into DECIMAL(18,4): every value fits.
    assertThat(fit.checks().columns()).isEmpty();
  }

  @Test
  void addColumnsStillFailsOnARetypedColumnOrAMissingNotNullOne() {
    List<SqlServerColumn> table =
        List.of(
            column("id", "bigint", 0, false),
            column("name", "datetime2", 0, true),
            column("label", "nvarchar", 40, false),
            decimal("amount", 12, 2));

    assertThatThrownBy(() -> check(SchemaEvolution.ADD_COLUMNS).existing(table, CodePage.NONE))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            PREFIX
                + "column 'label' is NOT NULL in the table but not in the data, so it cannot be"
                + " written as NULL; column 'name' is DATETIME2(0) in the table but Utf8 in the"
                + " data (written as NVARCHAR). schema_evolution: add_columns cannot fix these:"
                + " change the table or the data. Nothing was written.");
  }

  @Test
  void narrowerColumnsOfTheSameKindAreAcceptedAndCheckedValueByValue() {
    List<SqlServerColumn> table =
        List.of(
            column("id", "tinyint", 0, false),
            new SqlServerColumn("name", "varchar", 10, 0, 0, true, LATIN1),
            decimal("amount", 6, 2));

    TableFit fit = check(SchemaEvolution.FAIL).existing(table, CodePage.NONE);

    assertThat(fit.added()).isEmpty();
    assertThat(fit.checks().columns())
        .extracting(
            c -> c.index() + " " + c.target().type().typeName() + " " + c.limit().describe())
        .containsExactly(
            "0 TINYINT from 0 to 255",
            "1 VARCHAR(10) at most 10 bytes in windows-1252",
            "2 DECIMAL(6,2) at most 4 digits before the decimal point");
  }

  @Test
  void kindsThatDoNotMixAreRetyped() {
    List<Field> mixed =
        List.of(
            Field.nullable("flag", new ArrowType.Int(32, true)),
            Field.nullable("code", ArrowType.Utf8.INSTANCE),
            Field.nullable("at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")));
    List<dev.hygge.jdbc.SchemaDrift.DataColumn> data = new ArrayList<>();
    for (Field field : mixed) {
      data.add(
          SchemaCheck.dataColumn(
              field, SqlServerTypeMapping.of(field.getType()).orElseThrow(), SchemaOverrides.NONE));
    }
    SchemaCheck check =
        new SchemaCheck(ENTITY, WHERE, data, SchemaEvolution.FAIL, SchemaOverrides.NONE);

    assertThatThrownBy(
            () ->
                check.existing(
                    List.of(
                        column("flag", "bit", 0, true),
                        column("code", "uniqueidentifier", 0, true),
                        new SqlServerColumn("at", "datetime2", 0, 0, 7, true, CodePage.NONE)),
                    CodePage.NONE))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            PREFIX
                + "column 'flag' is BIT in the table but Int(32, true) in the data (written as"
                + " INT); column 'code' is UNIQUEIDENTIFIER in the table but Utf8 in the data"
                + " (written as NVARCHAR). Set schema_evolution: add_columns to add new columns"
                + " and write missing nullable ones as NULL (a retyped column always fails), or"
                + " change the table. Nothing was written.");
  }

  @Test
  void inspectComparesAnExistingTableButNotOneThatTempSwapReplacesOrThatIsMissing()
      throws Exception {
    DeclaredCatalog catalog =
        new DeclaredCatalog(LATIN1).with(target, column("id", "nvarchar", 20, true));

    assertThatThrownBy(
            () -> check(SchemaEvolution.FAIL).inspect(catalog, target, WriteStrategy.MERGE))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(PREFIX + "column 'name' (NVARCHAR) is new, not in the table;");

    TableFit swapped =
        check(SchemaEvolution.FAIL).inspect(catalog, target, WriteStrategy.TEMP_SWAP);
    TableFit created =
        check(SchemaEvolution.FAIL)
            .inspect(catalog, target.withTable("fresh"), WriteStrategy.DIRECT_INSERT);

    assertThat(swapped.added()).isEmpty();
    assertThat(swapped.checks().columns()).isEmpty();
    assertThat(created.checks().columns()).isEmpty();
    assertThat(catalog.codePageLookups).isZero();
  }

  @Test
  void overriddenColumnsOfACreatedTableAreCheckedInTheDatabasesCodePage() throws Exception {
    DeclaredCatalog catalog = new DeclaredCatalog(LATIN1);
    SchemaOverrides overrides =
        new SchemaOverrides(Map.of("name", "varchar(8)", "amount", "DECIMAL(5, 2)"));

    TableFit fit =
        check(SchemaEvolution.FAIL, overrides)
            .inspect(catalog, target, WriteStrategy.DIRECT_INSERT);

    assertThat(catalog.codePageLookups).isEqualTo(1);
    assertThat(fit.checks().columns())
        .extracting(c -> c.target().type().typeName() + " " + c.limit().describe())
        .containsExactly(
            "VARCHAR(8) at most 8 bytes in windows-1252",
            "DECIMAL(5,2) at most 3 digits before the decimal point");
  }

  @Test
  void anAddedColumnIsCheckedAgainstItsOverride() {
    SchemaOverrides overrides = new SchemaOverrides(Map.of("name", "NCHAR(3)"));
    List<SqlServerColumn> table =
        List.of(column("id", "bigint", 0, true), decimal("amount", 12, 2));

    TableFit fit = check(SchemaEvolution.ADD_COLUMNS, overrides).existing(table, CodePage.NONE);

    assertThat(fit.added()).containsExactly("name");
    assertThat(fit.checks().columns())
        .extracting(
            c -> c.index() + " " + c.target().type().typeName() + " " + c.limit().describe())
        .containsExactly("1 NCHAR(3) at most 3 UTF-16 code units");
  }

  @Test
  void aTableWhoseColumnsTheLoginCannotSeeFailsSayingWhatToGrant() {
    DeclaredCatalog catalog = new DeclaredCatalog(LATIN1).with(target);

    assertThatThrownBy(
            () -> check(SchemaEvolution.ADD_COLUMNS).inspect(catalog, target, WriteStrategy.MERGE))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
        .hasMessage(
            "Cannot write entity shop.orders into jdbc:sqlserver://sql.internal:1433 table"
                + " raw.orders: the table exists but INFORMATION_SCHEMA.COLUMNS shows none of its"
                + " columns to this login (grant it VIEW DEFINITION or SELECT on the table)."
                + " Nothing was written.");
  }

  @Test
  void thePublishComparesAgainAndAddsWhatIsStillMissing() throws Exception {
    DeclaredCatalog catalog =
        new DeclaredCatalog(LATIN1).with(target, column("id", "bigint", 0, true));

    assertThat(check(SchemaEvolution.ADD_COLUMNS).added(catalog, target))
        .containsExactly("name", "amount");
    assertThatThrownBy(() -> check(SchemaEvolution.FAIL).added(catalog, target))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(PREFIX + "column 'name' (NVARCHAR) is new");
  }

  // The T-SQL

  private final TableSql sql =
      new TableSql(
          new SqlServerDialect(),
          target,
          target.withTable("orders__hygge_run_1"),
          List.of("id", "new name", "amount"),
          List.of(
              SqlServerType.plain("BIGINT", Types.BIGINT),
              SqlServerTypeMapping.of(ArrowType.Utf8.INSTANCE).orElseThrow(),
              new SqlServerType("DECIMAL", Types.DECIMAL, 12, 2, SqlServerType.Sizing.FIXED)));

  private PublishPlan plan(WriteStrategy strategy, IfExists ifExists, List<String> key) {
    return new PublishPlan(
        sql, strategy, ifExists, key, List.of("BIGINT", "NVARCHAR(32)", "DECIMAL(12,2)"), "run_1");
  }

  @Test
  void addedColumnsAreAlteredInFirstWithTheirCreatedTypeAcceptingNull() {
    assertThat(
            plan(WriteStrategy.DIRECT_INSERT, IfExists.REPLACE, List.of())
                .statements(true, List.of("new name", "amount")))
        .containsExactly(
            "ALTER TABLE [raw].[orders] ADD [new name] NVARCHAR(32) NULL",
            "ALTER TABLE [raw].[orders] ADD [amount] DECIMAL(12,2) NULL",
            "TRUNCATE TABLE [raw].[orders]",
            sql.insertFromStaging(target),
            "DROP TABLE IF EXISTS [raw].[orders__hygge_run_1]");
    assertThat(
            plan(WriteStrategy.MERGE, IfExists.APPEND, List.of("id"))
                .statements(true, List.of("amount")))
        .containsExactly(
            "ALTER TABLE [raw].[orders] ADD [amount] DECIMAL(12,2) NULL",
            sql.merge(List.of("id")),
            "DROP TABLE IF EXISTS [raw].[orders__hygge_run_1]");
  }

  @Test
  void columnsAreNeverAddedToATableThatIsCreatedOrSwappedOut() {
    assertThatThrownBy(
            () ->
                plan(WriteStrategy.TEMP_SWAP, IfExists.REPLACE, List.of())
                    .statements(true, List.of("amount")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("columns are added only to an existing table that is kept: [amount]");
    assertThatThrownBy(
            () ->
                plan(WriteStrategy.DIRECT_INSERT, IfExists.APPEND, List.of())
                    .statements(false, List.of("amount")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sql.addColumn("nope", "INT"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a column of the data: nope");
  }

  @Test
  void theCatalogQueryReadsInformationSchemaInTableOrder() {
    assertThat(SqlServerCatalog.COLUMNS)
        .isEqualTo(
            "SELECT COLUMN_NAME, DATA_TYPE, COALESCE(CHARACTER_MAXIMUM_LENGTH, 0),"
                + " COALESCE(NUMERIC_PRECISION, 0), COALESCE(NUMERIC_SCALE, DATETIME_PRECISION, 0),"
                + " IS_NULLABLE,"
                + " COALESCE(CONVERT(int, COLLATIONPROPERTY(COLLATION_NAME, 'CodePage')), 0)"
                + " FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = COALESCE(?, SCHEMA_NAME()) AND TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION");
    assertThat(SqlServerCatalog.DEFAULT_CODE_PAGE)
        .isEqualTo(
            "SELECT COALESCE(CONVERT(int, COLLATIONPROPERTY(CONVERT(nvarchar(128),"
                + " DATABASEPROPERTYEX(DB_NAME(), 'Collation')), 'CodePage')), 0)");
  }
}
