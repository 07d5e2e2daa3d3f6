package dev.hygge.functions.gcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;

/**
 * What a test project's local lake holds, read back with DuckDB. The driver is called directly:
 * each Quarkus test application has its own class loader, and {@code DriverManager} hands a driver
 * only to the class loader that registered it.
 */
final class Lake {
  private Lake() {}

  /** The Parquet files of an entity in the project's {@code lake/}. */
  static long files(Path project, String entity) {
    Path dir = project.resolve("lake").resolve(entity);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows of an entity's Parquet files, and the sum of a numeric column, as DuckDB reads them.
   */
  static Totals totals(Path project, String entity, String column) {
    if (files(project, entity) == 0) {
      return new Totals(0, 0);
    }
    String glob = project.resolve("lake").resolve(entity).resolve("*.parquet").toString();
    try (Connection duckdb = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement statement = duckdb.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*), coalesce(sum(\""
                    + column
                    + "\"), 0) FROM read_parquet('"
                    + glob.replace("'", "''")
                    + "')")) {
      rows.next();
      return new Totals(rows.getLong(1), rows.getDouble(2));
    } catch (SQLException e) {
      throw new AssertionError("DuckDB cannot read " + glob + ": " + e.getMessage(), e);
    }
  }

  /**
   * Rows and a column's sum.
   *
   * @param rows how many rows
   * @param sum the sum of the column
   */
  record Totals(long rows, double sum) {}
}
