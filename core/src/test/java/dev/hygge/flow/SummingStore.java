package dev.hygge.flow;

import dev.hygge.HyggeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A test store that stages the sum and count of column 0 and publishes them into a shared map on
 * commit, optionally failing after {@code failAt} rows. Lets tests see exactly what was committed.
 */
record SummingStore(Map<String, long[]> published, long failAt, Map<String, WriteMode> modes)
    implements Store {
  SummingStore(Map<String, long[]> published, long failAt) {
    this(published, failAt, new ConcurrentHashMap<>());
  }

  static SummingStore create() {
    return new SummingStore(new ConcurrentHashMap<>(), Long.MAX_VALUE);
  }

  @Override
  public StoreWriter open(WriteRequest request) {
    modes.put(request.entity(), request.mode());
    return new StoreWriter() {
      private long sum;
      private long count;
      private boolean done;

      @Override
      public void write(VectorSchemaRoot batch) {
        BigIntVector vector = (BigIntVector) batch.getVector(0);
        for (int i = 0; i < batch.getRowCount(); i++) {
          sum += vector.get(i);
        }
        count += batch.getRowCount();
        if (count > failAt) {
          throw new HyggeException(
              dev.hygge.ErrorKind.STORE, "Cannot write entity " + request.entity() + ": disk full");
        }
      }

      @Override
      public CommitResult commit() {
        published.put(request.entity(), new long[] {count, sum});
        done = true;
        return new CommitResult(1, count * Long.BYTES);
      }

      @Override
      public void abort() {
        done = true;
      }

      @Override
      public long bytesWritten() {
        return count * Long.BYTES;
      }

      @Override
      public void close() {
        if (!done) {
          abort();
        }
      }
    };
  }

  @Override
  public String describe() {
    return "summing";
  }
}
