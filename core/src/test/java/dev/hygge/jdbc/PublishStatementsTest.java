package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.jdbc.postgres.PostgresDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL each write strategy publishes with, quoted for odd names (run for real elsewhere). */
class PublishStatementsTest {
  private final TableStatements sql =
      new TableStatements(
          new PostgresDialect(),
          TableName.parse("raw.My \"T\""),
          TableName.parse("raw.My \"T\"__hygge_r1"),
          List.of("select", "Name"),
          List.of("BIGINT", "TEXT"));

  @Test
  void mergeUpsertsKeyedByThePrimaryKeyAndUpdatesTheOtherColumns() {
    assertThat(sql.dialect().upsert(sql, List.of("select", "Name"), List.of("select")))
        .isEqualTo(
            "INSERT INTO \"raw\".\"My \"\"T\"\"\" (\"select\", \"Name\") SELECT \"select\","
                + " \"Name\" FROM \"raw\".\"My \"\"T\"\"__hygge_r1\" WHERE true ON CONFLICT"
                + " (\"select\") DO UPDATE SET \"Name\" = EXCLUDED.\"Name\"");
    assertThat(sql.upsertFromStaging(List.of("select"), List.of("select")))
        .endsWith("ON CONFLICT (\"select\") DO NOTHING");
  }

  @Test
  void aMergedTableIsCreatedWithItsPrimaryKey() {
    assertThat(sql.createTargetWithKey(List.of("select")))
        .isEqualTo(
            "CREATE TABLE \"raw\".\"My \"\"T\"\"\" (\"select\" BIGINT, \"Name\" TEXT, PRIMARY KEY"
                + " (\"select\"))");
  }

  @Test
  void aSwapRenamesTheTargetAsideThenTheStagingTableInAndDropsTheOldOne() {
    assertThat(List.of(sql.renameTargetOut(), sql.renameStagingToTarget(), sql.dropSwappedOut()))
        .containsExactly(
            "ALTER TABLE \"raw\".\"My \"\"T\"\"\" RENAME TO \"My \"\"T\"\"__hygge_r1_old\"",
            "ALTER TABLE \"raw\".\"My \"\"T\"\"__hygge_r1\" RENAME TO \"My \"\"T\"\"\"",
            "DROP TABLE \"raw\".\"My \"\"T\"\"__hygge_r1_old\"");
  }

  @Test
  void addColumnsAltersTheTarget() {
    assertThat(sql.addTargetColumn("New col", "TEXT"))
        .isEqualTo("ALTER TABLE \"raw\".\"My \"\"T\"\"\" ADD COLUMN \"New col\" TEXT");
  }
}
