package dev.hygge.cli;

import dev.hygge.parquet.ArrowParquetWriter;
import dev.hygge.parquet.ParquetWriteOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes the quickstart's landing zone: deterministic shop data (the same bytes for the same row
 * count) as Parquet (orders, order_lines) and CSV (customers, products) files.
 */
final class SampleLandingZone {
  private static final int BATCH = 50_000;
  private static final int FILES_PER_PARQUET_ENTITY = 4;
  private static final long START_MICROS = 1_704_067_200_000_000L; // 2024-01-01T00:00:00Z
  private static final long SPAN_MICROS = 2L * 365 * 86_400 * 1_000_000;
  private static final String[] STATUSES = {"paid", "pending", "shipped", "cancelled", "refunded"};
  private static final String[] CITIES = {"Aarhus", "Oslo", "Malmo", "Bergen", "Odense", "Lund"};
  private static final String[] CATEGORIES = {"books", "garden", "kitchen", "toys", "tools"};
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final Path landing;
  private final long orders;

  /**
   * @param landing the landing zone directory
   * @param orders how many orders; the other entities scale from it
   */
  SampleLandingZone(Path landing, long orders) {
    this.landing = landing;
    this.orders = orders;
  }

  long customers() {
    return Math.max(10, orders / 10);
  }

  long orderLines() {
    return orders / 2;
  }

  long products() {
    return Math.max(10, Math.min(5_000, orders / 1000));
  }

  /** Total rows across the entities. */
  long totalRows() {
    return orders + orderLines() + customers() + products();
  }

  void write() throws IOException {
    try (BufferAllocator allocator = new RootAllocator()) {
      writeOrders(allocator);
      writeOrderLines(allocator);
    }
    writeCustomers();
    writeProducts();
  }

  private static Field field(String name, ArrowType type, boolean nullable) {
    return new Field(name, nullable ? FieldType.nullable(type) : FieldType.notNullable(type), null);
  }

