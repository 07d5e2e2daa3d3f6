package dev.hygge.storage.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.Context;
import com.azure.storage.file.datalake.DataLakeFileClient;
import com.azure.storage.file.datalake.models.FileRange;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import java.io.InputStream;

/** A Data Lake file read by ranges: only the bytes asked for cross the network. */
final class AdlsInputObject implements InputObject {
  private final AdlsObjectStore store;
  private final AzureLocation location;
  private final DataLakeFileClient file;
  private volatile long length = -1;

  AdlsInputObject(AdlsObjectStore store, AzureLocation location, DataLakeFileClient file) {
    this.store = store;
    this.location = location;
    this.file = file;
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
      file.readWithResponse(
          out, new FileRange(position, (long) count), null, null, false, null, Context.NONE);
    } catch (RuntimeException e) {
      throw failure(e);
    }
    RangeReads.checkComplete(location, position, count, out.written());
  }

  @Override
  public InputStream newStream() {
    try {
      return file.openInputStream().getInputStream();
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
