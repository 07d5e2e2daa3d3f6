package dev.hygge.csv;

import dev.hygge.config.ConfigValue;
import dev.hygge.config.Origin;
import dev.hygge.config.Settings;
import dev.hygge.flow.ReadRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Measures CSV read throughput: 1M rows, 7 columns (ints, decimals, strings, timestamps, bools),
 * once with declared types and once inferred. Run as a plain main class, not a unit test:
 *
 * <pre>
 * java -cp core/target/test-classes:core/target/classes:$(cat cp.txt) dev.hygge.csv.CsvReadBenchmark
 * </pre>
 */
public final class CsvReadBenchmark {
  private static final int ROWS = 1_000_000;
  private static final int BATCH_SIZE = 65_536;
  private static final int WARMUPS = 3;
  private static final int RUNS = 7;
  private static final long SEED = 42;

  private CsvReadBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("hygge-csv-bench");
    Path file = dir.resolve("orders.csv");
    write(file);
    System.out.printf("file: %d rows, %.1f MB%n", ROWS, Files.size(file) / 1e6);
    Map<String, Object> declared = new LinkedHashMap<>();
    declared.put("path", "orders.csv");
    declared.put(
        "schema",
        Map.of(
            "id",
            "int64",
            "customer_id",
            "int32",
            "amount",
            "decimal(12,2)",
            "status",
            "string",
            "note",
            "string",
            "created_at",
            "timestamp",
            "paid",
            "boolean"));
    measure("declared schema", dir, declared, Files.size(file));
    measure("inferred schema", dir, Map.of("path", "orders.csv"), Files.size(file));
  }

  private static void measure(String label, Path dir, Map<String, Object> values, long bytes) {
    CsvHome home = home(dir, values);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> seconds = new ArrayList<>();
    List<Double> cpuSeconds = new ArrayList<>();
    for (int run = 0; run < WARMUPS + RUNS; run++) {
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long rows = readAll(home);
      double elapsed = (System.nanoTime() - start) / 1e9;
      double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      if (rows != ROWS) {
        throw new IllegalStateException("read " + rows + " rows, expected " + ROWS);
      }
      if (run >= WARMUPS) {
        seconds.add(elapsed);
        cpuSeconds.add(cpu);
      }
    }
    Collections.sort(seconds);
    Collections.sort(cpuSeconds);
    double median = seconds.get(seconds.size() / 2);
    double cpuMedian = cpuSeconds.get(cpuSeconds.size() / 2);
    System.out.printf(
        "%s: wall median %.3f s = %,.0f rows/s, %.0f MB/s (best %.3f s);"
            + " thread CPU median %.3f s = %,.0f rows/s%n",
        label,
        median,
        ROWS / median,
        bytes / median / 1e6,
        seconds.get(0),
        cpuMedian,
        ROWS / cpuMedian);
  }

  private static long readAll(CsvHome home) {
    long rows = 0;
    try (BufferAllocator allocator = new RootAllocator();
        CsvBatchReader reader =
            home.open(new ReadRequest("bench.orders", List.of(), BATCH_SIZE, allocator))) {
      while (reader.loadNextBatch()) {
        rows += reader.root().getRowCount();
      }
    }
    return rows;
  }

  private static CsvHome home(Path dir, Map<String, Object> values) {
    Map<String, ConfigValue> config = new LinkedHashMap<>();
    values.forEach((k, v) -> config.put(k, new ConfigValue(v, new Origin("bench", 0))));
    CsvHomeType type = new CsvHomeType();
    return (CsvHome)
        type.create(
            Settings.validate("bench", new Origin("bench", 0), dir, type.settings(), config));
  }

  private static void write(Path file) throws IOException {
    Random random = new Random(SEED);
    String[] statuses = {"new", "paid", "shipped", "cancelled"};
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("id,customer_id,amount,status,note,created_at,paid\n");
      for (int i = 0; i < ROWS; i++) {
        int cents = random.nextInt(10_000_000);
        out.write(Integer.toString(i));
        out.write(',');
        out.write(Integer.toString(random.nextInt(100_000)));
        out.write(',');
        out.write(cents / 100 + "." + String.format("%02d", cents % 100));
        out.write(',');
        out.write(statuses[random.nextInt(statuses.length)]);
        out.write(',');
        out.write(random.nextInt(10) == 0 ? "\"gift, wrapped\"" : "order note " + (i % 97));
        out.write(',');
        out.write(
            String.format(
                "2024-%02d-%02dT%02d:%02d:%02d.%03d",
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                random.nextInt(24),
                random.nextInt(60),
                random.nextInt(60),
                random.nextInt(1000)));
        out.write(',');
        out.write(random.nextBoolean() ? "true" : "false");
        out.write('\n');
      }
    }
  }
}
