package dev.hygge.storage.s3;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** An S3 object read with ranged GETs: only the bytes asked for cross the network. */
final class S3InputObject implements InputObject {
  private final S3ObjectStore store;
  private final S3Location location;
  private volatile long length = -1;

  S3InputObject(S3ObjectStore store, S3Location location) {
    this.store = store;
    this.location = location;
  }

  @Override
  public Location location() {
    return location.location();
  }

  @Override
  public long length() {
    if (length < 0) {
      length = store.stat(location.location()).orElseThrow(() -> missing(null)).size();
    }
    return length;
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int count) {
    if (count == 0) {
      return;
    }
    long end = position + count;
    if (end > length()) {
      throw HyggeException.home(
          "Cannot read "
              + count
              + " bytes at offset "
              + position
              + " of "
              + location
              + ": the object has only "
              + length
              + " bytes",
          null);
    }
    GetObjectRequest request =
        GetObjectRequest.builder()
            .bucket(location.bucket())
            .key(location.key())
            .range("bytes=" + position + "-" + (end - 1))
            .build();
    try (ResponseInputStream<GetObjectResponse> in = get(request)) {
      int read = in.readNBytes(buffer, offset, count);
      if (read != count) {
        throw HyggeException.home(
            "Cannot read "
                + location
                + ": the object changed while reading (got "
                + read
                + " of "
                + count
                + " bytes at offset "
                + position
                + "); read it again",
            null);
      }
    } catch (IOException e) {
      throw HyggeException.home("Cannot read " + location + ": " + e, e);
    }
  }

  @Override
  public InputStream newStream() {
    return get(GetObjectRequest.builder().bucket(location.bucket()).key(location.key()).build());
  }

  private ResponseInputStream<GetObjectResponse> get(GetObjectRequest request) {
    try {
      return store.client().getObject(request);
    } catch (NoSuchKeyException e) {
      throw missing(e);
    } catch (SdkException e) {
      throw S3Failures.translate(e, "read", location, ErrorKind.HOME);
    }
  }

  private HyggeException missing(Exception cause) {
    return HyggeException.home(
        "Cannot read " + location + ": the object does not exist (check the key)", cause);
  }
}
