package dev.hygge.jdbc;

import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * What tests that run against DuckDB, SQLite and PostgreSQL alike share: one embedded PostgreSQL
 * server for the class (emptied before each use), a directory for the database files, and an
 * allocator that fails the test on a leak when it closes.
 */
abstract class EveryDatabase {
  private static PostgresTestServer postgres;

  @TempDir Path dir;
  final RootAllocator allocator = new RootAllocator();

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresTestServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  /** The database named {@code duckdb}, {@code sqlite} or {@code postgres}, empty. */
  TestTarget target(String name) throws Exception {
    if (name.equals("postgres")) {
      postgres.reset();
      return TestTarget.postgres(postgres);
    }
    return TestTarget.file(TestDatabase.valueOf(name.toUpperCase()), dir);
  }
}
