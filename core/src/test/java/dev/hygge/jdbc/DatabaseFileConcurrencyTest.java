package dev.hygge.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.ErrorKind;
import dev.hygge.jdbc.duckdb.DuckDbDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entities of one run open the same DuckDB file at the same moment (a home and a store, or the
 * state table beside a store): every open succeeds and all see one database.
 */
class DatabaseFileConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 10;

  @TempDir Path dir;

  @Test
  void connectionsOpenedAndClosedOverAndOverFromManyThreadsAllSucceed() throws Exception {
    DatabaseFile file = new DatabaseFile(new DuckDbDialect(), dir.resolve("busy.duckdb"), "busy");
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(
            pool.submit(
                () -> {
                  int opened = 0;
                  for (int i = 0; i < 50; i++) {
                    try (Connection c = file.connect("shop.orders", ErrorKind.STORE);
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("SELECT 1")) {
                      r.next();
                      opened += r.getInt(1);
                    }
                  }
                  return opened;
                }));
      }
      for (Future<Integer> worker : workers) {
        assertThat(worker.get()).isEqualTo(50);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void connectionsOpenedAtTheSameMomentShareOneDuckDbFile() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        DatabaseFile file =
            new DatabaseFile(new DuckDbDialect(), dir.resolve("lake-" + round + ".duckdb"), "lake");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> opened = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int table = t;
          opened.add(
              pool.submit(
                  () -> {
                    start.await();
                    try (Connection c = file.connect("shop.orders", ErrorKind.STORE);
                        Statement s = c.createStatement()) {
                      s.execute("CREATE TABLE t" + table + " AS SELECT 1 AS id");
                      try (ResultSet r =
                          s.executeQuery(
                              "SELECT count(*) FROM information_schema.tables"
                                  + " WHERE table_name LIKE 't%'")) {
                        r.next();
                        return r.getLong(1);
                      }
                    }
                  }));
        }
        start.countDown();
        for (Future<Long> tables : opened) {
          assertThat(tables.get()).isBetween(1L, (long) THREADS);
        }
        try (Connection c = file.connect("shop.orders", ErrorKind.STORE);
            Statement s = c.createStatement();
            ResultSet r =
                s.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 't%'")) {
          r.next();
          assertThat(r.getLong(1))
              .as("every connection wrote into the same file")
              .isEqualTo(THREADS);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
