package dev.hygge.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

/** Writes the files of a new project: config, an example flow, and deterministic sample CSVs. */
final class ProjectScaffold {
  private static final int CUSTOMERS = 1_000;
  private static final int ORDERS = 10_000;
  private static final long SEED = 20251012L;
  private static final String[] STATUSES = {"paid", "pending", "shipped", "cancelled"};
  private static final String[] CITIES = {"Aarhus", "Oslo", "Malmo", "Bergen", "Odense", "Lund"};

  private final Path dir;
  private final String name;
  private final String flowsDir;

  ProjectScaffold(Path dir, String name, String flowsDir) {
    this.dir = dir;
    this.name = name;
    this.flowsDir = flowsDir;
  }

  void write() throws IOException {
    Path flow = dir.resolve(flowsDir).resolve("example");
    Files.createDirectories(flow.resolve("entities"));
    write(
        dir.resolve("hygge.yml"),
        """
        # hygge project. Every setting is described in hygge's docs/configuration.md.
        name: %s
        flows_dir: %s

        options:
          concurrency: 2           # entities moved at once
          continue_on_error: true  # one failing entity does not stop the others

        defaults:                  # inherited by every entity (entity > flow > project)
          batch_size: 65536
        """
            .formatted(name, flowsDir));
    write(
        flow.resolve("flow.yml"),
        """
        # One flow: every entity moves from landing_zone/<entity> to the lake.
        name: example
        home:
          type: csv
          path: landing_zone             # entity files live in landing_zone/<entity>/
        store:
          type: parquet
          path: ${DATA_LAKE:data_lake}   # override with DATA_LAKE in the environment or .env
          compression: snappy
        run_type: full_drop              # replace the lake's copy on every run
        """);
    write(
        flow.resolve("entities").resolve("customers.yml"),
        """
        name: customers
        """);
    write(
        flow.resolve("entities").resolve("orders.yml"),
        """
        name: orders
        home:
          schema:                        # declared types; other columns are inferred
            amount: decimal(10,2)
        """);
    write(
        dir.resolve(".gitignore"),
        """
        .env
        data_lake/
        .hygge-staging/
        .hygge/
        """);
    writeSampleData();
  }

  private void writeSampleData() throws IOException {
    SplittableRandom random = new SplittableRandom(SEED);
    Path customers = dir.resolve("landing_zone").resolve("customers");
    Files.createDirectories(customers);
    try (BufferedWriter w =
        Files.newBufferedWriter(customers.resolve("customers.csv"), StandardCharsets.UTF_8)) {
      w.write("id,name,city,signed_up\n");
      LocalDate start = LocalDate.of(2024, 1, 1);
      for (int i = 1; i <= CUSTOMERS; i++) {
        w.write(
            String.format(
                Locale.ROOT,
                "%d,Customer %d,%s,%s%n",
                i,
                i,
                CITIES[random.nextInt(CITIES.length)],
                start.plusDays(random.nextInt(700))));
      }
    }
    Path orders = dir.resolve("landing_zone").resolve("orders");
    Files.createDirectories(orders);
    try (BufferedWriter w =
        Files.newBufferedWriter(orders.resolve("orders.csv"), StandardCharsets.UTF_8)) {
      w.write("id,customer_id,amount,status,paid\n");
      for (int i = 1; i <= ORDERS; i++) {
        String status = STATUSES[random.nextInt(STATUSES.length)];
        w.write(
            String.format(
                Locale.ROOT,
                "%d,%d,%d.%02d,%s,%s%n",
                i,
                1 + random.nextInt(CUSTOMERS),
                random.nextInt(1000),
                random.nextInt(100),
                status,
                status.equals("paid") || status.equals("shipped")));
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
