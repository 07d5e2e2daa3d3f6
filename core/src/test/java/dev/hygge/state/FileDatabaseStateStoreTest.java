package dev.hygge.state;

import dev.hygge.jdbc.Database;
import dev.hygge.jdbc.DatabaseFile;
import dev.hygge.jdbc.FileDialect;
import dev.hygge.jdbc.duckdb.DuckDbDialect;
import dev.hygge.jdbc.sqlite.SqliteDialect;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The database state store on a DuckDB file and on an SQLite file. */
class FileDatabaseStateStoreTest {
  @TempDir Path dir;

  private Database file(FileDialect dialect, String name) {
    return new DatabaseFile(dialect, dir.resolve(name), name);
  }

  @Nested
  class OnDuckDb extends DatabaseStateStoreContract {
    @Override
    protected Database database() {
      return file(new DuckDbDialect(), "state.duckdb");
    }
  }

  @Nested
  class OnSqlite extends DatabaseStateStoreContract {
    @Override
    protected Database database() {
      return file(new SqliteDialect(), "state.sqlite");
    }
  }
}
