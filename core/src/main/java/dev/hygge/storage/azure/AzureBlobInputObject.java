package dev.hygge.storage.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.specialized.BlockBlobClient;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import java.io.InputStream;

/** A blob read with ranged GETs: only the bytes asked for cross the network. */
final class AzureBlobInputObject implements InputObject {
  private final AzureBlobObjectStore store;
  private final AzureLocation location;
  private final BlockBlobClient blob;
  private volatile long length = -1;

  AzureBlobInputObject(AzureBlobObjectStore store, AzureLocation location, BlockBlobClient blob) {
    this.store = store;
    this.location = location;
    this.blob = blob;
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
      blob.downloadStreamWithResponse(
          out, new BlobRange(position, (long) count), null, null, false, null, Context.NONE);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    RangeReads.checkComplete(location, position, count, out.written());
  }

  @Override
  public InputStream newStream() {
    try {
      return blob.openInputStream();
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
    return AzureFailures.translate(
        e, "read", location, ErrorKind.HOME, store.options().maxAttempts());
  }
}
