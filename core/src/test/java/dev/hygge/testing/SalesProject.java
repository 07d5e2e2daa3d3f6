package dev.hygge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A one-flow hygge project in a temporary directory ({@code sales}: CSV files in {@code landing/}
 * to Parquet in {@code lake/}), shared by the function modules' tests through core's test jar. One
 * directory per test JVM, named from the process id, so that a Quarkus test profile and the test
 * (which Quarkus may load in different class loaders) agree on it.
 */
public final class SalesProject {
  /** The rows of {@code landing/orders/orders.csv}, without its header. */
  public static final int ORDER_ROWS = 3;

  /** The default {@code orders.csv}. */
  public static final String ORDERS_CSV =
      """
      id,amount,status
      1,12.50,paid
      2,7.25,open
      3,40.00,paid
      """;

  private static final String HYGGE_YML =
      """
      name: fn
      flows:
        sales:
          home: {type: csv, path: landing}
          store: {type: parquet, path: lake}
          entities: [orders]
      """;

  private final String name;

  /**
   * @param name distinguishes the projects of different modules, e.g. {@code functions-aws}
   */
  public SalesProject(String name) {
    this.name = name;
  }

  /** The project directory of this JVM. */
  public Path dir() {
    return Path.of(System.getProperty("java.io.tmpdir"))
        .resolve("hygge-" + name + "-" + ProcessHandle.current().pid());
  }

  /** Writes a fresh project (removing what an earlier test left) and returns its directory. */
  public Path create() throws IOException {
    return create(ORDERS_CSV);
  }

  /** Writes a fresh project whose {@code orders.csv} holds this text. */
  public Path create(String ordersCsv) throws IOException {
    Path dir = dir();
    delete();
    Files.createDirectories(dir.resolve("landing/orders"));
    Files.writeString(dir.resolve("hygge.yml"), HYGGE_YML);
    Files.writeString(dir.resolve("landing/orders/orders.csv"), ordersCsv);
    return dir;
  }

  /** Removes the project directory and everything in it. */
  public void delete() throws IOException {
    Path dir = dir();
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SalesProject::deleteOne);
    }
  }

  private static void deleteOne(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete test file " + path, e);
    }
  }
}