  private void writeOrders(BufferAllocator allocator) throws IOException {
    Schema schema =
        new Schema(
            List.of(
                field("id", new ArrowType.Int(64, true), false),
                field("customer_id", new ArrowType.Int(64, true), true),
                field("amount", new ArrowType.Decimal(12, 2, 128), true),
                field("status", ArrowType.Utf8.INSTANCE, false),
                field("note", ArrowType.Utf8.INSTANCE, true),
                field("created_at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC"), true),
                field("is_paid", ArrowType.Bool.INSTANCE, false)));
    SplittableRandom random = new SplittableRandom(1);
    long customers = customers();
    writeParquet(
        "orders",
        schema,
        orders,
        allocator,
        (root, first, count) -> {
          BigIntVector id = (BigIntVector) root.getVector("id");
          BigIntVector customer = (BigIntVector) root.getVector("customer_id");
          DecimalVector amount = (DecimalVector) root.getVector("amount");
          VarCharVector status = (VarCharVector) root.getVector("status");
          VarCharVector note = (VarCharVector) root.getVector("note");
          TimeStampMicroTZVector created = (TimeStampMicroTZVector) root.getVector("created_at");
          BitVector paid = (BitVector) root.getVector("is_paid");
          for (int i = 0; i < count; i++) {
            id.setSafe(i, first + i);
            if (random.nextInt(20) == 0) {
              customer.setNull(i);
            } else {
              customer.setSafe(i, 1 + random.nextLong(customers));
            }
            if (random.nextInt(20) == 0) {
              amount.setNull(i);
            } else {
              amount.setSafe(i, BigDecimal.valueOf(1 + random.nextLong(999_999), 2));
            }
            String word = STATUSES[random.nextInt(STATUSES.length)];
            status.setSafe(i, word.getBytes(StandardCharsets.UTF_8));
            if (random.nextInt(20) == 0) {
              note.setNull(i);
            } else {
              note.setSafe(i, text(random, 20 + random.nextInt(41)));
            }
            if (random.nextInt(20) == 0) {
              created.setNull(i);
            } else {
              created.setSafe(i, START_MICROS + random.nextLong(SPAN_MICROS));
            }
            paid.setSafe(i, word.equals("paid") || word.equals("shipped") ? 1 : 0);
          }
        });
  }

  private void writeOrderLines(BufferAllocator allocator) throws IOException {
    Schema schema =
        new Schema(
            List.of(
                field("order_id", new ArrowType.Int(64, true), false),
                field("line", new ArrowType.Int(32, true), false),
                field("product_id", new ArrowType.Int(32, true), false),
                field("quantity", new ArrowType.Int(32, true), false),
                field("unit_price", new ArrowType.Decimal(10, 2, 128), false)));
    SplittableRandom random = new SplittableRandom(2);
    long products = products();
    writeParquet(
        "order_lines",
        schema,
        orderLines(),
        allocator,
        (root, first, count) -> {
          BigIntVector order = (BigIntVector) root.getVector("order_id");
          IntVector line = (IntVector) root.getVector("line");
          IntVector product = (IntVector) root.getVector("product_id");
          IntVector quantity = (IntVector) root.getVector("quantity");
          DecimalVector price = (DecimalVector) root.getVector("unit_price");
          for (int i = 0; i < count; i++) {
            long n = first + i;
            order.setSafe(i, 1 + (n - 1) * 2 % Math.max(1, orders));
            line.setSafe(i, (int) (n % 3) + 1);
            product.setSafe(i, 1 + (int) random.nextLong(products));
            quantity.setSafe(i, 1 + random.nextInt(9));
            price.setSafe(i, BigDecimal.valueOf(100 + random.nextInt(99_900), 2));
          }
        });
  }

  /** Fills {@code count} rows starting at id {@code first} into a batch. */
  private interface BatchFiller {
    void fill(VectorSchemaRoot root, long first, int count);
  }

  private void writeParquet(
      String entity, Schema schema, long rows, BufferAllocator allocator, BatchFiller filler)
      throws IOException {
    Path dir = landing.resolve(entity);
    Files.createDirectories(dir);
    long perFile = (rows + FILES_PER_PARQUET_ENTITY - 1) / FILES_PER_PARQUET_ENTITY;
    long next = 1;
    for (int file = 1; next <= rows; file++) {
      long last = Math.min(rows, next + perFile - 1);
      Path path = dir.resolve(String.format(Locale.ROOT, "%s-%02d.parquet", entity, file));
      Files.deleteIfExists(path);
      try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
          ArrowParquetWriter writer =
              new ArrowParquetWriter(path, schema, ParquetWriteOptions.defaults())) {
        while (next <= last) {
          int count = (int) Math.min(BATCH, last - next + 1);
          root.allocateNew();
          filler.fill(root, next, count);
          root.setRowCount(count);
          writer.write(root);
          next += count;
        }
      }
    }
  }

  private void writeCustomers() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    Path dir = landing.resolve("customers");
    Files.createDirectories(dir);
    LocalDate start = LocalDate.of(2020, 1, 1);
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("customers.csv"), StandardCharsets.UTF_8)) {
      w.write("id,name,email,city,signed_up,vip\n");
      for (long i = 1; i <= customers(); i++) {
        w.write(
            String.format(
                Locale.ROOT,
                "%d,\"Customer %d, %s\",customer%d@example.com,%s,%s,%s%n",
                i,
                i,
                CITIES[random.nextInt(CITIES.length)],
                i,
                CITIES[random.nextInt(CITIES.length)],
                start.plusDays(random.nextInt(2000)),
                random.nextInt(10) == 0));
      }
    }
  }

  private void writeProducts() throws IOException {
    SplittableRandom random = new SplittableRandom(4);
    Path dir = landing.resolve("products");
    Files.createDirectories(dir);
    try (BufferedWriter w =
        Files.newBufferedWriter(dir.resolve("products.csv"), StandardCharsets.UTF_8)) {
      w.write("id,name,category,price\n");
      for (long i = 1; i <= products(); i++) {
        w.write(
            String.format(
                Locale.ROOT,
                "%d,Product %d,%s,%d.%02d%n",
                i,
                i,
                CATEGORIES[random.nextInt(CATEGORIES.length)],
                1 + random.nextInt(500),
                random.nextInt(100)));
      }
    }
  }

  private static byte[] text(SplittableRandom random, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) LETTERS.charAt(random.nextInt(LETTERS.length()));
    }
    return bytes;
  }
}
