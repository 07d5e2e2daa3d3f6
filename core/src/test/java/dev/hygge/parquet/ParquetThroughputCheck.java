package dev.hygge.parquet;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Measures write and read throughput of the benchmark's orders table (not a unit test). Run with
 * {@code java -cp ... dev.hygge.parquet.ParquetThroughputCheck [rows] [dir] [codec]}.
 */
public final class ParquetThroughputCheck {
  private static final int BATCH_ROWS = 100_000;
  private static final int DISTINCT_BATCHES = 10;
  private static final String[] STATUSES = {"paid", "pending", "shipped", "cancelled", "refunded"};
  private static final String ALPHABET =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789     ";

  private ParquetThroughputCheck() {}

  static Schema schema() {
    return new Schema(
        List.of(
            ArrowBatches.required("id", new ArrowType.Int(64, true)),
            ArrowBatches.field("customer_id", new ArrowType.Int(64, true)),
            ArrowBatches.field("amount", new ArrowType.Decimal(12, 2, 128)),
            ArrowBatches.required("status", ArrowType.Utf8.INSTANCE),
            ArrowBatches.field("note", ArrowType.Utf8.INSTANCE),
            ArrowBatches.field("created_at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
            ArrowBatches.required("is_paid", ArrowType.Bool.INSTANCE)));
  }

  static VectorSchemaRoot batch(BufferAllocator allocator, Random random) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema(), allocator);
    root.allocateNew();
    BigIntVector id = (BigIntVector) root.getVector("id");
    BigIntVector customer = (BigIntVector) root.getVector("customer_id");
    DecimalVector amount = (DecimalVector) root.getVector("amount");
    VarCharVector status = (VarCharVector) root.getVector("status");
    VarCharVector note = (VarCharVector) root.getVector("note");
    TimeStampMicroTZVector created = (TimeStampMicroTZVector) root.getVector("created_at");
    BitVector paid = (BitVector) root.getVector("is_paid");
    char[] text = new char[60];
    for (int i = 0; i < BATCH_ROWS; i++) {
      id.setSafe(i, i);
      if (random.nextInt(20) == 0) {
        customer.setNull(i);
        amount.setNull(i);
        note.setNull(i);
        created.setNull(i);
      } else {
        customer.setSafe(i, 1 + random.nextInt(1_000_000));
        amount.setSafe(i, BigDecimal.valueOf(1 + random.nextInt(999_999), 2));
        int length = 20 + random.nextInt(41);
        for (int c = 0; c < length; c++) {
          text[c] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        note.setSafe(i, new String(text, 0, length).getBytes(StandardCharsets.UTF_8));
        created.setSafe(i, 1_704_067_200_000_000L + (long) (random.nextDouble() * 63_072_000e6));
      }
      status.setSafe(i, STATUSES[random.nextInt(STATUSES.length)].getBytes(StandardCharsets.UTF_8));
      paid.setSafe(i, random.nextBoolean() ? 1 : 0);
    }
    root.setRowCount(BATCH_ROWS);
    return root;
  }

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("hygge-throughput");
    ParquetCompression compression =
        args.length > 2 ? ParquetCompression.valueOf(args[2]) : ParquetCompression.SNAPPY;
    Path file = dir.resolve("orders.parquet");
    Files.deleteIfExists(file);
    try (BufferAllocator allocator = new RootAllocator()) {
      List<VectorSchemaRoot> batches = new ArrayList<>();
      Random random = new Random(42);
      for (int b = 0; b < DISTINCT_BATCHES; b++) {
        batches.add(batch(allocator, random));
      }
      long start = System.nanoTime();
      long cpuStart = cpu();
      try (ArrowParquetWriter writer =
          new ArrowParquetWriter(
              file, schema(), ParquetWriteOptions.defaults().withCompression(compression))) {
        for (long written = 0; written < rows; written += BATCH_ROWS) {
          VectorSchemaRoot batch = batches.get((int) (written / BATCH_ROWS % DISTINCT_BATCHES));
          BigIntVector id = (BigIntVector) batch.getVector("id");
          for (int i = 0; i < BATCH_ROWS; i++) {
            id.set(i, written + i);
          }
          writer.write(batch);
        }
      }
      double writeSeconds = (System.nanoTime() - start) / 1e9;
      batches.forEach(VectorSchemaRoot::close);
      report("write", rows, writeSeconds, (cpu() - cpuStart) / 1e9, Files.size(file));
      for (int round = 0; round < 2; round++) {
        start = System.nanoTime();
        cpuStart = cpu();
        long read = 0;
        try (ArrowParquetReader reader =
            new ArrowParquetReader(file, List.of(), BATCH_ROWS, allocator)) {
          while (reader.loadNextBatch()) {
            read += reader.root().getRowCount();
          }
        }
        report(
            "read",
            read,
            (System.nanoTime() - start) / 1e9,
            (cpu() - cpuStart) / 1e9,
            Files.size(file));
      }
    }
  }

  private static long cpu() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  private static void report(String what, long rows, double seconds, double cpu, long bytes) {
    System.out.printf(
        "%s: %,d rows in %.2f s = %,.0f rows/s; thread CPU %.2f s = %,.0f rows/CPU-s (file %,d"
            + " bytes)%n",
        what, rows, seconds, rows / seconds, cpu, rows / cpu, bytes);
  }
}
