package dev.hygge.flow;

import dev.hygge.HyggeException;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A test home that counts from 1 to {@code rows} in one BIGINT column {@code n}, optionally failing
 * once {@code failAt} rows were produced. A real home (it allocates and frees real Arrow buffers),
 * just without files.
 */
record CountingHome(long rows, long failAt) implements Home {
  static final Schema SCHEMA =
      new Schema(List.of(new Field("n", FieldType.notNullable(new ArrowType.Int(64, true)), null)));

  static CountingHome of(long rows) {
    return new CountingHome(rows, Long.MAX_VALUE);
  }

  @Override
  public BatchReader open(ReadRequest request) {
    VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, request.allocator());
    return new BatchReader() {
      private long next = 1;

      @Override
      public Schema schema() {
        return SCHEMA;
      }

      @Override
      public boolean loadNextBatch() {
        if (next > failAt) {
          throw new HyggeException(
              dev.hygge.ErrorKind.HOME,
              "Cannot read entity " + request.entity() + ": disk on fire");
        }
        int count = (int) Math.min(request.batchSize(), rows - next + 1);
        BigIntVector vector = (BigIntVector) root.getVector(0);
        vector.allocateNew(Math.max(count, 1));
        for (int i = 0; i < count; i++) {
          vector.set(i, next++);
        }
        root.setRowCount(count);
        return count > 0;
      }

      @Override
      public VectorSchemaRoot root() {
        return root;
      }

      @Override
      public long bytesRead() {
        return (next - 1) * Long.BYTES;
      }

      @Override
      public int filesRead() {
        return 1;
      }

      @Override
      public void close() {
        root.close();
      }
    };
  }

  @Override
  public String describe() {
    return "counting " + rows;
  }
}
