package dev.hygge.storage.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.specialized.BlockBlobClient;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.models.FileRange;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import java.io.InputStream;

/**
 * An Azure blob or Data Lake file read by ranges: only the bytes asked for cross the network. The
 * two APIs differ only in how a range or the whole object is read ({@link Reads}).
 */
final class AzureInputObject implements InputObject {
  /** How one API reads a range into the caller's array, or opens the whole object. */
  interface Reads {
    void range(ArrayRangeOutput out, long position, int count);

    InputStream whole();
  }

  private final ObjectStore store;
  private final AzureLocation location;
  private final int maxAttempts;
  private final Reads reads;
  private volatile long length = -1;

  private AzureInputObject(
      ObjectStore store, AzureLocation location, int maxAttempts, Reads reads) {
    this.store = store;
    this.location = location;
    this.maxAttempts = maxAttempts;
    this.reads = reads;
  }

  /** A block blob, read through the Blob API. */
  static AzureInputObject blob(
      ObjectStore store, AzureLocation location, int maxAttempts, BlockBlobClient blob) {
    return new AzureInputObject(
        store,
        location,
        maxAttempts,
        new Reads() {
          @Override
          public void range(ArrayRangeOutput out, long position, int count) {
            blob.downloadStreamWithResponse(
                out, new BlobRange(position, (long) count), null, null, false, null, Context.NONE);
          }

          @Override
          public InputStream whole() {
            return blob.openInputStream();
          }
        });
  }

  /** A Data Lake file, read through the dfs API. */
  static AzureInputObject file(
      ObjectStore store, AzureLocation location, int maxAttempts, DataLakeFileClient file) {
    return new AzureInputObject(
        store,
        location,
        maxAttempts,
        new Reads() {
          @Override
          public void range(ArrayRangeOutput out, long position, int count) {
            file.readWithResponse(
                out, new FileRange(position, (long) count), null, null, false, null, Context.NONE);
          }

          @Override
          public InputStream whole() {
            return file.openInputStream().getInputStream();
          }
        });
  }

  @Override
  public Location location() {
    return location.location();
  }

  @Override
  public long length() {
    if (length < 0) {
      length =
          store
              .stat(location.location())
              .orElseThrow(() -> AzureFailures.missingObject(location, null))
              .size();
    }
    return length;
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int count) {
    if (count == 0) {
      return;
    }
    RangeReads.checkRange(location, position, count, length());
    ArrayRangeOutput out = new ArrayRangeOutput(buffer, offset, count);
    try {
      reads.range(out, position, count);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    RangeReads.checkComplete(location, position, count, out.written());
  }

  @Override
  public InputStream newStream() {
    try {
      return reads.whole();
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  private HyggeException failure(RuntimeException e) {
    if (e instanceof HttpResponseException http
        && AzureFailures.status(http) == AzureFailures.NOT_FOUND
        && !AzureFailures.isMissingContainer(http)) {
      return AzureFailures.missingObject(location, e);
    }
    return AzureFailures.translate(e, "read", location, ErrorKind.HOME, maxAttempts);
  }
}
