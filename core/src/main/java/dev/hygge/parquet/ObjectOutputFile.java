package dev.hygge.parquet;

import static java.util.Objects.requireNonNull;

import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import java.util.function.Function;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet output file that is an object in an object store: written as a streamed upload and
 * published when the writer closes it. Only staged files are written this way, so a writer closed
 * after a failure publishes nothing readers see.
 */
final class ObjectOutputFile implements OutputFile {
  private static final long NO_BLOCK_SIZE = -1;

  private final ObjectStore store;
  private final Location location;

  ObjectOutputFile(ObjectStore store, Location location) {
    this.store = requireNonNull(store, "store is null");
    this.location = requireNonNull(location, "location is null");
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return stream(store::create);
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return stream(store::createOrOverwrite);
  }

  private PositionOutputStream stream(Function<Location, OutputObject> opener) {
    OutputObject out = opener.apply(location);
    return new PositionOutputStream() {
      @Override
      public long getPos() {
        return out.position();
      }

      @Override
      public void write(int b) {
        out.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() {
        try (OutputObject closing = out) {
          closing.commit();
        }
      }
    };
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return NO_BLOCK_SIZE;
  }

  @Override
  public String getPath() {
    return location.toString();
  }
}
